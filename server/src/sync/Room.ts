import { CloseCode } from '@samle/shared';
import * as Y from 'yjs';
import { admitUpdate } from './admission.js';
import type { Connection } from './Connection.js';
import { DocState, pendingBytes } from './DocState.js';
import { fanOut } from './fanOut.js';
import { admitIndexed } from './indexedWrite.js';
import { LogPosition } from './LogPosition.js';
import { type ChangeOrigin, REMOTE_ORIGIN, SERVER_ORIGIN } from './origins.js';
import { RoomPresence } from './Presence.js';
import {
  decodeClientMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  MalformedMessageError,
  truncateReason,
} from './protocol.js';
import { QuietTimer } from './QuietTimer.js';
import { StoredSize } from './StoredSize.js';
import { SyncAnswerWait } from './SyncAnswerWait.js';
import type { Cancel, Scheduler } from './scheduler.js';
import type { RelayLimits, RelayLogger } from './types.js';
import { UnstoredUpdates } from './UnstoredUpdates.js';
import { WriterLedger } from './WriterLedger.js';

/** An effective update applied in memory, waiting to be made durable before anyone else sees it. */
export interface PendingUpdate {
  room: Room;
  update: Uint8Array;
  /** The connection it came from; null for server-authored changes. */
  origin: Connection | null;
  /** When the relay accepted it (ms), for the accept → relay delay metric. */
  acceptedAt: number;
}

/**
 * loading   → frames are buffered per connection until storage has been read.
 * active    → frames are handled.
 * repairing → the in-memory doc is being rebuilt from storage after a fault; frames are buffered.
 * unloading → the room is gone; nothing is handled.
 */
export type RoomState = 'loading' | 'active' | 'repairing' | 'unloading';

export interface RoomHost {
  readonly limits: RelayLimits;
  /** How long after the last write a live doc goes back to its compact encoded form. */
  readonly coldAfterMs: number;
  /** How long the room stays loaded once it has no connections and nothing unstored. */
  readonly idleUnloadMs: number;
  /** Least time between two presence relays on this room; changes meanwhile go out together. */
  readonly relayWindowMs: number;
  readonly logger: RelayLogger;
  readonly scheduler: Scheduler;
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
  /** Whether the compactor is merging this room's log now (the room is not idle meanwhile). */
  isCompacting(room: Room): boolean;
  /** Parts merged into one garbage-collected state off the relay's thread (the compaction worker). */
  mergeAway?(parts: readonly Uint8Array[]): Promise<Uint8Array>;
  /** The doc holds updates from another instance it cannot apply: re-read storage and apply what it lacks. */
  catchUp(room: Room): void;
  /** The room has been idle for `idleUnloadMs`: unload it. */
  unloadIdle(room: Room): void;
}

/**
 * How long updates from another instance may wait for something they build on before the
 * room re-reads storage: the bus usually brings it within milliseconds (two instances'
 * messages are not ordered with each other).
 */
const CATCH_UP_AFTER_MS = 100;

/**
 * One document and the connections on it. An update from a client is applied to the in-memory doc
 * first: Yjs itself is the final validator, and what it emits is a clean, effective update (nothing
 * the doc already had). That is stored, and only then relayed. Until it is stored, nobody receives
 * it — neither as a relayed update nor inside an answer to a sync step 1: a step 1 that arrives
 * while the room has unstored updates holds the room's incoming frames until the next batch is stored.
 */
export class Room {
  state: RoomState = 'loading';
  /** The document, cold (encoded) or live (Y.Doc). */
  readonly content: DocState;
  readonly presence: RoomPresence;
  /** Per-writer quota and ownership, for this load of the doc. */
  private readonly writers = new WriterLedger();
  readonly connections = new Set<Connection>();
  /** What storage holds of this doc, as far as this instance knows (compaction looks at its log). */
  readonly size = new StoredSize();
  /** How far this copy follows the stored log (several instances: the reconciler compares it with storage's). */
  readonly position = new LogPosition();
  /** Applied in memory, not yet durable, oldest first. */
  readonly unstored = new UnstoredUpdates<PendingUpdate>();
  private cancelIdle: Cancel | undefined;
  /** Turns the live doc cold again once writing has stopped for `coldAfterMs` and all is stored. */
  private readonly cold: QuietTimer;
  private cancelCatchUp: Cancel | undefined;
  readonly loadStartedAt: number;
  /** Settles true when the room starts serving, false when it is destroyed before that. */
  readonly loaded: Promise<boolean>;
  private settleLoaded: (active: boolean) => void = () => {};
  /** Frames held (in arrival order) while a sync step 1 waits for unstored updates to be stored. */
  private held: Array<{ connection: Connection; frame: Uint8Array }> = [];
  private holding = false;
  private collected: Uint8Array[] = [];
  /** Updates another instance stored, received while this room was loading or repairing. */
  private remoteBuffered: Uint8Array[] = [];
  /** Connections sent the opening sync step 1 (and presence); a rebuild greets only those not yet greeted. */
  private readonly greeted = new WeakSet<Connection>();
  /** A writer's updates that build on what it has not sent yet, until its step 2. */
  private readonly syncWait: SyncAnswerWait;

