import { CloseCode } from '@samle/shared';
import * as Y from 'yjs';
import type { DocStore } from '../storage/contracts/types.js';
import type { ClusterBus } from './cluster.js';
import type { RelayMetrics } from './RelayMetrics.js';
import type { PendingUpdate, Room } from './Room.js';
import type { Cancel, Scheduler } from './scheduler.js';
import type { RelayLogger } from './types.js';

/** Board history's hooks into the relay (server/src/history). */
export interface HistoryHooks {
  /** Updates from these writers (a person id, or the connection for people without one) were stored. */
  stored(docId: string, writers: string[]): void;
  /** The doc's log is about to be compacted away. */
  beforeCompaction(docId: string): void;
}

export interface WritePipelineHost {
  store: DocStore;
  logger: RelayLogger;
  metrics: RelayMetrics;
  scheduler: Scheduler;
  /** Least time between two flushes (ms); 0: every batch at once. */
  relayWindowMs: number;
  cluster?: ClusterBus;
  history?: HistoryHooks;
  /** The loaded rooms, for the unpersisted gauges. */
  rooms(): Iterable<Room>;
  /** A room whose updates could not be stored: close its clients with `code` and forget it. */
  discard(room: Room, code: number, reason: string): void;
  /** A room's batch is stored and relayed (every room of the batch has relayed before this is called). */
  afterStored(room: Room): void;
}

/**
 * The write path: updates a room accepted are queued, stored in one transaction per
 * batch, and only then relayed. A room's updates in a batch are merged into one stored
 * row, and that same merged update is what its clients (and other instances) receive:
 * one merge, one row and one frame per room per batch.
 */
export class WritePipeline {
  private batch: PendingUpdate[] = [];
  private cancelScheduled: Cancel | undefined;
  /** When the last flush started, for the flush window. */
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private flushing: Promise<void> | null = null;

  constructor(private readonly host: WritePipelineHost) {}

  /** Whether anything is queued, scheduled or being stored. */
  get busy(): boolean {
    return this.cancelScheduled !== undefined || this.flushing !== null || this.batch.length > 0;
  }

  enqueue(pending: PendingUpdate): void {
    this.batch.push(pending);
    if (this.cancelScheduled) return;
    // The gauges move when a batch opens and when it is stored, not with every update (they sum over rooms).
    this.updateGauges();
    const { scheduler } = this.host;
    // `soon` lets every frame already read from the sockets join this batch. Within the window
    // after a flush, the next one waits for the window to close: one transaction and one merged
    // frame per client then carry everything that arrived meanwhile.
    const wait = this.lastFlushAt + this.host.relayWindowMs - scheduler.now();
    const run = () => void this.flush();
    this.cancelScheduled = wait > 0 ? scheduler.after(wait, run) : scheduler.soon(run);
  }

  /** Forgets a discarded room's queued updates. */
  drop(room: Room): void {
    this.batch = this.batch.filter((pending) => pending.room !== room);
  }

  /** Resolves when everything queued so far is stored and relayed. */
  async drain(): Promise<void> {
    while (this.busy) {
      if (this.flushing) await this.flushing;
      else await this.flush();
    }
  }

  /** Writes the queued updates in one transaction, then relays them. One flush at a time. */
  private async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.cancelScheduled?.();
    this.cancelScheduled = undefined;
    const batch = this.batch.filter((pending) => isServing(pending.room));
    this.batch = [];
    if (batch.length === 0) return;
    this.lastFlushAt = this.host.scheduler.now();
    const run = this.persistBatch(batch);
    this.flushing = run;
    try {
      await run;
    } finally {
      this.flushing = null;
    }
  }

  private async persistBatch(batch: PendingUpdate[]): Promise<void> {
    const { store, logger, metrics, cluster, history, scheduler } = this.host;
    const started = scheduler.now();
    const byRoom = new Map<Room, PendingUpdate[]>();
    for (const pending of batch) {
      const list = byRoom.get(pending.room);
      if (list) list.push(pending);
      else byRoom.set(pending.room, [pending]);
    }
    const rows: Array<{ room: Room; docId: string; update: Uint8Array; updates: PendingUpdate[] }> = [];
    for (const [room, updates] of byRoom) {
      const first = updates[0] as PendingUpdate;
      const update = updates.length === 1 ? first.update : Y.mergeUpdates(updates.map((pending) => pending.update));
      rows.push({ room, docId: room.docId, update, updates });
    }
    try {
      await store.appendUpdates(rows);
    } catch (error) {
      logger.error({ err: error, updates: batch.length }, 'storing updates failed; affected documents are reset');
      metrics.persistFailed();
      for (const room of byRoom.keys()) {
        // The clients still hold their updates and send them again when they reconnect.
        this.host.discard(room, CloseCode.PersistFailed, 'the server could not store an update; reconnecting resyncs');
      }
      return;
    }
    metrics.persisted(batch.length, scheduler.now() - started);
    for (const { room, update, updates } of rows) {
      // Durable now: other instances may see it (even if this room went away meanwhile).
      cluster?.stored(room.docId, update);
      // history: counts who wrote, and takes a snapshot every few minutes of activity.
      history?.stored(room.docId, writersOf(updates));
      if (isServing(room)) room.relayPersisted(updates, update);
    }
    // Every room has relayed before any compacts.
    for (const room of byRoom.keys()) if (isServing(room)) this.host.afterStored(room);
    this.updateGauges();
  }

  private updateGauges(): void {
    let bytes = 0;
    let oldest = 0;
    for (const room of this.host.rooms()) {
      bytes += room.unstored.bytes;
      const at = room.unstored.oldestAt;
      if (at > 0 && (oldest === 0 || at < oldest)) oldest = at;
    }
    this.host.metrics.unpersisted(bytes, oldest);
  }
}

/** Who wrote a batch (history counts them): person ids, or the connection of someone without one. */
function writersOf(updates: readonly PendingUpdate[]): string[] {
  const writers: string[] = [];
  for (const { origin } of updates) if (origin) writers.push(origin.personId ?? `connection:${origin.id}`);
  return writers;
}

export function isServing(room: Room): boolean {
  return room.state === 'active' || room.state === 'repairing';
}
