import { CloseCode } from '@samle/shared';
import * as Y from 'yjs';
import type { Connection } from './Connection.js';
import { REMOTE_ORIGIN } from './cluster.js';
import { DocState } from './DocState.js';
import { fanOut } from './fanOut.js';
import { RoomPresence } from './Presence.js';
import {
  decodeClientMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  inspectUpdate,
  MalformedMessageError,
} from './protocol.js';
import type { GuardVerdict, RelayLimits, RelayLogger } from './types.js';
import { WriterLedger } from './WriterLedger.js';

/**
 * loading   → frames are buffered per connection until storage has been read.
 * active    → frames are handled.
 * repairing → the in-memory doc is being rebuilt from storage after a fault; frames are buffered.
 * unloading → the room is gone; nothing is handled.
 */
export type RoomState = 'loading' | 'active' | 'repairing' | 'unloading';

/** An effective update applied in memory, waiting to be made durable before anyone else sees it. */
export interface PendingUpdate {
  room: Room;
  update: Uint8Array;
  /** The connection it came from; null for server-authored changes. */
  origin: Connection | null;
  /** When the relay accepted it (ms), for the accept → relay delay metric. */
  acceptedAt: number;
}

export interface RoomHost {
  readonly limits: RelayLimits;
  /** How long after the last write a live doc goes back to its compact encoded form. */
  readonly coldAfterMs: number;
  /** Least time between two presence relays on this room; changes meanwhile go out together. */
  readonly relayWindowMs: number;
  readonly logger: RelayLogger;
  now(): number;
  /** Queues an update for durable storage; the room relays it once stored. */
  persist(pending: PendingUpdate): void;
  /** The in-memory doc may be damaged: rebuild it from storage plus what is still unpersisted. */
  repair(room: Room): void;
  countIn(kind: 'update' | 'awareness' | 'sync' | 'other'): void;
  countOut(frames: number): void;
  /** How long an update waited between being accepted and being relayed (storing it is most of that). */
  relayDelay(ms: number): void;
  /** The presence of this instance's own clients changed (an encoded awareness update), for other instances. */
  awarenessChanged?(room: Room, update: Uint8Array): void;
}

/**
 * One document and the connections on it.
 *
 * An update from a client is applied to the in-memory doc first: Yjs itself is
 * the final validator, and what it emits is a clean, effective update (nothing
 * the doc already had). That effective update is stored, and only then relayed.
 * Until it is stored, nobody receives it — neither as a relayed update nor inside
 * an answer to a sync step 1: a step 1 that arrives while the room has unstored
 * updates holds the room's incoming frames until the next batch is stored.
 */
export class Room {
  state: RoomState = 'loading';
  /** The document, cold (encoded) or live (Y.Doc). */
  readonly content = new DocState((update) => this.collected.push(update));
  readonly presence: RoomPresence;
  /** Per-writer quota and ownership, for this load of the doc. */
  private readonly writers = new WriterLedger();
  readonly connections = new Set<Connection>();
  /** Bytes on disk for this doc (snapshot + log). */
  storedBytes = 0;
  /** Log entries and bytes since the last snapshot: compaction looks at these. */
  logUpdates = 0;
  logBytes = 0;
  /** Applied in memory, not yet durable, oldest first. */
  readonly unpersisted: PendingUpdate[] = [];
  unpersistedBytes = 0;
  oldestUnpersistedAt = 0;
  idleTimer: NodeJS.Timeout | undefined;
  /** Turns the live doc cold again once writing has stopped for a while. */
  private coldTimer: NodeJS.Timeout | undefined;
  compacting = false;
  loadStartedAt: number;
  /** Settles true when the room starts serving, false when it is destroyed before that. */
  readonly loaded: Promise<boolean>;
  private settleLoaded: (active: boolean) => void = () => {};
  /** Frames held (in arrival order) while a sync step 1 waits for unstored updates to be stored. */
  private held: Array<{ connection: Connection; frame: Uint8Array }> = [];
  private holding = false;
  private collected: Uint8Array[] = [];
  /** Updates another instance stored, received while this room was loading or repairing. */
  private remoteBuffered: Uint8Array[] = [];