  constructor(
    readonly docId: string,
    private readonly host: RoomHost,
  ) {
    this.content = new DocState((update) => this.collected.push(update), host.mergeAway);
    this.syncWait = new SyncAnswerWait(host.limits.maxFrameBytes * 4);
    this.cold = new QuietTimer(
      host.scheduler,
      host.coldAfterMs,
      () => this.state !== 'active' || this.unstored.count === 0,
      () => {
        if (this.state === 'active') this.content.makeCold();
      },
    );
    this.loadStartedAt = host.scheduler.now();
    this.loaded = new Promise((resolve) => {
      this.settleLoaded = resolve;
    });
    this.presence = new RoomPresence({
      relayWindowMs: host.relayWindowMs,
      maxAwarenessStateBytes: host.limits.maxAwarenessStateBytes,
      scheduler: host.scheduler,
      connections: () => this.connections,
      hasConnections: () => this.connections.size > 0,
      isUnloading: () => this.state === 'unloading',
      countOut: (frames) => host.countOut(frames),
      ...(host.awarenessChanged ? { changed: (update: Uint8Array) => host.awarenessChanged?.(this, update) } : {}),
    });
  }

  /** Serving, with no connections, nothing unstored and no compaction running: it may be unloaded. */
  get isIdle(): boolean {
    const { state, connections, unstored } = this;
    return state === 'active' && connections.size === 0 && unstored.count === 0 && !this.host.isCompacting(this);
  }

  /** Unloads the room after `idleUnloadMs` unless it is used again meanwhile (a new connection cancels it). */
  scheduleIdleUnload(): void {
    this.cancelIdle?.();
    this.cancelIdle = this.host.scheduler.background(this.host.idleUnloadMs, () => {
      this.cancelIdle = undefined;
      if (this.isIdle) this.host.unloadIdle(this);
    });
  }

  /** Called once storage has been read into the doc. */
  activate(): void {
    this.state = 'active';
    this.collected = [];
    this.settleLoaded(true);
    if (this.holding && this.unstored.count === 0) this.releaseHeld();
    for (const update of this.remoteBuffered.splice(0)) this.applyRemote(update);
    for (const connection of this.connections) {
      // Also those that connected while the doc was being rebuilt; not twice those greeted before it.
      if (!this.greeted.has(connection)) this.greet(connection);
      this.drainBuffered(connection);
    }
  }

  /**
   * An update another instance has already stored: applied here and relayed to this
   * room's connections (only what the doc lacked: Yjs leaves out what it already has).
   * It is not stored again. Buffered while the doc is loading or being rebuilt. Returns whether
   * the doc had lacked anything of it.
   */
  applyRemote(update: Uint8Array): boolean {
    if (this.state === 'loading' || this.state === 'repairing') {
      this.remoteBuffered.push(update);
      return false;
    }
    if (this.state !== 'active') return false;
    const doc = this.content.live();
    // Updates from our own clients that wait for a missing dependency are not stored yet. If this
    // update supplies it, what Yjs emits includes them: then it is stored before anyone sees it.
    const completesUnstored = pendingBytes(doc) > 0;
    this.collected = [];
    try {
      Y.applyUpdate(doc, update, REMOTE_ORIGIN satisfies ChangeOrigin);
    } catch {
      // Another instance's Yjs produced it, so this means a damaged message: rebuild from storage.
      this.collected = [];
      this.host.repair(this);
      return false;
    }
    if (pendingBytes(doc) > 0) this.scheduleCatchUp();
    const effective = this.collected;
    this.collected = [];
    if (effective.length === 0) return false;
    if (completesUnstored) {
      for (const change of effective) this.queuePersist(change, null);
      return true;
    }
    this.cold.touch();
    for (const change of effective) this.size.addRow(change.byteLength);
    this.host.countOut(
      fanOut(this.connections, effective.length === 1 ? (effective[0] as Uint8Array) : Y.mergeUpdates(effective), null),
    );
    return true;
  }

