import { CloseCode, migrateOnLoad } from '@samle/shared';
import * as Y from 'yjs';
import { type CompactionFence, type DocStore, StaleFenceError, type StoredDoc } from '../storage/contracts/types.js';
import { Connection } from './Connection.js';
import type { CloseMatch, ClusterBus, ClusterHost } from './cluster.js';
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
  /**
   * Several instances serving the same docs: updates, presence and closes reach the others
   * through the bus, and compaction takes the store's lease (so the store must have leases).
   */
  cluster?: ClusterBus;
  /** How long a compaction lease lasts (cluster only); default 30 s. */
  compactionLeaseMs?: number;
  /** Board history (server/src/history): told of stored writes and of compactions about to run. */
  history?: {
    /** Updates from these writers (a person id, or the connection for people without one) were stored. */
    stored(docId: string, writers: string[]): void;
    /** The doc's log is about to be compacted away. */
    beforeCompaction(docId: string): void;
  };
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
  /** When the last flush started, for the flush window (timings.relayWindowMs). */
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private flushing: Promise<void> | null = null;
  private shuttingDown = false;
  private readonly compactions = new Set<Promise<void>>();
  private readonly now: () => number;

  constructor(private readonly options: RelayOptions) {
    this.now = options.now ?? (() => performance.timeOrigin + performance.now());
    const { cluster, store } = options;
    if (cluster) {
      if (!store.acquireCompactionLease || !store.releaseCompactionLease) {
        throw new Error('several instances need a store with compaction leases (PostgreSQL)');
      }
      cluster.attach(this.clusterHost);
    }
  }

  /** The bus, when several instances serve the same docs. */
  get cluster(): ClusterBus | undefined {
    return this.options.cluster;
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
      await this.compact(room, { waitForLease: true });
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
   * writers of boards whose session just ended (4511: they reconnect read-only),
   * on this instance and, through the cluster bus, on every other one.
   * Returns how many were closed here.
   */
  closeWhere(match: CloseMatch, code: number, reason: string): number {
    this.options.cluster?.closeEverywhere(match, code, reason);
    return this.closeLocal(match, code, reason);
  }

  private closeLocal(match: CloseMatch, code: number, reason: string): number {
    const people = match.personIds ? new Set(match.personIds) : null;
    const docs = match.docIds ? new Set(match.docIds) : null;
    let closed = 0;
    for (const room of [...this.rooms.values()]) {
      if (docs && !docs.has(room.docId)) continue;
      for (const connection of [...room.connections]) {
        if (people && (connection.personId === null || !people.has(connection.personId))) continue;
        if (match.writersOnly && !connection.canWrite) continue;
        connection.close(code, reason);
        closed++;
      }
    }
    return closed;
  }

  /** What the cluster bus may ask of this relay. */
  private readonly clusterHost: ClusterHost = {
    applyRemoteUpdate: (docId, update) => {
      const room = this.rooms.get(docId);
      if (!room) return;
      room.applyRemote(update);
      this.maybeCompact(room);
      if (room.state === 'active' && room.connections.size === 0) this.scheduleIdleUnload(room);
    },
    applyRemoteAwareness: (docId, update) => this.rooms.get(docId)?.applyRemoteAwareness(update),
    localAwareness: (docId) => {
      const room = this.rooms.get(docId);
      return room?.state === 'active' ? room.localAwareness() : null;
    },
    closeLocal: (match, code, reason) => this.closeLocal(match, code, reason),
    catchUp: (docId) => this.catchUp(docId),
    loadedDocIds: () => [...this.rooms.keys()],
  };

  /**
   * Re-reads a loaded doc from storage and relays to this instance's clients whatever
   * they lack: after a bus message may have been missed (a gap, a reconnect).
   */
  private async catchUp(docId: string): Promise<void> {
    const room = this.rooms.get(docId);
    if (!room) return;
    if (room.state === 'loading') {
      // The load may have read storage before the missed update was committed: catch up after it.
      if (await room.loaded) await this.catchUp(docId);
      return;
    }
    if (room.state !== 'active' && room.state !== 'repairing') return;
    const stored = await this.options.store.loadDoc(docId);
    if (!stored || this.rooms.get(docId) !== room) return;
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    const merged = parts.length === 1 ? parts[0] : mergeStored(parts);
    if (merged) room.applyRemote(merged);
    else for (const part of parts) room.applyRemote(part);
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
      logger: this.options.logger,
      coldAfterMs: this.options.timings.coldAfterMs,
      relayWindowMs: this.options.timings.relayWindowMs ?? 0,
      now: this.now,
      persist: (pending) => this.enqueue(pending),
      repair: (target) => void this.repair(target),
      countIn: (kind) => this.options.metrics.messageIn(kind),
      countOut: (frames) => this.options.metrics.framesOut(frames),
      relayDelay: (ms) => this.options.metrics.relayDelay(ms),
      ...(this.options.cluster ? { awarenessChanged: this.publishAwareness } : {}),
    });
    this.rooms.set(docId, room);
    void this.load(room);
    return room;
  }

  private readonly publishAwareness = (room: Room, update: Uint8Array): void => {
    this.options.cluster?.awareness(room.docId, update);
  };

  private async load(room: Room): Promise<void> {
    const { store, logger, metrics, cluster } = this.options;
    try {
      // Listen before reading: an update committed after the read is then heard of.
      if (cluster) await cluster.join(room.docId);
      if (room.state !== 'loading') return;
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
      migrateOnLoad(room.docId, room.content.encodedState(), (change) => room.applyServerChange(change));
      cluster?.loaded(room.docId);
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
    if (this.flushScheduled) return;
    // The gauges move when a batch opens and when it is stored, not with every update (they sum over rooms).
    this.options.metrics.unpersisted(this.unpersistedBytes(), this.oldestUnpersistedAt());
    this.flushScheduled = true;
    // setImmediate lets every frame already read from the sockets join this batch. Within the
    // window after a flush, the next one waits for the window to close: one transaction and one
    // merged frame per client then carry everything that arrived meanwhile.
    const wait = this.lastFlushAt + (this.options.timings.relayWindowMs ?? 0) - this.now();
    if (wait > 0) setTimeout(() => void this.flush(), wait);
    else setImmediate(() => void this.flush());
  }

  /** Writes the queued updates in one transaction, then applies and relays them. One flush at a time. */
  private async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushScheduled = false;
    const batch = this.batch.filter((pending) => isServing(pending.room));
    this.batch = [];
    if (batch.length === 0) return;
    this.lastFlushAt = this.now();
    const run = this.persistBatch(batch);
    this.flushing = run;
    try {
      await run;
    } finally {
      this.flushing = null;
    }
  }

  /**
   * Stores a batch in one transaction, then relays it. A room's updates in the batch are merged
   * into one stored row, and that same merged update is what its clients (and other instances)
   * receive: one merge, one row and one frame per room per batch.
   */
  private async persistBatch(batch: PendingUpdate[]): Promise<void> {
    const { store, logger, metrics } = this.options;
    const started = this.now();
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
        this.discard(room, CloseCode.PersistFailed, 'the server could not store an update; reconnecting resyncs');
      }
      return;
    }
    metrics.persisted(batch.length, this.now() - started);
    const { cluster } = this.options;
    for (const { room, update, updates } of rows) {
      // Durable now: other instances may see it (even if this room went away meanwhile).
      cluster?.stored(room.docId, update);
      // history: counts who wrote, and takes a snapshot every few minutes of activity.
      this.options.history?.stored(room.docId, writersOf(updates));
      if (isServing(room)) room.relayPersisted(updates, update);
    }
    // Every room has relayed before any compacts.
    for (const room of byRoom.keys()) {
      if (!isServing(room)) continue;
      this.maybeCompact(room);
      if (room.connections.size === 0) this.scheduleIdleUnload(room);
    }
    metrics.unpersisted(this.unpersistedBytes(), this.oldestUnpersistedAt());
  }

  /**
   * Compacts a doc whose log has passed its bound. While nothing is unstored the snapshot is
   * the doc's own encoding (cheap), so compaction starts right away, from here, at such a
   * moment; while updates are unstored it would have to rebuild a doc from the log on the
   * relay's thread (a stall every client on the server feels), so it waits for a batch that
   * leaves nothing unstored, unless the log has grown to four times its bound.
   */
  private maybeCompact(room: Room): void {
    const { timings } = this.options;
    if (room.compacting || room.state !== 'active') return;
    if (room.logUpdates < timings.compactAfterUpdates && room.logBytes < timings.compactAfterBytes) return;
    const overdue =
      room.logUpdates >= 4 * timings.compactAfterUpdates || room.logBytes >= 4 * timings.compactAfterBytes;
    if (room.unpersistedCount > 0 && !overdue) return;
    room.compacting = true;
    const run = this.compact(room).finally(() => {
      this.compactions.delete(run);
      room.compacting = false;
      if (room.state === 'active' && room.connections.size === 0) this.scheduleIdleUnload(room);
    });
    this.compactions.add(run);
  }

  /**
   * Merges the doc's log into its snapshot in the background; a failure keeps the log as it was.
   * With several instances, only the holder of the doc's compaction lease compacts, and storage
   * refuses the write if the lease was taken over meanwhile (its fencing token is checked).
   */
  private async compact(room: Room, options: { waitForLease?: boolean } = {}): Promise<void> {
    const { store, logger, metrics, cluster } = this.options;
    const started = this.now();
    let fence: CompactionFence | null = null;
    try {
      if (cluster) {
        fence = await this.takeCompactionLease(room.docId, cluster.instanceId, options.waitForLease ?? false);
        if (!fence) {
          // Another instance compacts this doc now; its log will be short again.
          metrics.compactionLeaseBusy();
          room.logUpdates = 0;
          room.logBytes = 0;
          return;
        }
      }
      // On one instance, everything stored is in the room's doc, and while nothing is unstored the
      // doc is exactly what storage holds: its encoding is the snapshot, without rebuilding a doc from
      // the log. With several instances, storage may hold updates from others not received yet.
      // history: a snapshot before compaction; the compacted state (and what readers are served
      // from now on) is garbage-collected, so deleted text is in neither.
      this.options.history?.beforeCompaction(room.docId);
      const merge = (parts: Uint8Array[]) =>
        !cluster && room.state === 'active' && room.unpersistedCount === 0
          ? collectedState(room)
          : mergeIntoSnapshot(parts);
      const result = await store.compactDoc(room.docId, merge, fence ?? undefined);
      if (!result) return;
      metrics.compacted(this.now() - started);
      room.logUpdates = Math.max(0, room.logUpdates - result.mergedUpdates);
      room.logBytes = Math.max(0, room.logBytes - result.mergedLogBytes);
      room.storedBytes = Math.max(0, room.storedBytes - result.bytesBefore + result.bytesAfter);
      logger.info({ ...result, ms: this.now() - started }, 'document compacted');
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
  private async takeCompactionLease(docId: string, holder: string, wait: boolean): Promise<CompactionFence | null> {
    const { store } = this.options;
    const ttl = this.options.compactionLeaseMs ?? 30_000;
    const deadline = this.now() + ttl;
    for (let delay = 20; ; delay = Math.min(delay * 2, 1000)) {
      const fence = (await store.acquireCompactionLease?.(docId, holder, ttl)) ?? null;
      if (fence || !wait || this.now() > deadline) return fence;
      await new Promise((resolve) => setTimeout(resolve, delay));
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
    this.options.cluster?.leave(room.docId);
    room.destroy(1000, 'unloaded');
    this.options.metrics.unloaded();
  }

  private discard(room: Room, code: number, reason: string): void {
    if (this.rooms.get(room.docId) === room) {
      this.rooms.delete(room.docId);
      this.options.cluster?.leave(room.docId);
    }
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

/**
 * A room's state for its compacted snapshot, garbage-collected. A live doc (gc: true) holds no
 * deleted content; a cold one is merged updates, which do. It is rebuilt, and the room serves the
 * clean form from now on (the same state, without deleted content): a reader's first sync after
 * compaction carries no deleted text.
 */
function collectedState(room: Room): Uint8Array {
  if (room.content.isLive) return room.content.encodedState();
  const clean = mergeIntoSnapshot([room.content.encodedState()]);
  room.content.reset(clean);
  return clean;
}

/** Who wrote a batch (history counts them): person ids, or the connection of someone without one. */
function writersOf(updates: readonly PendingUpdate[]): string[] {
  const writers: string[] = [];
  for (const { origin } of updates) if (origin) writers.push(origin.personId ?? `connection:${origin.id}`);
  return writers;
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
