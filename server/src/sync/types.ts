import type * as Y from 'yjs';

/**
 * The relay's view of a client connection. The Fastify adapter wraps a `ws`
 * socket in this; tests use in-memory pairs. Nothing here knows about HTTP.
 */
export interface SyncSocket {
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
  isOpen(): boolean;
  /** Bytes queued for this client but not yet handed to the OS. */
  bufferedAmount(): number;
}

/** What the transport adapter holds for one socket. */
export interface ConnectionHandle {
  /** Every frame from the socket, in order, as soon as it arrives (before any await). */
  receive(frame: Uint8Array): void;
  /** The socket closed from the client's side. */
  closed(): void;
}

export interface RelayLimits {
  maxFrameBytes: number;
  maxDocBytes: number;
  maxMessagesPerSecond: number;
  maxAwarenessStateBytes: number;
  /**
   * Bytes one writer (person) may add to one document while it is loaded; past it the
   * update is refused (4415). Keeps one person from filling a board for everyone.
   */
  maxWriterBytes: number;
  /** A client whose unsent bytes pass this is closed (it reconnects and resyncs). */
  maxBufferedBytes: number;
  /** Most docs held in memory at once; past it, idle docs are unloaded first and new loads are refused. */
  maxLoadedDocs: number;
}

export interface RelayTimings {
  /** How long a doc with no connections stays loaded. */
  idleUnloadMs: number;
  /** How often sync sockets are pinged; one that misses a ping is closed (the Fastify adapter does this). */
  heartbeatMs: number;
  /** How long after its last write a doc is kept live (Y.Doc) before going back to its compact encoded form. */
  coldAfterMs: number;
  /**
   * Least time between two relays on one doc (ms): for presence on every doc, for stored updates per
   * `relayWindowClients` clients on the doc (relayWindow.ts: none on a doc with fewer, at most three
   * times this). What arrives within it of the last relay goes out together when it closes; the first
   * after a quiet spell goes at once. 0: every batch at once.
   */
  relayWindowMs?: number;
  /** Clients on a doc per `relayWindowMs` of window for its stored updates (default 40; 1: every doc). */
  relayWindowClients?: number;
  /**
   * The event loop's utilisation (0–1) from which a doc gets the whole window for its stored updates;
   * none below half of it, in proportion between (relayWindow.ts). 0 (the default): whatever the load.
   */
  relayWindowBusy?: number;
  /** Log entries after which a doc is compacted into its snapshot. */
  compactAfterUpdates: number;
  /** Log bytes after which a doc is compacted into its snapshot. */
  compactAfterBytes: number;
}

export interface RelayLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What a connection may do with its doc, decided by whoever accepts the socket. */
export interface ConnectionAccess {
  canWrite: boolean;
  /** The person behind the connection (participants, leaders, viewers), so revoking them can close it. */
  personId?: string | null;
  /**
   * A finer check of each update against the doc (e.g. the catalog: no client
   * creates ideas or writes provenance). Returns why the update is refused (close
   * 4422, or the verdict's code), or null to accept it. An exception refuses the
   * update too (4422): guards fail closed. A guard may integrate the update into
   * the room's live doc to check the resulting state: when it accepts, the room
   * keeps what Yjs emitted; when it refuses, the room rebuilds its doc from
   * storage (and its unstored updates) before anything reads it again.
   */
  guard?: UpdateGuard;
  /**
   * Whose writing this is, for the per-writer quota and for telling a writer's
   * own content from others' (the person's id); null: not counted (facilitators,
   * operator tokens).
   */
  writerKey?: string | null;
  /** Who this connection is, as presence shows it: the server writes it into the connection's awareness state. */
  presence?: PresenceIdentity;
}

/** The name and role presence shows for a connection, from its grant. */
export interface PresenceIdentity {
  name: string;
  role: string;
}

/** A refusal with its own close code (e.g. 4423 for deleting many notes of others). */
export interface GuardVerdict {
  code: number;
  reason: string;
}

/** What the room knows about the writer of an update, for the guard. */
export interface GuardContext {
  /** Yjs client ids this writer has written with on this doc since it was loaded: content they made. */
  readonly ownClients: ReadonlySet<number>;
  /** Notes of others this writer deleted on this doc in the last minute (before this update). */
  readonly recentForeignDeletes: number;
  /** Set by the guard: notes of others this update deletes (counted once the update is accepted). */
  foreignDeletes: number;
}

export interface UpdateGuard {
  (doc: Y.Doc, update: Uint8Array, context: GuardContext): string | GuardVerdict | null;
  /** The same guard answered from a structure index instead of a live doc, where it can be (notes boards). */
  readonly indexed?: IndexedJudge;
}

/** A document's structure without its content, which an `IndexedJudge` builds and reads (opaque to the relay). */
export interface DocIndex {
  /** The clock up to which the index holds `client`'s structs (Yjs's `getState`). */
  clockOf(client: number): number;
  /** The encoded state vector of what it holds (of `only` those clients, when given). */
  stateVector(only?: Iterable<number>): Uint8Array;
  /** Bytes it holds, approximately. */
  readonly bytes: number;
  /** Drops spare capacity it grew while taking updates in. */
  trim(): void;
}

/**
 * A guard that judges updates from a DocIndex, so that a written document needs no live Y.Doc. It
 * only ever accepts: anything it refuses or is unsure of (missing dependencies, bytes that do not
 * decode, another kind of index) it hands to the live guard, which decides as it always has.
 */
export interface IndexedJudge {
  /** Reads a document's encoded state into a fresh index. */
  build(encoded: Uint8Array): DocIndex;
  /**
   * Accepted: whether the update adds anything, the notes of others it removes, and `commit` to take it
   * into the index (once it is to be stored); null: let the live guard decide.
   */
  judge(
    index: DocIndex,
    update: Uint8Array,
    context: GuardContext,
  ): { novel: boolean; foreignDeletes: number; commit(): void } | null;
}
