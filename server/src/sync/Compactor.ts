import { type CompactionFence, type DocStore, StaleFenceError } from '../storage/contracts/types.js';
import type { ClusterBus } from './cluster.js';
import type { RelayMetrics } from './RelayMetrics.js';
import type { Room } from './Room.js';
import { type Merged, SnapshotMerger } from './SnapshotMerger.js';
import type { Scheduler } from './scheduler.js';
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
  /** Where merges run (default: a worker thread, see SnapshotMerger). */
  merger?: SnapshotMerger;
}

/**
 * Merges a doc's log into its snapshot when the log passes its bound, in the
 * background; a failure keeps the log as it was. With several instances, only the
 * holder of the doc's compaction lease compacts, and storage refuses the write if
 * the lease was taken over meanwhile (its fencing token is checked).
 */
export class Compactor {
  private readonly running = new Set<Promise<void>>();
  /** Rooms whose log is being merged now, and that compaction. */
  private readonly compacting = new Map<Room, Promise<void>>();
  /** Compactions done here per room (per load of a doc). */
  private readonly done = new WeakMap<Room, number>();
  private readonly merger: SnapshotMerger;

  constructor(private readonly host: CompactorHost) {
    this.merger = host.merger ?? new SnapshotMerger(host.logger);
  }

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
   * Compacts a doc whose log has passed its bound, in the background. The merge runs on a worker
   * thread, so it may start whenever the bound is passed, unstored updates or not: what storage
   * holds is merged, and what is stored meanwhile stays in the log for the next compaction.
   */
  maybeCompact(room: Room): void {
    if (this.compacting.has(room) || room.state !== 'active') return;
    if (!this.pastBound(room.size.log)) return;
    const run = this.track(room, this.compact(room));
    this.running.add(run);
    void run.finally(() => {
      this.running.delete(run);
      if (room.state === 'active' && room.connections.size === 0) room.scheduleIdleUnload();
    });
  }

  /**
   * Compacts now, whatever the log's size, waiting for the lease if another instance holds it
   * (and for a compaction of the doc already running here, which may have read the log before
   * the change this one must merge).
   */
  async compactNow(room: Room): Promise<void> {
    for (let current = this.compacting.get(room); current; current = this.compacting.get(room)) await current;
    await this.track(room, this.compact(room, { waitForLease: true }));
  }

  /** Parts merged into one garbage-collected state on the merge worker, with a root map's key count (SnapshotMerger). */
  mergeOffThread(parts: readonly Uint8Array[], countKeysOf: string | null): Promise<Merged> {
    return this.merger.mergeCounting(parts, countKeysOf);
  }

  /** Ends the merge worker (the relay is shutting down). */
  close(): Promise<void> {
    return this.merger.close();
  }

  private track(room: Room, run: Promise<void>): Promise<void> {
    const tracked = run.finally(() => {
      if (this.compacting.get(room) === tracked) this.compacting.delete(room);
    });
    this.compacting.set(room, tracked);
    return tracked;
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
      // The merge runs on the worker thread, from what storage holds. On one instance, with
      // nothing unstored, a cold room's state is what storage holds: if nothing changes it until
      // the merge is back, the room serves the clean (garbage-collected) result from then on, so a
      // reader's first sync after compaction carries no deleted text (a live doc holds none). An
      // indexed doc keeps its index: the clean result is the same state, garbage-collected.
      // The state's mark, not the state: encoding a big board here would stall the relay's thread.
      const cold =
        !cluster && room.state === 'active' && room.unstored.count === 0 && !room.content.isLive
          ? room.content.changes
          : null;
      let clean: Uint8Array | null = null;
      const result = await store.compactDoc(
        room.docId,
        async (parts) => {
          clean = await this.merger.merge(parts);
          return clean;
        },
        fence ?? undefined,
      );
      if (clean && cold !== null && room.state === 'active') room.content.compacted(clean, cold);
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
