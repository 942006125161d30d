import { CloseCode } from '@samle/shared';
import * as Y from 'yjs';
import type { DocStore, StoredDoc } from '../storage/types.js';
import { Connection } from './Connection.js';
import type { RelayMetrics } from './RelayMetrics.js';
import { type PendingUpdate, Room } from './Room.js';
import type { ConnectionAccess, RelayLimits, RelayLogger, RelayTimings, SyncSocket } from './types.js';

/** A command could not reach its document (not loaded, shutting down, over budget); retrying later may work. */
export class RelayUnavailableError extends Error {
  readonly code = 'DOCUMENT_UNAVAILABLE';
}

export interface RelayOptions {
  store: DocStore;
  limits: RelayLimits;
  timings: RelayTimings;
  logger: RelayLogger;
  metrics: RelayMetrics;
  now?: () => number;
  /** Docs that are created empty on first load instead of being "not found" (see isMadeOnDemand). */
  madeOnDemand?: (docId: string) => boolean;
}

/** What the transport adapter holds for one socket. */
export interface ConnectionHandle {
  /** Every frame from the socket, in order, as soon as it arrives (before any await). */
  receive(frame: Uint8Array): void;
  /** The socket closed from the client's side. */
  closed(): void;
}

/**
 * The sync relay: loads docs once, buffers frames until they are loaded, makes
 * every update durable before relaying it, compacts logs, unloads idle docs.
 * It knows sockets only through `SyncSocket` and storage only through `DocStore`.
 */
export class Relay {
  private readonly rooms = new Map<string, Room>();
  /** Which room each open connection is on. */
  private readonly connectionRooms = new Map<Connection, Room>();
  private batch: PendingUpdate[] = [];
  private flushScheduled = false;
  private flushing: Promise<void> | null = null;
  private shuttingDown = false;
  private readonly compactions = new Set<Promise<void>>();
  private readonly now: () => number;

  constructor(private readonly options: RelayOptions) {
    this.now = options.now ?? (() => performance.timeOrigin + performance.now());
  }

  get loadedRooms(): number {
    return this.rooms.size;
  }

  /** Resolves true once the doc is loaded and serving, false if that load failed or the doc is not loaded. */
  whenLoaded(docId: string): Promise<boolean> {
    return this.rooms.get(docId)?.loaded ?? Promise.resolve(false);
  }

  /**
   * Runs `use` with a loaded doc's room (for server-authored changes), or returns
   * false when the doc is not loaded and serving.
   */
  withRoom(docId: string, use: (room: Room) => void): boolean {
    const room = this.rooms.get(docId);
    if (room?.state !== 'active') return false;
    use(room);
    return true;
  }

  /**
   * Applies a server-authored change (a command: a vote total, a timer) to a doc,
   * loading it if needed, and resolves once the change is stored and relayed —
   * the same rule as for clients' updates.
   */
  async command(docId: string, change: (doc: Y.Doc) => void): Promise<void> {
    const room = await this.loadedRoom(docId);
    room.applyServerChange(change);
    if (room.connections.size === 0) this.scheduleIdleUnload(room);
    await this.drain();
  }

  /**
   * Merges a doc's log into its snapshot now, whatever its size — after a change
   * that removed content which must not stay in the log (e.g. authors on a board
   * made anonymous).
   */
  async compactNow(docId: string): Promise<void> {
    const room = await this.loadedRoom(docId);
    await this.drain();
    room.compacting = true;
    try {
      await this.compact(room);
    } finally {
      room.compacting = false;
    }
  }

  /** Reads a doc's stored state (loading it if needed) through a scratch copy that `reader` may not keep. */
  async read<T>(docId: string, reader: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.loadedRoom(docId);
    const copy = new Y.Doc();
    try {
      Y.applyUpdate(copy, room.content.encodedState());
      return reader(copy);
    } finally {
      copy.destroy();
      if (room.connections.size === 0) this.scheduleIdleUnload(room);
    }
  }

  private async loadedRoom(docId: string): Promise<Room> {
    if (this.shuttingDown) throw new RelayUnavailableError('the server is shutting down');
    const room = this.roomFor(docId);
    if (!room) throw new RelayUnavailableError('the server is at its document budget');
    if (!(await room.loaded) || room.state !== 'active') {
      throw new RelayUnavailableError(`document ${docId} could not be loaded`);
    }
    return room;
  }