  constructor(
    readonly docId: string,
    private readonly host: RoomHost,
  ) {
    this.loadStartedAt = host.now();
    this.loaded = new Promise((resolve) => {
      this.settleLoaded = resolve;
    });
    this.presence = new RoomPresence({
      relayWindowMs: host.relayWindowMs,
      maxAwarenessStateBytes: host.limits.maxAwarenessStateBytes,
      now: () => host.now(),
      connections: () => this.connections,
      hasConnections: () => this.connections.size > 0,
      isUnloading: () => this.state === 'unloading',
      countOut: (frames) => host.countOut(frames),
      ...(host.awarenessChanged ? { changed: (update: Uint8Array) => host.awarenessChanged?.(this, update) } : {}),
    });
  }

  get unpersistedCount(): number {
    return this.unpersisted.length;
  }

  /** Called once storage has been read into the doc. */
  activate(): void {
    const wasRepairing = this.state === 'repairing';
    this.state = 'active';
    this.collected = [];
    this.settleLoaded(true);
    if (this.holding && this.unpersisted.length === 0) this.releaseHeld();
    for (const update of this.remoteBuffered.splice(0)) this.applyRemote(update);
    for (const connection of this.connections) {
      if (!wasRepairing) this.greet(connection);
      this.drainBuffered(connection);
    }
  }

  /**
   * An update another instance has already stored: applied here and relayed to this
   * room's connections (only what the doc lacked: Yjs leaves out what it already has).
   * It is not stored again. Buffered while the doc is loading or being rebuilt.
   */
  applyRemote(update: Uint8Array): void {
    if (this.state === 'loading' || this.state === 'repairing') {
      this.remoteBuffered.push(update);
      return;
    }
    if (this.state !== 'active') return;
    const doc = this.content.live();
    // Updates from our own clients that wait for a missing dependency are not stored yet. If this
    // update supplies it, what Yjs emits includes them: then it is stored before anyone sees it.
    const completesUnstored = pendingBytes(doc) > 0;
    this.collected = [];
    try {
      Y.applyUpdate(doc, update, REMOTE_ORIGIN);
    } catch {
      // Another instance's Yjs produced it, so this means a damaged message: rebuild from storage.
      this.collected = [];
      this.host.repair(this);
      return;
    }
    const effective = this.collected;
    this.collected = [];
    if (effective.length === 0) return;
    if (completesUnstored) {
      for (const change of effective) this.queuePersist(change, null);
      return;
    }
    this.scheduleCold();
    for (const change of effective) {
      this.storedBytes += change.byteLength;
      this.logUpdates++;
      this.logBytes += change.byteLength;
    }
    this.host.countOut(
      fanOut(this.connections, effective.length === 1 ? (effective[0] as Uint8Array) : Y.mergeUpdates(effective), null),
    );
  }

  /** Presence from another instance's clients. */
  applyRemoteAwareness(update: Uint8Array): void {
    if (this.state === 'unloading') return;
    this.presence.applyRemote(update);
  }

  /** The presence of this room's own clients, encoded; null when none of them has any. */
  localAwareness(): Uint8Array | null {
    return this.presence.local();
  }

  /** Frames are buffered until the doc has been refilled from storage and `activate` is called. */
  startRepair(): void {
    this.state = 'repairing';
    this.content.reset(new Uint8Array([0, 0]));
  }

