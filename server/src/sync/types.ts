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

export interface RelayLimits {
  maxFrameBytes: number;
  maxDocBytes: number;
  maxMessagesPerSecond: number;
  maxAwarenessStateBytes: number;
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
   * Least time between two relays on one doc (ms). Updates stored within it of the last
   * relay go out together when it closes; the first after a quiet spell goes at once. 0: every batch at once.
   */
  relayWindowMs?: number;
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
   * Map keys this connection may not write on this document: on an anonymous
   * board, `authorId` and `authorName`, so authorship is never stored.
   */
  forbiddenKeys?: readonly string[];
  /**
   * A finer check of each update against the doc as it is (e.g. the catalog:
   * no client creates ideas or writes provenance). Returns why the update is
   * refused (close 4422), or null to accept it.
   */
  guard?: UpdateGuard;
}

export type UpdateGuard = (doc: Y.Doc, update: Uint8Array) => string | null;
