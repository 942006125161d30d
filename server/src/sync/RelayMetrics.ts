import { closeCodeName } from '@samle/shared';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** How many documents `samle_doc_compactions` shows (the ones compacted most), so its series stay few. */
const TOP_DOCS = 10;

/**
 * The relay's Prometheus metrics. Rates (updates per second) are derived by
 * Prometheus from the counters, as usual: `rate(samle_messages_in_total[1m])`.
 */
export class RelayMetrics {
  private readonly connectionsOpen: Gauge;
  private readonly connectionsTotal: Counter;
  private readonly closes: Counter<'code' | 'name'>;
  private readonly messagesIn: Counter<'kind'>;
  private readonly framesOutTotal: Counter;
  private readonly updatesPersisted: Counter;
  private readonly persistSeconds: Histogram;
  private readonly persistFailures: Counter;
  private readonly relayDelaySeconds: Histogram;
  private readonly unpersistedBytes: Gauge;
  private readonly loadSeconds: Histogram;
  private readonly loadFailures: Counter;
  private readonly skippedUpdates: Counter;
  private readonly unloads: Counter;
  private readonly repairs: Counter;
  private readonly catchUps: Counter;
  private readonly compactions: Counter;
  private readonly storageRepairs: Counter<'trigger'>;
  private readonly compactionSeconds: Histogram;
  private readonly compactionFailures: Counter;
  private readonly compactionLeaseBusyTotal: Counter;
  private readonly compactionMerged: Histogram;
  private oldestUnpersistedAt = 0;
  /** Compactions done here per loaded doc since it was loaded (the relay tells). */
  private compactionsPerDoc: () => Iterable<readonly [string, number]> = () => [];

