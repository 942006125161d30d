import type { FastifyInstance } from 'fastify';
import { Gauge, type Registry } from 'prom-client';

export interface HealthRouteOptions {
  registry: Registry;
  /** Rooms loaded here (shown on both endpoints). */
  rooms: () => number;
  /** PostgreSQL probe (`ClusterDatabase.probe`); absent on the embedded SQLite, whose file is local. */
  database?: () => Promise<'up' | 'down' | 'other-secret'>;
  /** The cross-instance bus, when REDIS_URL is set. */
  bus?: { instanceId: string; isUp(): boolean };
}

/**
 * Liveness and readiness are different questions. `GET /healthz` (liveness) answers
 * 200 as long as the process serves HTTP: restarting it would not bring a database
 * back. `GET /readyz` (readiness) answers 503 while PostgreSQL does not answer (or
 * another instance signs with another SAMLE_SECRET), so a balancer sends new people to
 * an instance that can load and store their boards. Each call probes (a query with a
 * one-second limit); calls that arrive during a probe share its answer.
 *
 * Redis does not decide readiness: an instance without Redis still stores everything
 * before relaying it and serves its own clients correctly (the others catch up when Redis
 * returns), and a Redis outage reaches every instance at once — failing readiness then
 * would make an orchestrator take every instance out, turning a degradation into an
 * outage. `/readyz` and `/healthz` say `"redis":"down"`; alert on `samle_redis_up`.
 */
export async function healthRoutes(app: FastifyInstance, options: HealthRouteOptions): Promise<void> {
  const { bus } = options;
  let probing: Promise<'up' | 'down' | 'other-secret'> | null = null;
  const databaseAnswers = (): Promise<'up' | 'down' | 'other-secret'> => {
    const probe = options.database;
    if (!probe) return Promise.resolve('up');
    probing ??= probe().finally(() => {
      probing = null;
    });
    return probing;
  };
  let lastDatabaseUp = true;
  new Gauge({
    name: 'samle_database_up',
    help: '1 when the last readiness probe reached PostgreSQL (always 1 on SQLite), else 0',
    registers: [options.registry],
    collect() {
      this.set(lastDatabaseUp ? 1 : 0);
    },
  });

  // With several instances, an instance cut off from Redis still serves its own clients (200),
  // but says it is degraded: other instances' clients do not see its updates until Redis returns.
  app.get('/healthz', async () =>
    bus
      ? {
          status: bus.isUp() ? 'ok' : 'degraded',
          rooms: options.rooms(),
          instance: bus.instanceId,
          redis: bus.isUp() ? 'up' : 'down',
        }
      : { status: 'ok', rooms: options.rooms() },
  );

  app.get('/readyz', async (_request, reply) => {
    const probed = await databaseAnswers();
    const database = probed !== 'down';
    lastDatabaseUp = database;
    const redis = bus ? bus.isUp() : null;
    const ready = probed === 'up';
    reply.code(ready ? 200 : 503).header('cache-control', 'no-store');
    return {
      status: ready ? 'ready' : 'unavailable',
      ...(ready ? {} : { code: 'NOT_READY' }),
      database: options.database ? (database ? 'up' : 'down') : 'sqlite',
      // Another instance now signs with another SAMLE_SECRET: this one's tokens are no longer the installation's.
      ...(probed === 'other-secret' ? { signingKey: 'differs' } : {}),
      ...(bus ? { redis: redis ? 'up' : 'down', instance: bus.instanceId } : {}),
      rooms: options.rooms(),
    };
  });
}
