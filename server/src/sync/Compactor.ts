import { type CompactionFence, type DocStore, StaleFenceError } from '../storage/contracts/types.js';
import type { ClusterBus } from './cluster.js';
import type { RelayMetrics } from './RelayMetrics.js';
import type { Room } from './Room.js';
import type { Scheduler } from './scheduler.js';
import { mergeStoredLog } from './storedLog.js';
import type { RelayLogger, RelayTimings } from './types.js';
import type { HistoryHooks } from './WritePipeline.js';

export interface CompactorHost {
  store: DocStore;
  logger: RelayLogger;
  metrics: RelayMetrics;
  scheduler: Scheduler;
  timings: Pick<RelayTimings, 'compactAfterUpdates' | 'compactAfterBytes'>;
  /** Several instances: compaction takes the doc's lease from the store first. */
  cluster?: ClusterBus;
  /** How long a compaction lease lasts (cluster only). */
  leaseMs: number;
  history?: HistoryHooks;
}

/**
 * Merges a doc's log into its snapshot when the log passes its bound, in the
 * background; a failure keeps the log as it was. With several instances, only the
 * holder of the doc's compaction lease compacts, and storage refuses the write if
 * the lease was taken over meanwhile (its fencing token is checked).
 */
export class Compactor {
  private readonly running = new Set<Promise<void>>();
  /** Rooms whose log is being merged now. */
  private readonly compacting = new Set<Room>();
  /** Compactions done here per room (per load of a doc). */
  private readonly done = new WeakMap<Room, number>();

  constructor(private readonly host: CompactorHost) {}

  get busy(): boolean {
    return this.running.size > 0;
  }

  isCompacting(room: Room): boolean {
    return this.compacting.has(room);
  }

  /** Compactions this instance did of the room's doc since it loaded it. */
  countOf(room: Room): number {
    return this.done.get(room) ?? 0;
  }

  /** Resolves when the compactions running now have finished. */
  async idle(): Promise<void> {
    await Promise.all(this.running);
  }

  /**
   * Compacts a doc whose log has passed its bound. While nothing is unstored the snapshot is
   * the doc's own encoding (cheap), so compaction starts right away, from here, at such a
   * moment; while updates are unstored it would have to rebuild a doc from the log on the
   * relay's thread (a stall every client on the server feels), so it waits for a batch that
   * leaves nothing unstored, unless the log has grown to four times its bound.
   */
  maybeCompact(room: Room): void {
    const { timings } = this.host;
    if (this.compacting.has(room) || room.state !== 'active') return;
    const log = room.size.log;
    if (!this.pastBound(log)) return;
    const overdue = log.updates >= 4 * timings.compactAfterUpdates || log.bytes >= 4 * timings.compactAfterBytes;
    if (room.unstored.count > 0 && !overdue) return;
    this.compacting.add(room);
    const run = this.compact(room).finally(() => {
      this.running.delete(run);
      this.compacting.delete(room);
      if (room.state === 'active' && room.connections.size === 0) room.scheduleIdleUnload();
    });
    this.running.add(run);
  }

  /** Compacts now, whatever the log's size, waiting for the lease if another instance holds it. */
  async compactNow(room: Room): Promise<void> {
    this.compacting.add(room);
    try {
      await this.compact(room, { waitForLease: true });
    } finally {
      this.compacting.delete(room);
    }
  }

  private pastBound(log: { readonly updates: number; readonly bytes: number }): boolean {
    const { timings } = this.host;
    return log.updates >= timings.compactAfterUpdates || log.bytes >= timings.compactAfterBytes;
  }

  private async compact(room: Room, options: { waitForLease?: boolean } = {}): Promise<void> {
    const { store, logger, metrics, cluster, scheduler } = this.host;
    const started = scheduler.now();
    let fence: CompactionFence | null = null;
    let logBefore = room.size.log;
    try {
      if (cluster && !options.waitForLease && store.logSize) {
        // Another instance may have compacted since this one counted: look at what storage holds.
        room.size.correctLog(await store.logSize(room.docId));
        logBefore = room.size.log;
        if (!this.pastBound(logBefore)) return;
      }
      if (cluster) {
        fence = await this.takeLease(room.docId, cluster.instanceId, options.waitForLease ?? false);
        if (!fence) {
          metrics.compactionLeaseBusy();
          room.size.forgetLog();
          return;
        }
      }
      // history: a snapshot before compaction; the compacted state (and what readers are served
      // from now on) is garbage-collected, so deleted text is in neither.
      this.host.history?.beforeCompaction(room.docId);
      // On one instance, everything stored is in the room's doc, and while nothing is unstored the
      // doc is exactly what storage holds: its encoding is the snapshot, without rebuilding a doc from
      // the log. With several instances, storage may hold updates from others not received yet.
      const merge = (parts: Uint8Array[]) =>
        !cluster && room.state === 'active' && room.unstored.count === 0
          ? collectedState(room)
          : mergeStoredLog(parts, 'snapshot').state;
      const result = await store.compactDoc(room.docId, merge, fence ?? undefined);
      room.size.compacted(result, logBefore);
      if (!result) return;
      metrics.compacted(scheduler.now() - started, result.mergedUpdates);
      this.done.set(room, this.countOf(room) + 1);
      logger.info({ ...result, ms: scheduler.now() - started }, 'document compacted');
    } catch (error) {
      metrics.compactionFailed();
      if (error instanceof StaleFenceError) {
        logger.warn({ docId: room.docId, token: fence?.token }, 'compaction lease was taken over; nothing written');
      } else {
        logger.error({ err: error, docId: room.docId }, 'compaction failed; the log is kept as it was');
      }
    } finally {
      if (fence) {
        await store.releaseCompactionLease?.(fence).catch((error: unknown) => {
          logger.warn({ err: error, docId: room.docId }, 'compaction lease could not be released; it expires');
        });
      }
    }
  }

  /** The doc's compaction lease, or null when another instance holds it (after waiting up to a lease, if asked). */
  private async takeLease(docId: string, holder: string, wait: boolean): Promise<CompactionFence | null> {
    const { store, scheduler, leaseMs } = this.host;
    const deadline = scheduler.now() + leaseMs;
    for (let delay = 20; ; delay = Math.min(delay * 2, 1000)) {
      const fence = (await store.acquireCompactionLease?.(docId, holder, leaseMs)) ?? null;
      if (fence || !wait || scheduler.now() > deadline) return fence;
      await new Promise<void>((resolve) => scheduler.after(delay, resolve));
    }
  }
}

/**
 * A room's state for its compacted snapshot, garbage-collected. A live doc (gc: true) holds no
 * deleted content; a cold one is merged updates, which do. It is rebuilt, and the room serves the
 * clean form from now on (the same state, without deleted content): a reader's first sync after
 * compaction carries no deleted text.
 */
function collectedState(room: Room): Uint8Array {
  if (room.content.isLive) return room.content.encodedState();
  const clean = mergeStoredLog([room.content.encodedState()], 'snapshot').state;
  room.content.reset(clean);
  return clean;
}