  constructor(registry: Registry, roomsLoaded: () => number) {
    const registers = [registry];
    new Gauge({
      name: 'samle_rooms_loaded',
      help: 'Documents currently held in memory by the relay',
      registers,
      collect() {
        this.set(roomsLoaded());
      },
    });
    this.connectionsOpen = new Gauge({ name: 'samle_connections', help: 'Open sync connections', registers });
    this.connectionsTotal = new Counter({
      name: 'samle_connections_total',
      help: 'Sync connections accepted',
      registers,
    });
    this.closes = new Counter({
      name: 'samle_connection_closes_total',
      help: 'Sync connections closed, by close code',
      labelNames: ['code', 'name'],
      registers,
    });
    this.messagesIn = new Counter({
      name: 'samle_messages_in_total',
      help: 'Messages received from clients, by kind',
      labelNames: ['kind'],
      registers,
    });
    this.framesOutTotal = new Counter({ name: 'samle_frames_out_total', help: 'Frames sent to clients', registers });
    this.updatesPersisted = new Counter({
      name: 'samle_updates_persisted_total',
      help: 'Document updates made durable',
      registers,
    });
    this.persistSeconds = new Histogram({
      name: 'samle_persist_batch_seconds',
      help: 'Time to store one batch of updates',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
    this.relayDelaySeconds = new Histogram({
      name: 'samle_relay_delay_seconds',
      help: 'Time from accepting an update to relaying it (storing it durably is most of this)',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
    this.persistFailures = new Counter({
      name: 'samle_persist_failures_total',
      help: 'Batches of updates that could not be stored',
      registers,
    });
    this.unpersistedBytes = new Gauge({
      name: 'samle_unpersisted_bytes',
      help: 'Bytes of accepted updates not yet durable',
      registers,
    });
    const metrics = this;
    new Gauge({
      name: 'samle_oldest_unpersisted_age_seconds',
      help: 'Age of the oldest accepted update not yet durable (0 when none)',
      registers,
      collect() {
        this.set(metrics.oldestUnpersistedAt === 0 ? 0 : (Date.now() - metrics.oldestUnpersistedAt) / 1000);
      },
    });
    this.loadSeconds = new Histogram({
      name: 'samle_doc_load_seconds',
      help: 'Time to load a document from storage',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.loadFailures = new Counter({ name: 'samle_doc_load_failures_total', help: 'Failed loads', registers });
    this.skippedUpdates = new Counter({
      name: 'samle_doc_load_skipped_updates_total',
      help: 'Stored updates that could not be applied on load',
      registers,
    });
    this.repairs = new Counter({
      name: 'samle_doc_repairs_total',
      help: 'Documents rebuilt from storage after an update failed half-way through integration',
      registers,
    });
    this.catchUps = new Counter({
      name: 'samle_cluster_catch_ups_total',
      help: 'Loaded documents re-read from storage because updates from another instance built on changes not received',
      registers,
    });
    this.storageRepairs = new Counter({
      name: 'samle_cluster_repairs_total',
      help:
        'Loaded documents that lacked updates storage held and were repaired from it, by what noticed it ' +
        '(reconcile: the periodic look; announce: another instance started; pending: an update built on one not received; bus: a gap, a resync, a reconnect)',
      labelNames: ['trigger'],
      registers,
    });
    this.unloads = new Counter({ name: 'samle_doc_unloads_total', help: 'Idle documents unloaded', registers });
    this.compactions = new Counter({ name: 'samle_compactions_total', help: 'Log compactions done', registers });
    this.compactionSeconds = new Histogram({
      name: 'samle_compaction_seconds',
      help: 'Time to compact one document log',
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers,
    });
    this.compactionMerged = new Histogram({
      name: 'samle_compaction_merged_updates',
      help: 'Log entries merged by one compaction (a storm shows as many compactions of a few entries)',
      buckets: [1, 5, 10, 50, 100, 250, 500, 1000, 5000],
      registers,
    });
    const perDoc = () => this.compactionsPerDoc();
    new Gauge({
      name: 'samle_doc_compactions',
      help: `Compactions this instance did of a loaded document since it loaded it; the ${TOP_DOCS} documents with the most (bounded series)`,
      labelNames: ['doc'],
      registers,
      collect() {
        this.reset();
        const top = [...perDoc()].filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]);
        for (const [doc, count] of top.slice(0, TOP_DOCS)) this.set({ doc }, count);
      },
    });
    this.compactionFailures = new Counter({
      name: 'samle_compaction_failures_total',
      help: 'Compactions that failed (the log is kept)',
      registers,
    });
    this.compactionLeaseBusyTotal = new Counter({
      name: 'samle_compaction_lease_busy_total',
      help: "Compactions left to another instance that held the document's compaction lease",
      registers,
    });
  }

  connectionOpened(): void {
    this.connectionsOpen.inc();
    this.connectionsTotal.inc();
  }

  connectionClosed(code: number): void {
    this.connectionsOpen.dec();
    this.closes.inc({ code: String(code), name: closeCodeName(code) ?? 'Normal' });
  }

  messageIn(kind: string): void {
    this.messagesIn.inc({ kind });
  }

  framesOut(frames: number): void {
    if (frames > 0) this.framesOutTotal.inc(frames);
  }

  persisted(updates: number, ms: number): void {
    this.updatesPersisted.inc(updates);
    this.persistSeconds.observe(ms / 1000);
  }

  relayDelay(ms: number): void {
    this.relayDelaySeconds.observe(ms / 1000);
  }

  persistFailed(): void {
    this.persistFailures.inc();
  }

  unpersisted(bytes: number, oldestAt: number): void {
    this.unpersistedBytes.set(bytes);
    this.oldestUnpersistedAt = oldestAt;
  }

  loaded(ms: number, skippedUpdates: number): void {
    this.loadSeconds.observe(ms / 1000);
    if (skippedUpdates > 0) this.skippedUpdates.inc(skippedUpdates);
  }

  loadFailed(): void {
    this.loadFailures.inc();
  }

  repaired(): void {
    this.repairs.inc();
  }

  caughtUp(): void {
    this.catchUps.inc();
  }

  /** A catch-up from storage brought a loaded doc something it lacked. */
  repairedFromStorage(trigger: string): void {
    this.storageRepairs.inc({ trigger });
  }

  unloaded(): void {
    this.unloads.inc();
  }

  compacted(ms: number, mergedUpdates: number): void {
    this.compactions.inc();
    this.compactionSeconds.observe(ms / 1000);
    this.compactionMerged.observe(mergedUpdates);
  }

  /** Where `samle_doc_compactions` reads each loaded doc's compactions from. */
  countCompactionsOf(source: () => Iterable<readonly [string, number]>): void {
    this.compactionsPerDoc = source;
  }

  compactionFailed(): void {
    this.compactionFailures.inc();
  }

  compactionLeaseBusy(): void {
    this.compactionLeaseBusyTotal.inc();
  }
}
