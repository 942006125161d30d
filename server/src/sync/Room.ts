import { CloseCode } from '@samle/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Connection } from './Connection.js';
import {
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  inspectUpdate,
  MalformedMessageError,
  readAwarenessEntries,
} from './protocol.js';
import type { RelayLimits } from './types.js';

export type RoomState = 'loading' | 'active' | 'unloading';

/** An update accepted from a client (or the server), waiting to be made durable. */
export interface PendingUpdate {
  room: Room;
  update: Uint8Array;
  /** The connection it came from; null for server-authored changes. */
  origin: Connection | null;
}

export interface RoomHost {
  readonly limits: RelayLimits;
  now(): number;
  /** Queues an update for durable storage; the room applies and relays it once stored. */
  persist(pending: PendingUpdate): void;
  countIn(kind: 'update' | 'awareness' | 'sync' | 'other'): void;
  countOut(frames: number): void;
}

/**
 * One document and the connections on it. The doc in memory is always exactly
 * what storage holds: updates are applied only after they are stored, so
 * whatever a client receives from the room (an answer to its sync step 1 or a
 * relayed update) has already been made durable.
 */
export class Room {
  state: RoomState = 'loading';
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  /** Bytes on disk for this doc (snapshot + log). */
  storedBytes = 0;
  /** Log entries and bytes since the last snapshot: compaction looks at these. */
  logUpdates = 0;
  logBytes = 0;
  /** Accepted but not yet durable. */
  unpersistedCount = 0;
  unpersistedBytes = 0;
  oldestUnpersistedAt = 0;
  idleTimer: NodeJS.Timeout | undefined;
  compacting = false;
  loadStartedAt: number;
  /** Settles true when the room starts serving, false when it is destroyed before that. */
  readonly loaded: Promise<boolean>;
  private settleLoaded: (active: boolean) => void = () => {};

  /** Effective updates collected while a batch is applied, keyed by the connection they came from. */
  private collected: Array<{ update: Uint8Array; origin: Connection | null }> = [];

  constructor(
    readonly docId: string,
    private readonly host: RoomHost,
  ) {
    this.loadStartedAt = host.now();
    this.loaded = new Promise((resolve) => {
      this.settleLoaded = resolve;
    });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server is not a participant: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessChange);
  }

  /** Called once storage has been read into the doc. */
  activate(): void {
    this.state = 'active';
    this.settleLoaded(true);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.collected.push({ update, origin: (origin as Connection | null) ?? null });
    });
    for (const connection of this.connections) this.greet(connection);
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

  /** Entry point for every frame from a client. Never throws. */
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
    if (this.state === 'loading') {
      connection.pendingBytes += frame.byteLength;
      if (connection.pendingBytes > limits.maxFrameBytes * 4) {
        connection.close(CloseCode.RateLimited, 'too much data sent while the document was loading');
        return;
      }
      connection.pendingFrames.push(frame);
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
          connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector)));
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
    const projected = this.storedBytes + this.unpersistedBytes + update.byteLength;
    if (projected > this.host.limits.maxDocBytes) {
      connection.close(CloseCode.DocTooLarge, `document would exceed ${this.host.limits.maxDocBytes} bytes`);
      return;
    }
    if (this.unpersistedCount === 0) this.oldestUnpersistedAt = this.host.now();
    this.unpersistedCount++;
    this.unpersistedBytes += update.byteLength;
    this.host.persist({ room: this, update, origin: connection });
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
   * Applies updates that storage now holds and relays their effect. Each frame is
   * encoded once and shared by every recipient; a connection never gets its own
   * update back.
   */
  applyPersisted(batch: readonly PendingUpdate[]): void {
    this.collected = [];
    for (const pending of batch) {
      this.unpersistedCount--;
      this.unpersistedBytes -= pending.update.byteLength;
      this.storedBytes += pending.update.byteLength;
      this.logUpdates++;
      this.logBytes += pending.update.byteLength;
      Y.applyUpdate(this.doc, pending.update, pending.origin);
    }
    const collected = this.collected;
    this.collected = [];
    if (collected.length === 0) return;
    this.fanOut(collected);
  }

  private fanOut(collected: Array<{ update: Uint8Array; origin: Connection | null }>): void {
    const first = collected[0];
    const everything = collected.length === 1 && first ? first.update : Y.mergeUpdates(collected.map((c) => c.update));
    const frameForAll = encodeUpdate(everything);
    const origins = new Set(collected.map((c) => c.origin));
    let sent = 0;
    for (const connection of this.connections) {
      if (connection.isClosed) continue;
      if (!origins.has(connection)) {
        connection.send(frameForAll);
        sent++;
        continue;
      }
      const others = collected.filter((c) => c.origin !== connection).map((c) => c.update);
      if (others.length === 0) continue;
      connection.send(encodeUpdate(others.length === 1 && others[0] ? others[0] : Y.mergeUpdates(others)));
      sent++;
    }
    this.host.countOut(sent);
  }

  /** First frames for a connection on an active room: our state vector, then who is here. */
  private greet(connection: Connection): void {
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    this.host.countOut(1);
    this.sendAwarenessStates(connection);
    const frames = connection.pendingFrames.splice(0);
    connection.pendingBytes = 0;
    for (const frame of frames) {
      if (connection.isClosed) return;
      this.handle(connection, frame);
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
    _origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length === 0 || this.connections.size === 0) return;
    const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
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
    for (const connection of [...this.connections]) connection.close(code, reason);
    this.connections.clear();
    this.awareness.off('update', this.onAwarenessChange);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function truncateReason(reason: string): string {
  // A close reason must fit in 123 bytes.
  return reason.length > 120 ? `${reason.slice(0, 117)}...` : reason;
}