  /**
   * The doc holds updates it cannot apply yet: something they build on is missing. Whatever
   * another instance sends was stored first, so storage has what is missing (also when that
   * instance died between storing an update and publishing it); re-read it if a moment later
   * the bus has not brought it.
   */
  private scheduleCatchUp(): void {
    if (this.cancelCatchUp) return;
    this.cancelCatchUp = this.host.scheduler.after(CATCH_UP_AFTER_MS, () => {
      this.cancelCatchUp = undefined;
      if (this.state === 'active' && this.content.isLive && pendingBytes(this.content.live()) > 0) {
        this.host.catchUp(this);
      }
    });
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
    this.cancelIdle?.();
    this.cancelIdle = undefined;
    if (this.state === 'active') this.greet(connection);
  }

  removeConnection(connection: Connection): void {
    this.syncWait.forget(connection);
    if (!this.connections.delete(connection)) return;
    this.presence.remove(connection);
    if (this.connections.size === 0 && this.state === 'active') this.scheduleIdleUnload();
  }

  /** Entry point for every frame from a client. Never throws for bad input. */
  receive(connection: Connection, frame: Uint8Array): void {
    if (connection.isClosed) return;
    const limits = this.host.limits;
    if (frame.byteLength > limits.maxFrameBytes) {
      connection.close(CloseCode.FrameTooLarge, `frame of ${frame.byteLength} bytes exceeds ${limits.maxFrameBytes}`);
      return;
    }
    if (!connection.takeMessageToken(this.host.scheduler.now())) {
      connection.close(CloseCode.RateLimited, 'too many messages per second');
      return;
    }
    if (this.state === 'loading' || this.state === 'repairing') {
      connection.buffer(frame);
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
          if (this.unstored.count > 0) {
            // Held at the front: when the frames before it were handled (releaseHeld) their updates
            // must be stored first, but nothing that arrived after it may go ahead of it again — with
            // others writing all the time, a step 1 sent to the back waited for ever (a client that
            // reconnected to a busy board never synced; the kill -9 cluster test hung on it).
            this.holding = true;
            this.held.unshift({ connection, frame });
            return;
          }
          connection.sendFirstSync(encodeSyncStep2(this.content.diff(message.stateVector)));
          this.host.countOut(1);
          return;
        case 'update':
          this.host.countIn('update');
          this.receiveUpdate(connection, message.update, message.step2);
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

  /** A writer's update; until its step 2, one building on what it has not sent yet waits (SyncAnswerWait). */
  private receiveUpdate(connection: Connection, update: Uint8Array, step2: boolean): void {
    if (!step2) {
      const held = this.syncWait.hold(connection, update, () => this.content.stateVector());
      if (held === 'too-much') connection.close(CloseCode.RateLimited, 'too much data sent before answering the sync');
      if (held !== false) return;
    }
    this.acceptUpdate(connection, update);
    if (!step2) return;
    for (const waiting of this.syncWait.answer(connection)) {
      if (connection.isClosed || this.state !== 'active') return;
      this.acceptUpdate(connection, waiting);
    }
  }

  private acceptUpdate(connection: Connection, update: Uint8Array): void {
    if (this.acceptIndexed(connection, update)) return;
    // A guard may integrate the update while checking it: what Yjs emits then is collected here.
    this.collected = [];
    const admission = admitUpdate({
      connection,
      doc: () => this.content.live(),
      update,
      writers: this.writers,
      limits: this.host.limits,
      docBytes: this.size.bytes + this.unstored.bytes,
      now: this.host.scheduler.now(),
      logger: this.host.logger,
      docId: this.docId,
    });
    if (admission.kind === 'ignore') return;
    if (admission.kind === 'refuse') {
      connection.close(admission.code, truncateReason(admission.reason));
      if (admission.touched) {
        // The refused update may be in the live doc: nothing of it is kept, stored or relayed.
        this.collected = [];
        this.host.repair(this);
      }
      return;
    }
    const doc = this.content.live();
    try {
      // Unless the guard has integrated it already (an accepted update's effects are collected).
      if (this.collected.length === 0) Y.applyUpdate(doc, update, connection satisfies ChangeOrigin);
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
      { bytes, newClients: admission.newClients, foreignDeletes: admission.context.foreignDeletes },
      this.host.scheduler.now(),
    );
    if (pendingBytes(doc) > this.host.limits.maxFrameBytes * 4) {
      // Updates whose dependencies never arrive wait in memory, unstored. A trickle is normal
      // (a tab may be ahead of the server); a pile is an attack on memory: drop it.
      connection.close(CloseCode.MalformedMessage, 'too many updates with missing dependencies');
      this.host.repair(this);
    }
  }

  /** A notes board's update judged from its struct index, no live doc (indexedWrite.ts); false: take the live path. */
  private acceptIndexed(connection: Connection, update: Uint8Array): boolean {
    const { scheduler, limits, logger } = this.host;
    const docBytes = this.size.bytes + this.unstored.bytes;
    const input = { connection, update, writers: this.writers, limits, docBytes, now: scheduler.now(), logger };
    const admission = admitIndexed({ ...input, docId: this.docId }, this.content);
    if (admission.kind === 'live') return false;
    if (admission.kind === 'refuse') connection.close(admission.code, truncateReason(admission.reason));
    if (admission.kind !== 'admit') return true;
    const { effective, newClients, foreignDeletes } = admission;
    if (effective) this.queuePersist(effective, connection);
    const bytes = effective?.byteLength ?? 0;
    this.writers.record(connection.writerKey, { bytes, newClients, foreignDeletes }, scheduler.now());
    return true;
  }

  /** Applies a server-authored change (a command) under the same rule: stored before anyone sees it. */
  applyServerChange(change: (doc: Y.Doc) => void): void {
    if (this.state !== 'active') throw new Error(`applyServerChange: room ${this.docId} is ${this.state}`);
    const doc = this.content.live();
    this.collected = [];
    doc.transact(() => change(doc), SERVER_ORIGIN satisfies ChangeOrigin);
    const effective = this.collected;
    this.collected = [];
    for (const update of effective) this.queuePersist(update, null);
  }

  private queuePersist(update: Uint8Array, origin: Connection | null): void {
    this.cold.touch();
    const pending: PendingUpdate = { room: this, update, origin, acceptedAt: this.host.scheduler.now() };
    this.unstored.add(pending);
    this.host.persist(pending);
  }

  /**
   * Storage now holds these updates, as the one row `stored` (their merge when there are
   * several): relay it, then let held frames through. The frame is encoded once and shared
   * by every recipient. An update that goes out alone skips its author; a merge goes to
   * everyone (a Yjs client ignores what it already has).
   */
  relayPersisted(batch: readonly PendingUpdate[], stored: Uint8Array): void {
    const now = this.host.scheduler.now();
    for (const pending of batch) this.host.relayDelay(now - pending.acceptedAt);
    this.unstored.remove(batch);
    this.size.addRow(stored.byteLength);
    const author = batch.length === 1 ? (batch[0]?.origin ?? null) : null;
    this.host.countOut(fanOut(this.connections, stored, author));
    if (this.unstored.count === 0) this.releaseHeld();
  }

  /** Lets held frames through, in order; during a rebuild (even one a held frame started) they wait for `activate`. */
  private releaseHeld(): void {
    this.holding = this.state !== 'active';
    while (this.held.length > 0 && !this.holding) {
      const next = this.held.shift();
      if (next && !next.connection.isClosed) this.handle(next.connection, next.frame);
      if (this.state !== 'active') this.holding = true; // before: held frames were left unanswered for ever
    }
  }

  /** First frames for a connection on an active room: our state vector, then who is here. */
  private greet(connection: Connection): void {
    this.greeted.add(connection);
    connection.send(encodeSyncStep1(this.content.stateVector()));
    this.host.countOut(1);
    this.presence.sendAll(connection);
  }

  private drainBuffered(connection: Connection): void {
    for (const frame of connection.takeBuffered()) {
      if (connection.isClosed || this.state !== 'active') return;
      this.receive(connection, frame);
    }
  }

  /** Closes every connection and frees the doc. The room must not be used afterwards. */
  destroy(code: number, reason: string): void {
    this.state = 'unloading';
    this.settleLoaded(false);
    this.cancelIdle?.();
    this.cold.stop();
    this.cancelCatchUp?.();
    for (const connection of [...this.connections]) connection.close(code, reason);
    this.connections.clear();
    this.held = [];
    this.syncWait.clear();
    this.remoteBuffered = [];
    this.presence.destroy();
    this.content.destroy();
  }
}
