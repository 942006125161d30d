import { CloseCode } from '@samle/shared';
import * as Y from 'yjs';
import type { DocStore } from '../storage/contracts/types.js';
import type { ClusterBus } from './cluster.js';
import type { RelayMetrics } from './RelayMetrics.js';
import type { PendingUpdate, Room } from './Room.js';
import { relayWindowFor } from './relayWindow.js';
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
  /** Least time between two flushes of one room's updates (ms) per `relayWindowClients` clients; 0: every batch at once. */
  relayWindowMs: number;
  /** Clients on a room per `relayWindowMs` of window; a room with fewer gets none (relayWindow.ts). */
  relayWindowClients: number;
  /** The event loop's utilisation from which a room gets its whole window; none below half of it; 0: always (relayWindow.ts). */
  relayWindowBusy: number;
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
 *
 * Each room has its own window, as long as its number of clients makes it worth it
 * (`relayWindowFor`: none for a table's board, three windows for a plenum): an update on a
 * board that has not been relayed within its window — a quiet board — is stored and relayed
 * on the next turn of the event loop; updates on a board relayed less than a window ago wait
 * for its window to close and go out together. So merging happens only on a busy board with
 * many clients, and a busy board never delays a quiet one.
 */
export class WritePipeline {
  /** Updates waiting to be stored, per room, oldest first. */
  private readonly waiting = new Map<Room, PendingUpdate[]>();
  /** When each room's updates were last taken for storing, for its window. */
  private readonly lastFlushOf = new WeakMap<Room, number>();
  /** The next flush: when it is due, and how to call it off. */
  private scheduled: { at: number; cancel: Cancel } | undefined;
  private flushing: Promise<void> | null = null;

  constructor(private readonly host: WritePipelineHost) {}

  /** Whether anything is queued, scheduled or being stored. */
  get busy(): boolean {
    return this.scheduled !== undefined || this.flushing !== null || this.waiting.size > 0;
  }

  enqueue(pending: PendingUpdate): void {
    const list = this.waiting.get(pending.room);
    if (list) {
      list.push(pending);
      return;
    }
    this.waiting.set(pending.room, [pending]);
    // The gauges move when a room starts waiting and when a batch is stored, not with every update.
    this.updateGauges();
    this.schedule(this.dueAt(pending.room));
  }

  /** Forgets a discarded room's queued updates. */
  drop(room: Room): void {
    this.waiting.delete(room);
  }

  /** Resolves when everything queued so far is stored and relayed, windows or not. */
  async drain(): Promise<void> {
    while (this.busy) {
      if (this.flushing) await this.flushing;
      else await this.flush('all');
    }
  }

  /** When a room's waiting updates may go: at once for a quiet room, else when its window closes. */
  private dueAt(room: Room): number {
    const { relayWindowMs, relayWindowClients, relayWindowBusy, scheduler } = this.host;
    const window = relayWindowFor(
      room.connections.size,
      relayWindowMs,
      relayWindowClients,
      relayWindowBusy > 0 ? scheduler.load() : 1,
      relayWindowBusy,
    );
    return (this.lastFlushOf.get(room) ?? Number.NEGATIVE_INFINITY) + window;
  }

  /** Makes sure a flush runs by `at` (on the next turn when `at` has passed). */
  private schedule(at: number): void {
    const { scheduler } = this.host;
    const now = scheduler.now();
    const due = Math.max(at, now);
    if (this.scheduled && this.scheduled.at <= due) return;
    this.scheduled?.cancel();
    const run = () => {
      this.scheduled = undefined;
      void this.flush('due');
    };
    // `soon` lets every frame already read from the sockets join this batch.
    this.scheduled = { at: due, cancel: at > now ? scheduler.after(at - now, run) : scheduler.soon(run) };
  }

  /**
   * Takes the rooms whose window is closed (or every room, for `drain`), stores their updates
   * in one transaction and relays them. One flush at a time.
   */
  private async flush(which: 'due' | 'all'): Promise<void> {
    while (this.flushing) await this.flushing;
    const now = this.host.scheduler.now();
    const taken = new Map<Room, PendingUpdate[]>();
    for (const [room, updates] of this.waiting) {
      // A timer may fire a little before the millisecond it was set for.
      if (which === 'due' && this.dueAt(room) > now + 1) continue;
      this.waiting.delete(room);
      if (!isServing(room)) continue;
      this.lastFlushOf.set(room, now);
      taken.set(room, updates);
    }
    this.scheduled?.cancel();
    this.scheduled = undefined;
    for (const room of this.waiting.keys()) this.schedule(this.dueAt(room));
    if (taken.size === 0) return;
    const run = this.persistBatch(taken);
    this.flushing = run;
    try {
      await run;
    } finally {
      this.flushing = null;
    }
  }

  private async persistBatch(byRoom: Map<Room, PendingUpdate[]>): Promise<void> {
    const { store, logger, metrics, cluster, history, scheduler } = this.host;
    const started = scheduler.now();
    let count = 0;
    const rows: Array<{ room: Room; docId: string; update: Uint8Array; updates: PendingUpdate[] }> = [];
    for (const [room, updates] of byRoom) {
      count += updates.length;
      const first = updates[0] as PendingUpdate;
      const update = updates.length === 1 ? first.update : Y.mergeUpdates(updates.map((pending) => pending.update));
      rows.push({ room, docId: room.docId, update, updates });
    }
    let positions: readonly number[] | undefined;
    try {
      positions = (await store.appendUpdates(rows)) ?? undefined;
    } catch (error) {
      logger.error({ err: error, updates: count }, 'storing updates failed; affected documents are reset');
      metrics.persistFailed();
      for (const room of byRoom.keys()) {
        // The clients still hold their updates and send them again when they reconnect.
        this.host.discard(room, CloseCode.PersistFailed, 'the server could not store an update; reconnecting resyncs');
      }
      return;
    }
    metrics.persisted(count, scheduler.now() - started);
    for (const [index, { room, update, updates }] of rows.entries()) {
      const position = positions?.[index];
      room.position.heard(position);
      // Durable now: other instances may see it (even if this room went away meanwhile).
      cluster?.stored(room.docId, update, position);
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
