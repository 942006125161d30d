import { Counter, Gauge, type Registry } from 'prom-client';

/** The cluster bus's metrics (`RedisBus.ts`). */
export interface BusMetrics {
  out: Counter<'kind'>;
  in: Counter<'kind'>;
  publishFailures: Counter;
  catchUps: Counter<'reason'>;
  catchUpFailures: Counter;
}

export function busMetrics(registry: Registry, isUp: () => boolean): BusMetrics {
  const registers = [registry];
  new Gauge({
    name: 'samle_redis_up',
    help: '1 when this instance is connected to Redis (cross-instance fan-out works), else 0',
    registers,
    collect() {
      this.set(isUp() ? 1 : 0);
    },
  });
  return {
    out: new Counter({
      name: 'samle_cluster_messages_out_total',
      help: 'Messages published to other instances, by kind',
      labelNames: ['kind'],
      registers,
    }),
    in: new Counter({
      name: 'samle_cluster_messages_in_total',
      help: 'Messages received from other instances, by kind',
      labelNames: ['kind'],
      registers,
    }),
    publishFailures: new Counter({
      name: 'samle_cluster_publish_failures_total',
      help: 'Messages that could not be published (Redis unreachable)',
      registers,
    }),
    catchUps: new Counter({
      name: 'samle_cluster_catchups_total',
      help: 'Documents re-read from storage because a message may have been missed, by reason',
      labelNames: ['reason'],
      registers,
    }),
    catchUpFailures: new Counter({
      name: 'samle_cluster_catchup_failures_total',
      help: 'Catch-ups that failed (retried)',
      registers,
    }),
  };
}
