import { CloseCode } from '@samle/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Connection } from './Connection.js';
import { REMOTE_ORIGIN } from './cluster.js';
import { DocState } from './DocState.js';
import { fanOut } from './fanOut.js';
import {
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  inspectUpdate,
  MalformedMessageError,
  readAwarenessEntries,
} from './protocol.js';
import type { RelayLimits } from './types.js';

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
  /** Presence lives on its own doc so the content doc can be rebuilt without touching it. */
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
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
  /** Presence changes waiting for the relay window. */
  private readonly awarenessChangedClients = new Set<number>();
  private cancelAwarenessRelay: (() => void) | undefined;
  private lastAwarenessRelayAt = Number.NEGATIVE_INFINITY;
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
    // The server is not a participant: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessChange);
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
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
  }

  /** The presence of this room's own clients, encoded; null when none of them has any. */
  localAwareness(): Uint8Array | null {
    const states = this.awareness.getStates();
    const clients: number[] = [];
    for (const connection of this.connections) {
      for (const client of connection.awarenessClients) if (states.has(client)) clients.push(client);
    }
    return clients.length === 0 ? null : awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
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
    if (connection.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null);
    }
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
          connection.send(encodeSyncStep2(this.content.diff(message.stateVector)));
          this.host.countOut(1);
          return;
        case 'update':
          this.host.countIn('update');
          this.acceptUpdate(connection, message.update);
          return;
        case 'awareness':
          this.host.countIn('awareness');
          this.acceptAwareness(connection, message.update);
          return;
        case 'queryAwareness':
          this.host.countIn('other');
          this.sendAwarenessStates(connection);
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
    const forbidden = connection.forbiddenKeys.find((key) => shape.writesKey(key));
    if (forbidden) {
      connection.close(CloseCode.PolicyViolation, `this board does not store "${forbidden}"`);
      return;
    }
    const refusal = connection.guard?.(this.content.live(), update);
    if (refusal) {
      connection.close(CloseCode.PolicyViolation, truncateReason(refusal));
      return;
    }
    const projected = this.storedBytes + this.unpersistedBytes + update.byteLength;
    if (projected > this.host.limits.maxDocBytes) {
      connection.close(CloseCode.DocTooLarge, `document would exceed ${this.host.limits.maxDocBytes} bytes`);
      return;
    }
    const doc = this.content.live();
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
    if (pendingBytes(doc) > this.host.limits.maxFrameBytes * 4) {
      // Updates whose dependencies never arrive wait in memory, unstored. A trickle is normal
      // (a tab may be ahead of the server); a pile is an attack on memory: drop it.
      connection.close(CloseCode.MalformedMessage, 'too many updates with missing dependencies');
      this.host.repair(this);
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

  private acceptAwareness(connection: Connection, update: Uint8Array): void {
    const entries = readAwarenessEntries(update);
    for (const entry of entries) {
      if (entry.stateJson.length > this.host.limits.maxAwarenessStateBytes) {
        connection.close(CloseCode.AwarenessTooLarge, 'awareness state too large');
        return;
      }
    }
    for (const entry of entries) {
      if (entry.stateJson !== 'null') connection.awarenessClients.add(entry.clientId);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
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
    this.sendAwarenessStates(connection);
  }

  private drainBuffered(connection: Connection): void {
    const frames = connection.pendingFrames.splice(0);
    connection.pendingBytes = 0;
    for (const frame of frames) {
      if (connection.isClosed || this.state !== 'active') return;
      this.receive(connection, frame);
    }
  }

  private sendAwarenessStates(connection: Connection): void {
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length === 0) return;
    connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
    this.host.countOut(1);
  }

  private readonly onAwarenessChange = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length === 0) return;
    // Own clients' presence goes to other instances; theirs (and states that timed out) does not come back.
    const own = origin !== REMOTE_ORIGIN && origin !== 'timeout' && this.host.awarenessChanged;
    if (!own && this.connections.size === 0) return;
    if (own) this.host.awarenessChanged?.(this, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    if (this.connections.size === 0) return;
    for (const client of changed) this.awarenessChangedClients.add(client);
    if (this.cancelAwarenessRelay) return;
    // Like stored updates, presence goes out at most once per relay window: one frame per client with
    // the latest state of everyone who changed (a cursor that moved five times is sent once).
    const wait = this.lastAwarenessRelayAt + this.host.relayWindowMs - this.host.now();
    if (wait > 0) {
      const timer = setTimeout(this.relayAwareness, wait);
      this.cancelAwarenessRelay = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(this.relayAwareness);
      this.cancelAwarenessRelay = () => clearImmediate(immediate);
    }
  };

  private readonly relayAwareness = (): void => {
    this.cancelAwarenessRelay = undefined;
    const clients = [...this.awarenessChangedClients];
    this.awarenessChangedClients.clear();
    if (clients.length === 0 || this.state === 'unloading' || this.connections.size === 0) return;
    this.lastAwarenessRelayAt = this.host.now();
    const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    let sent = 0;
    for (const connection of this.connections) {
      if (connection.isClosed) continue;
      connection.send(frame);
      sent++;
    }
    this.host.countOut(sent);
  };

  /** Closes every connection and frees the doc. The room must not be used afterwards. */
  destroy(code: number, reason: string): void {
    this.state = 'unloading';
    this.settleLoaded(false);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.coldTimer) clearTimeout(this.coldTimer);
    this.cancelAwarenessRelay?.();
    this.cancelAwarenessRelay = undefined;
    for (const connection of [...this.connections]) connection.close(code, reason);
    this.connections.clear();
    this.held = [];
    this.remoteBuffered = [];
    this.awareness.off('update', this.onAwarenessChange);
    this.awareness.destroy();
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