  /**
   * Closes every connection that matches, e.g. a revoked person's (4410) or the
   * writers of boards whose session just ended (4511: they reconnect read-only).
   * Returns how many were closed.
   */
  closeWhere(matches: (docId: string, connection: Connection) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const room of [...this.rooms.values()]) {
      for (const connection of [...room.connections]) {
        if (!matches(room.docId, connection)) continue;
        connection.close(code, reason);
        closed++;
      }
    }
    return closed;
  }

  /** Accepts a socket for a doc. Synchronous: frames that arrive before the doc is loaded are buffered. */
  connect(docId: string, socket: SyncSocket, access: ConnectionAccess): ConnectionHandle {
    const { metrics } = this.options;
    const connection = new Connection(socket, access, this.options.limits, this.onConnectionClosed, this.now());
    metrics.connectionOpened();
    if (this.shuttingDown) {
      connection.close(CloseCode.ShuttingDown, 'server is shutting down');
      return { receive: () => {}, closed: () => {} };
    }
    const room = this.roomFor(docId);
    if (!room) {
      connection.close(CloseCode.Overloaded, 'server is at its document budget; try again shortly');
      return { receive: () => {}, closed: () => {} };
    }
    this.connectionRooms.set(connection, room);
    room.addConnection(connection);
    return {
      receive: (frame) => {
        try {
          room.receive(connection, frame);
        } catch (error) {
          // A bug in handling one frame must cost this client its connection, never the process or the room.
          this.options.logger.error({ err: error, docId, connection: connection.id }, 'frame handling failed');
          connection.close(CloseCode.MalformedMessage, 'the server could not process a message');
        }
      },
      closed: () => connection.markClosed(),
    };
  }

  private roomFor(docId: string): Room | null {
    const existing = this.rooms.get(docId);
    if (existing) return existing;
    if (this.rooms.size >= this.options.limits.maxLoadedDocs) this.unloadIdleRooms();
    if (this.rooms.size >= this.options.limits.maxLoadedDocs) return null;
    const room = new Room(docId, {
      limits: this.options.limits,
      coldAfterMs: this.options.timings.coldAfterMs,
      now: this.now,
      persist: (pending) => this.enqueue(pending),
      repair: (target) => void this.repair(target),
      countIn: (kind) => this.options.metrics.messageIn(kind),
      countOut: (frames) => this.options.metrics.framesOut(frames),
      relayDelay: (ms) => this.options.metrics.relayDelay(ms),
    });
    this.rooms.set(docId, room);
    void this.load(room);
    return room;
  }

  private async load(room: Room): Promise<void> {
    const { store, logger, metrics } = this.options;
    try {
      let stored = await store.loadDoc(room.docId);
      if (!stored && this.options.madeOnDemand?.(room.docId)) {
        // A doc made on first use: create it (empty) and load that.
        await store.ensureDoc(room.docId, Date.now());
        stored = await store.loadDoc(room.docId);
      }
      if (room.state !== 'loading') return;
      if (!stored) {
        this.discard(room, CloseCode.DocNotFound, 'no such document');
        return;
      }
      const skipped = this.readInto(room, stored);
      metrics.loaded(this.now() - room.loadStartedAt, skipped);
      room.activate();
      if (room.connections.size === 0) this.scheduleIdleUnload(room);
      this.maybeCompact(room);
    } catch (error) {
      logger.error({ err: error, docId: room.docId }, 'document load failed');
      metrics.loadFailed();
      // Nothing was applied or written; the next connection tries a fresh load.
      this.discard(room, CloseCode.LoadFailed, 'the document could not be loaded; retry shortly');
    }
  }

  /**
   * Sets the room's doc to what storage holds, cold. A single clean snapshot is used
   * as it is; otherwise snapshot and log are merged through a scratch doc, which also
   * proves every part applies. Returns how many stored parts could not be applied.
   */
  private readInto(room: Room, stored: StoredDoc): number {
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    let skipped = 0;
    const merged = parts.length === 1 ? parts[0] : mergeStored(parts);
    if (merged) {
      room.content.reset(merged);
    } else {
      const scratch = new Y.Doc({ gc: true });
      scratch.transact(() => {
        for (const part of parts) {
          try {
            Y.applyUpdate(scratch, part);
          } catch (error) {
            // Only updates Yjs itself produced are stored, so this means damaged storage. The part
            // is skipped and reported rather than making the whole document unreachable.
            skipped++;
            this.options.logger.error({ err: error, docId: room.docId }, 'stored update could not be applied; skipped');
          }
        }
      });
      room.content.reset(Y.encodeStateAsUpdate(scratch));
      scratch.destroy();
    }
    room.storedBytes = stored.bytes;
    room.logUpdates = stored.updates.length;
    room.logBytes = stored.updates.reduce((sum, update) => sum + update.byteLength, 0);
    return skipped;
  }

  /**
   * Rebuilds a room's doc after an update failed half-way through integration: storage
   * plus the room's not-yet-stored updates. Connections stay; their frames wait meanwhile.
   */
  private async repair(room: Room): Promise<void> {
    const { store, logger, metrics } = this.options;
    metrics.repaired();
    logger.warn({ docId: room.docId }, 'rebuilding document from storage after a failed update');
    room.startRepair();
    try {
      const stored = await store.loadDoc(room.docId);
      if (room.state !== 'repairing' || !stored) throw new Error('document vanished during repair');
      this.readInto(room, stored);
      if (room.unpersisted.length > 0) {
        const doc = room.content.live();
        doc.transact(() => {
          for (const pending of room.unpersisted) Y.applyUpdate(doc, pending.update);
        });
      }
      room.activate();
    } catch (error) {
      logger.error({ err: error, docId: room.docId }, 'document repair failed');
      this.discard(room, CloseCode.LoadFailed, 'the document must be reloaded');
    }
  }

  private enqueue(pending: PendingUpdate): void {
    this.batch.push(pending);
    this.options.metrics.unpersisted(this.unpersistedBytes(), this.oldestUnpersistedAt());
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate lets every frame already read from the sockets join this batch.
    setImmediate(() => void this.flush());
  }

  /** Writes the queued updates in one transaction, then applies and relays them. One flush at a time. */
  private async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushScheduled = false;
    const batch = this.batch.filter((pending) => isServing(pending.room));
    this.batch = [];
    if (batch.length === 0) return;
    const run = this.persistBatch(batch);
    this.flushing = run;
    try {
      await run;
    } finally {
      this.flushing = null;
    }
  }

  private async persistBatch(batch: PendingUpdate[]): Promise<void> {
    const { store, logger, metrics } = this.options;
    const started = this.now();
    try {
      await store.appendUpdates(batch.map((pending) => ({ docId: pending.room.docId, update: pending.update })));
    } catch (error) {
      logger.error({ err: error, updates: batch.length }, 'storing updates failed; affected documents are reset');
      metrics.persistFailed();
      for (const room of new Set(batch.map((pending) => pending.room))) {
        // The clients still hold their updates and send them again when they reconnect.
        this.discard(room, CloseCode.PersistFailed, 'the server could not store an update; reconnecting resyncs');
      }
      return;
    }
    metrics.persisted(batch.length, this.now() - started);
    const byRoom = new Map<Room, PendingUpdate[]>();
    for (const pending of batch) {
      const list = byRoom.get(pending.room);
      if (list) list.push(pending);
      else byRoom.set(pending.room, [pending]);
    }
    for (const [room, updates] of byRoom) {
      if (!isServing(room)) continue;
      room.relayPersisted(updates);
      this.maybeCompact(room);
      if (room.connections.size === 0) this.scheduleIdleUnload(room);
    }
    metrics.unpersisted(this.unpersistedBytes(), this.oldestUnpersistedAt());
  }

  private maybeCompact(room: Room): void {
    const { timings } = this.options;
    if (room.compacting || room.state !== 'active') return;
    if (room.logUpdates < timings.compactAfterUpdates && room.logBytes < timings.compactAfterBytes) return;
    room.compacting = true;
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.compact(room))
      .finally(() => {
        this.compactions.delete(run);
        room.compacting = false;
        if (room.state === 'active' && room.connections.size === 0) this.scheduleIdleUnload(room);
      });
    this.compactions.add(run);
  }

  /** Merges the doc's log into its snapshot in the background; a failure keeps the log as it was. */
  private async compact(room: Room): Promise<void> {
    const { store, logger, metrics } = this.options;
    const started = this.now();
    try {
      // Everything stored is in the room's doc, and while nothing is unstored the doc is exactly
      // what storage holds: its encoding is the snapshot, without rebuilding a doc from the log.
      const merge = (parts: Uint8Array[]) =>
        room.state === 'active' && room.unpersistedCount === 0 ? room.content.encodedState() : mergeIntoSnapshot(parts);
      const result = await store.compactDoc(room.docId, merge);
      if (!result) return;
      metrics.compacted(this.now() - started);
      room.logUpdates = Math.max(0, room.logUpdates - result.mergedUpdates);
      room.logBytes = Math.max(0, room.logBytes - result.mergedLogBytes);
      room.storedBytes = Math.max(0, room.storedBytes - result.bytesBefore + result.bytesAfter);
      logger.info({ ...result, ms: this.now() - started }, 'document compacted');
    } catch (error) {
      metrics.compactionFailed();
      logger.error({ err: error, docId: room.docId }, 'compaction failed; the log is kept as it was');
    }
  }

  private readonly onConnectionClosed = (connection: Connection, code: number): void => {
    this.options.metrics.connectionClosed(code);
    const room = this.connectionRooms.get(connection);
    if (!room) return;
    this.connectionRooms.delete(connection);
    room.removeConnection(connection);
    if (room.connections.size === 0 && room.state === 'active') this.scheduleIdleUnload(room);
  };

  private scheduleIdleUnload(room: Room): void {
    if (room.idleTimer) clearTimeout(room.idleTimer);
    room.idleTimer = setTimeout(() => {
      room.idleTimer = undefined;
      if (this.isIdle(room)) this.unload(room);
    }, this.options.timings.idleUnloadMs);
    room.idleTimer.unref();
  }

  private isIdle(room: Room): boolean {
    return room.state === 'active' && room.connections.size === 0 && room.unpersistedCount === 0 && !room.compacting;
  }

  private unloadIdleRooms(): void {
    for (const room of [...this.rooms.values()]) if (this.isIdle(room)) this.unload(room);
  }

  private unload(room: Room): void {
    this.rooms.delete(room.docId);
    room.destroy(1000, 'unloaded');
    this.options.metrics.unloaded();
  }

  private discard(room: Room, code: number, reason: string): void {
    if (this.rooms.get(room.docId) === room) this.rooms.delete(room.docId);
    this.batch = this.batch.filter((pending) => pending.room !== room);
    room.destroy(code, reason);
  }

  private unpersistedBytes(): number {
    let bytes = 0;
    for (const room of this.rooms.values()) bytes += room.unpersistedBytes;
    return bytes;
  }

  private oldestUnpersistedAt(): number {
    let oldest = 0;
    for (const room of this.rooms.values()) {
      if (room.unpersistedCount > 0 && (oldest === 0 || room.oldestUnpersistedAt < oldest)) {
        oldest = room.oldestUnpersistedAt;
      }
    }
    return oldest;
  }

  /** Resolves when everything accepted so far is durable and relayed, and no compaction is running. */
  async drain(): Promise<void> {
    while (this.flushScheduled || this.flushing || this.batch.length > 0 || this.compactions.size > 0) {
      if (this.flushing) await this.flushing;
      else if (this.flushScheduled || this.batch.length > 0) await this.flush();
      else await Promise.all(this.compactions);
    }
  }

  /** Stops accepting, stores everything accepted, then closes every client with a retryable code. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    await this.drain();
    for (const room of [...this.rooms.values()]) {
      this.rooms.delete(room.docId);
      room.destroy(CloseCode.ShuttingDown, 'server is restarting; reconnect shortly');
    }
  }
}

/**
 * Stored parts are updates Yjs itself produced, so they merge without building a
 * doc (several times faster for a large board). Should that ever fail, the caller
 * falls back to applying the parts one by one, skipping a damaged one.
 */
function mergeStored(parts: Uint8Array[]): Uint8Array | undefined {
  try {
    return Y.mergeUpdates(parts);
  } catch {
    // Damaged storage: readInto takes the slow path, which reports and skips the bad part.
    return undefined;
  }
}

function isServing(room: Room): boolean {
  return room.state === 'active' || room.state === 'repairing';
}

/** Compaction merge: a fresh doc holds the result, so deleted content is garbage-collected. */
export function mergeIntoSnapshot(parts: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      for (const part of parts) Y.applyUpdate(doc, part);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