  addConnection(connection: Connection): void {
    this.connections.add(connection);
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
    if (this.state === 'active') this.greet(connection);
  }

  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.presence.remove(connection);
  }

  /** Entry point for every frame from a client. Never throws for bad input. */
  receive(connection: Connection, frame: Uint8Array): void {
    if (connection.isClosed) return;
    const limits = this.host.limits;
    if (frame.byteLength > limits.maxFrameBytes) {
      connection.close(CloseCode.FrameTooLarge, `frame of ${frame.byteLength} bytes exceeds ${limits.maxFrameBytes}`);
      return;
    }
    if (!connection.takeMessageToken(this.host.now())) {
      connection.close(CloseCode.RateLimited, 'too many messages per second');
      return;
    }
    if (this.state === 'loading' || this.state === 'repairing') {
      connection.pendingBytes += frame.byteLength;
      if (connection.pendingBytes > limits.maxFrameBytes * 4) {
        connection.close(CloseCode.RateLimited, 'too much data sent while the document was loading');
        return;
      }
      connection.pendingFrames.push(frame);
      return;
    }
    if (this.holding) {
      this.held.push({ connection, frame });
      return;
    }
    this.handle(connection, frame);
  }

  private handle(connection: Connection, frame: Uint8Array): void {
    try {
      const message = decodeClientMessage(frame);
      switch (message.kind) {
        case 'syncStep1':
          this.host.countIn('sync');
          if (this.unpersisted.length > 0) {
            this.holding = true;
            this.held.push({ connection, frame });
            return;
          }
          connection.sendFirstSync(encodeSyncStep2(this.content.diff(message.stateVector)));
          this.host.countOut(1);
          return;
        case 'update':
          this.host.countIn('update');
          this.acceptUpdate(connection, message.update);
          return;
        case 'awareness':
          this.host.countIn('awareness');
          this.presence.accept(connection, message.update);
          return;
        case 'queryAwareness':
          this.host.countIn('other');
          this.presence.sendAll(connection);
          return;
        case 'auth':
          // Access is decided when the socket is accepted; auth frames carry nothing for us.
          this.host.countIn('other');
          return;
      }
    } catch (error) {
      if (error instanceof MalformedMessageError) {
        connection.close(CloseCode.MalformedMessage, truncateReason(error.message));
        return;
      }
      throw error;
    }
  }

  private acceptUpdate(connection: Connection, update: Uint8Array): void {
    const shape = inspectUpdate(update);
    // A stock client answers our sync step 1 with an empty step 2 even when it only reads.
    if (shape.isEmpty) return;
    if (!connection.canWrite) {
      connection.close(CloseCode.ReadOnly, 'this connection may only read this document');
      return;
    }
    const doc = this.content.live();
    // Ids the doc has no content under yet: what this update writes under them is the writer's own.
    const newClients = [...shape.clients].filter((client) => Y.getState(doc.store, client) === 0);
    if (this.writers.wouldExceed(connection.writerKey, update.byteLength, this.host.limits.maxWriterBytes)) {
      connection.close(
        CloseCode.WriterQuotaExceeded,
        `one person adds at most ${this.host.limits.maxWriterBytes} bytes to this document`,
      );
      return;
    }
    const context = this.writers.contextFor(connection.writerKey, this.host.now());
    const refusal = this.guardRefusal(connection, doc, update, context);
    if (refusal) {
      connection.close(refusal.code, truncateReason(refusal.reason));
      return;
    }
    const projected = this.storedBytes + this.unpersistedBytes + update.byteLength;
    if (projected > this.host.limits.maxDocBytes) {
      connection.close(CloseCode.DocTooLarge, `document would exceed ${this.host.limits.maxDocBytes} bytes`);
      return;
    }
    this.collected = [];
    try {
      Y.applyUpdate(doc, update, connection);
    } catch (error) {
      // Some malformed updates decode cleanly and fail half-way through integration,
      // which may have changed the doc in memory. Nothing of it was stored or relayed:
      // close the sender and rebuild the doc from storage.
      this.collected = [];
      connection.close(
        CloseCode.MalformedMessage,
        truncateReason(`inconsistent Yjs update: ${(error as Error).message}`),
      );
      this.host.repair(this);
      return;
    }
    const effective = this.collected;
    this.collected = [];
    for (const change of effective) this.queuePersist(change, connection);
    const bytes = effective.reduce((sum, change) => sum + change.byteLength, 0);
    this.writers.record(
      connection.writerKey,
      { bytes, newClients, foreignDeletes: context.foreignDeletes },
      this.host.now(),
    );
    if (pendingBytes(doc) > this.host.limits.maxFrameBytes * 4) {
      // Updates whose dependencies never arrive wait in memory, unstored. A trickle is normal
      // (a tab may be ahead of the server); a pile is an attack on memory: drop it.
      connection.close(CloseCode.MalformedMessage, 'too many updates with missing dependencies');
      this.host.repair(this);
    }
  }

  /**
   * The connection's guard on this update. Fails closed: a guard that throws (a bug, a crafted update
   * it cannot handle) refuses the update, like a refusal.
   */
  private guardRefusal(
    connection: Connection,
    doc: Y.Doc,
    update: Uint8Array,
    context: Parameters<NonNullable<Connection['guard']>>[2],
  ): GuardVerdict | null {
    if (!connection.guard) return null;
    try {
      const verdict = connection.guard(doc, update, context);
      if (verdict === null) return null;
      return typeof verdict === 'string' ? { code: CloseCode.PolicyViolation, reason: verdict } : verdict;
    } catch (error) {
      this.host.logger.error({ err: error, docId: this.docId }, 'update guard failed; the update is refused');
      return { code: CloseCode.PolicyViolation, reason: 'the server could not check this update' };
    }
  }

  /** Applies a server-authored change (a command) under the same rule: stored before anyone sees it. */
  applyServerChange(change: (doc: Y.Doc) => void): void {
    if (this.state !== 'active') throw new Error(`applyServerChange: room ${this.docId} is ${this.state}`);
    const doc = this.content.live();
    this.collected = [];
    doc.transact(() => change(doc), 'server');
    const effective = this.collected;
    this.collected = [];
    for (const update of effective) this.queuePersist(update, null);
  }

  private scheduleCold(): void {
    if (this.coldTimer) clearTimeout(this.coldTimer);
    this.coldTimer = setTimeout(() => {
      this.coldTimer = undefined;
      if (this.state === 'active' && this.unpersisted.length === 0) this.content.makeCold();
      else if (this.state === 'active') this.scheduleCold();
    }, this.host.coldAfterMs);
    this.coldTimer.unref();
  }

  private queuePersist(update: Uint8Array, origin: Connection | null): void {
    this.scheduleCold();
    if (this.unpersisted.length === 0) this.oldestUnpersistedAt = this.host.now();
    const pending: PendingUpdate = { room: this, update, origin, acceptedAt: this.host.now() };
    this.unpersisted.push(pending);
    this.unpersistedBytes += update.byteLength;
    this.host.persist(pending);
  }

  /**
   * Storage now holds these updates, as the one row `stored` (their merge when there are
   * several): relay it, then let held frames through. The frame is encoded once and shared
   * by every recipient. An update that goes out alone skips its author; a merge goes to
   * everyone (a Yjs client ignores what it already has).
   */
  relayPersisted(batch: readonly PendingUpdate[], stored: Uint8Array): void {
    const now = this.host.now();
    for (const pending of batch) {
      this.host.relayDelay(now - pending.acceptedAt);
      this.unpersistedBytes -= pending.update.byteLength;
    }
    // A batch is usually the oldest unstored updates, in order.
    if (this.unpersisted[0] === batch[0] && this.unpersisted[batch.length - 1] === batch[batch.length - 1]) {
      this.unpersisted.splice(0, batch.length);
    } else {
      for (const pending of batch) {
        const index = this.unpersisted.indexOf(pending);
        if (index >= 0) this.unpersisted.splice(index, 1);
      }
    }
    this.storedBytes += stored.byteLength;
    this.logUpdates++;
    this.logBytes += stored.byteLength;
    const author = batch.length === 1 ? (batch[0]?.origin ?? null) : null;
    this.host.countOut(fanOut(this.connections, stored, author));
    if (this.unpersisted.length === 0) this.releaseHeld();
  }

  private releaseHeld(): void {
    this.holding = false;
    while (this.held.length > 0 && !this.holding && this.state === 'active') {
      const next = this.held.shift();
      if (next && !next.connection.isClosed) this.handle(next.connection, next.frame);
    }
  }

  /** First frames for a connection on an active room: our state vector, then who is here. */
  private greet(connection: Connection): void {
    connection.send(encodeSyncStep1(this.content.stateVector()));
    this.host.countOut(1);
    this.presence.sendAll(connection);
  }

  private drainBuffered(connection: Connection): void {
    const frames = connection.pendingFrames.splice(0);
    connection.pendingBytes = 0;
    for (const frame of frames) {
      if (connection.isClosed || this.state !== 'active') return;
      this.receive(connection, frame);
    }
  }

  /** Closes every connection and frees the doc. The room must not be used afterwards. */
  destroy(code: number, reason: string): void {
    this.state = 'unloading';
    this.settleLoaded(false);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.coldTimer) clearTimeout(this.coldTimer);
    for (const connection of [...this.connections]) connection.close(code, reason);
    this.connections.clear();
    this.held = [];
    this.remoteBuffered = [];
    this.presence.destroy();
    this.content.destroy();
  }
}

/** Bytes of updates Yjs holds back because something they build on has not arrived. */
function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0);
}

function truncateReason(reason: string): string {
  // A close reason must fit in 123 bytes.
  return reason.length > 120 ? `${reason.slice(0, 117)}...` : reason;
}
