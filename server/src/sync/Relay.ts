import { CloseCode, migrateOnLoad } from '@samle/shared';
import * as Y from 'yjs';
import type { DocStore, StoredDoc } from '../storage/contracts/types.js';
import { Compactor } from './Compactor.js';
import { Connection } from './Connection.js';
import { type CloseMatch, type ClusterBus, type ClusterHost, closeMatching } from './cluster.js';
import { Reconciler, type RepairTrigger } from './Reconciler.js';
import type { RelayMetrics } from './RelayMetrics.js';
import { Room } from './Room.js';
import type { Merged } from './SnapshotMerger.js';
import { type Scheduler, systemScheduler } from './scheduler.js';
import { mergeStoredLog, partsOf } from './storedLog.js';
import type {
  ConnectionAccess,
  ConnectionHandle,
  RelayLimits,
  RelayLogger,
  RelayTimings,
  SyncSocket,
} from './types.js';
import { type HistoryHooks, WritePipeline } from './WritePipeline.js';

/** Clients on a board per relay window for its stored updates (relayWindow.ts, docs/performance.md). */
export const DEFAULT_RELAY_WINDOW_CLIENTS = 40;

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
  /** Clock and timers; tests pass one they run by hand. Default: Node's timers. */
  scheduler?: Scheduler;
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
  history?: HistoryHooks;
  /**
   * Several instances: time between two comparisons of every loaded doc with storage's log
   * position (`Reconciler.ts`); default 1 s, 0 turns the periodic look off.
   */
  reconcileMs?: number;
}

/**
 * The sync relay: the registry of loaded docs. It loads each doc once, buffers frames
 * until it is loaded, and unloads idle docs; the write pipeline makes every update
 * durable before it is relayed, the compactor merges logs into snapshots.
 * It knows sockets only through `SyncSocket` and storage only through `DocStore`.
 */
export class Relay {
  private readonly rooms = new Map<string, Room>();
  /** Which room each open connection is on. */
  private readonly connectionRooms = new Map<Connection, Room>();
  private shuttingDown = false;
  private readonly scheduler: Scheduler;
  private readonly writes: WritePipeline;
  private readonly compactor: Compactor;
  /** Catch-ups from storage under way (drain waits for them: they relay). */
  private readonly catchUps = new Set<Promise<unknown>>();
  /** Rooms being rebuilt from storage: what they buffered meanwhile is accepted once they are done. */
  private readonly repairs = new Set<Promise<void>>();
  private readonly reconciler: Reconciler | undefined;

  constructor(private readonly options: RelayOptions) {
    const { cluster, store, logger, metrics, history } = options;
    this.scheduler = options.scheduler ?? systemScheduler();
    const shared = { store, logger, metrics, scheduler: this.scheduler, ...(cluster ? { cluster } : {}) };
    const withHistory = history ? { history } : {};
    this.writes = new WritePipeline({
      ...shared,
      ...withHistory,
      relayWindowMs: options.timings.relayWindowMs ?? 0,
      relayWindowClients: options.timings.relayWindowClients ?? DEFAULT_RELAY_WINDOW_CLIENTS,
      relayWindowBusy: options.timings.relayWindowBusy ?? 0,
      rooms: () => this.rooms.values(),
      discard: (room, code, reason) => this.discard(room, code, reason),
      afterStored: (room) => {
        this.compactor.maybeCompact(room);
        if (room.connections.size === 0) room.scheduleIdleUnload();
      },
    });
    this.compactor = new Compactor({
      ...shared,
      ...withHistory,
      timings: options.timings,
      leaseMs: options.compactionLeaseMs ?? 30_000,
    });
    metrics.countCompactionsOf(() =>
      [...this.rooms.values()].map((room) => [room.docId, this.compactor.countOf(room)] as const),
    );
    if (cluster) {
      if (!store.acquireCompactionLease || !store.releaseCompactionLease) {
        throw new Error('several instances need a store with compaction leases (PostgreSQL)');
      }
      cluster.attach(this.clusterHost);
      this.reconciler = new Reconciler({
        store,
        logger,
        scheduler: this.scheduler,
        intervalMs: options.reconcileMs ?? 1000,
        rooms: () => this.rooms.values(),
        catchUp: (docId, trigger) => this.catchUp(docId, trigger),
      });
      this.reconciler.start();
    }
  }

  /** The bus, when several instances serve the same docs. */
  get cluster(): ClusterBus | undefined {
    return this.options.cluster;
  }

  get loadedRooms(): number {
    return this.rooms.size;
  }

  /** Ids of the docs loaded here (read-only; the cockpit's online counts publish who is on them). */
  loadedDocIds(): string[] {
    return [...this.rooms.keys()];
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
    if (room.connections.size === 0) room.scheduleIdleUnload();
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
    await this.compactor.compactNow(room);
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
      if (room.connections.size === 0) room.scheduleIdleUnload();
    }
  }

  /**
   * A doc's state garbage-collected (loading it if needed), and how many keys its root map
   * `countKeysOf` has: built on the compaction worker from the parts the room holds, so even a
   * big board's copy never holds the relay's thread.
   */
  async cleanState(docId: string, countKeysOf: string | null): Promise<Merged> {
    const room = await this.loadedRoom(docId);
    try {
      return await this.compactor.mergeOffThread(room.content.parts(), countKeysOf);
    } finally {
      if (room.connections.size === 0) room.scheduleIdleUnload();
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
    return closeMatching([...this.rooms.values()], match, code, reason);
  }

  /** What the cluster bus may ask of this relay. */
  private readonly clusterHost: ClusterHost = {
    applyRemoteUpdate: (docId, update, position) => {
      const room = this.rooms.get(docId);
      if (!room) return;
      room.applyRemote(update);
      room.position.heard(position);
      this.compactor.maybeCompact(room);
      if (room.state === 'active' && room.connections.size === 0) room.scheduleIdleUnload();
    },
    applyRemoteAwareness: (docId, update) => this.rooms.get(docId)?.applyRemoteAwareness(update),
    localAwareness: (docId) => {
      const room = this.rooms.get(docId);
      return room?.state === 'active' ? room.localAwareness() : null;
    },
    closeLocal: (match, code, reason) => this.closeLocal(match, code, reason),
    catchUp: async (docId) => {
      await this.catchUp(docId, 'bus');
    },
    loadedDocIds: () => [...this.rooms.keys()],
    instanceStarted: () => this.reconciler?.lookNow(),
  };

  /**
   * Re-reads a loaded doc from storage and relays to this instance's clients whatever
   * they lack: after a bus message may have been missed (a gap, a reconnect), or when the
   * doc here is behind storage. Resolves true when the doc lacked something (a repair:
   * counted by `trigger` and logged).
   */
  private async catchUp(docId: string, trigger: RepairTrigger): Promise<boolean> {
    const room = this.rooms.get(docId);
    if (!room) return false;
    if (room.state === 'loading') {
      // The load may have read storage before the missed update was committed: catch up after it.
      if (await room.loaded) return this.catchUp(docId, trigger);
      return false;
    }
    if (room.state !== 'active' && room.state !== 'repairing') return false;
    const stored = await this.options.store.loadDoc(docId);
    if (!stored || this.rooms.get(docId) !== room) return false;
    const lacked = room.applyRemote(this.merged(room, stored).state);
    room.position.readThrough(stored.position);
    if (lacked) {
      this.options.metrics.repairedFromStorage(trigger);
      this.options.logger.warn(
        { docId, trigger, position: stored.position },
        'document here lacked updates that storage holds; repaired from storage',
      );
    }
    return lacked;
  }

  /** A room holds updates from another instance it cannot apply: catch up from storage, and say so. */
  private catchUpPending(room: Room): void {
    this.options.metrics.caughtUp();
    this.options.logger.warn(
      { docId: room.docId },
      'updates from another instance build on changes not received; catching up from storage',
    );
    const run = this.catchUp(room.docId, 'pending')
      .catch((error: unknown) => this.options.logger.error({ err: error, docId: room.docId }, 'catch-up failed'))
      .finally(() => this.catchUps.delete(run));
    this.catchUps.add(run);
  }

  /** Accepts a socket for a doc. Synchronous: frames that arrive before the doc is loaded are buffered. */
  connect(docId: string, socket: SyncSocket, access: ConnectionAccess): ConnectionHandle {
    const { metrics } = this.options;
    const connection = new Connection(
      socket,
      access,
      this.options.limits,
      this.onConnectionClosed,
      this.scheduler.now(),
    );
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
      idleUnloadMs: this.options.timings.idleUnloadMs,
      relayWindowMs: this.options.timings.relayWindowMs ?? 0,
      scheduler: this.scheduler,
      persist: (pending) => this.writes.enqueue(pending),
      unloadIdle: (idle) => this.unload(idle),
      isCompacting: (compacted) => this.compactor.isCompacting(compacted),
      mergeAway: async (parts) => (await this.compactor.mergeOffThread(parts, null)).state,
      catchUp: (behind) => this.catchUpPending(behind),
      repair: (target) => {
        const run: Promise<void> = this.repair(target).finally(() => this.repairs.delete(run));
        this.repairs.add(run);
      },
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
      metrics.loaded(this.scheduler.now() - room.loadStartedAt, skipped);
      room.activate();
      migrateOnLoad(room.docId, room.content.encodedState(), (change) => room.applyServerChange(change));
      cluster?.loaded(room.docId);
      if (room.connections.size === 0) room.scheduleIdleUnload();
      this.compactor.maybeCompact(room);
    } catch (error) {
      logger.error({ err: error, docId: room.docId }, 'document load failed');
      metrics.loadFailed();
      // Nothing was applied or written; the next connection tries a fresh load.
      this.discard(room, CloseCode.LoadFailed, 'the document could not be loaded; retry shortly');
    }
  }

  /** Sets the room's doc to what storage holds, cold. Returns how many stored parts could not be applied. */
  private readInto(room: Room, stored: StoredDoc): number {
    const merged = this.merged(room, stored);
    room.content.reset(merged.state);
    room.size.setFrom(stored);
    room.position.readThrough(stored.position);
    return merged.skipped;
  }

  /** A stored doc as one update; a damaged part is skipped and reported rather than making the doc unreachable. */
  private merged(room: Room, stored: StoredDoc): { state: Uint8Array; skipped: number } {
    return mergeStoredLog(partsOf(stored), (error) => {
      // Only updates Yjs itself produced are stored, so this means damaged storage.
      this.options.logger.error({ err: error, docId: room.docId }, 'stored update could not be applied; skipped');
    });
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
      if (room.unstored.count > 0) {
        const doc = room.content.live();
        doc.transact(() => {
          for (const pending of room.unstored.updates) Y.applyUpdate(doc, pending.update);
        });
      }
      room.activate();
    } catch (error) {
      logger.error({ err: error, docId: room.docId }, 'document repair failed');
      this.discard(room, CloseCode.LoadFailed, 'the document must be reloaded');
    }
  }

  private readonly onConnectionClosed = (connection: Connection, code: number): void => {
    this.options.metrics.connectionClosed(code);
    const room = this.connectionRooms.get(connection);
    if (!room) return;
    this.connectionRooms.delete(connection);
    room.removeConnection(connection);
  };

  private unloadIdleRooms(): void {
    for (const room of [...this.rooms.values()]) if (room.isIdle) this.unload(room);
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
    this.writes.drop(room);
    room.destroy(code, reason);
  }

  /** Resolves when everything accepted so far is durable and relayed, and no compaction is running. */
  async drain(): Promise<void> {
    while (this.writes.busy || this.compactor.busy || this.catchUps.size > 0 || this.repairs.size > 0) {
      if (this.writes.busy) await this.writes.drain();
      else if (this.catchUps.size > 0) await Promise.all(this.catchUps);
      else if (this.repairs.size > 0) await Promise.all(this.repairs);
      else await this.compactor.idle();
    }
  }

  /** Stops accepting, stores everything accepted, then closes every client with a retryable code. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    this.reconciler?.stop();
    await this.drain();
    await this.compactor.close();
    for (const room of [...this.rooms.values()]) {
      this.rooms.delete(room.docId);
      room.destroy(CloseCode.ShuttingDown, 'server is restarting; reconnect shortly');
    }
  }
}
