import type { Connection } from './Connection.js';

/**
 * The seam between the relay and whatever lets several server instances serve the
 * same documents (Redis, in `server/src/cluster/RedisBus.ts`). The relay calls the
 * bus at a few fixed points and never waits on it for correctness: PostgreSQL holds
 * every update, the bus only makes other instances see it sooner.
 */

/** Which live connections to close, on every instance. Every given condition must hold. */
export interface CloseMatch {
  /** Connections of these people. */
  personIds?: readonly string[];
  /** Connections on these documents. */
  docIds?: readonly string[];
  /** Only connections that may write. */
  writersOnly?: boolean;
}

/** What the relay tells the bus. */
export interface ClusterBus {
  /** This instance's id (unique per process), for logs. */
  readonly instanceId: string;
  /** Starts listening for the bus's messages to `host`. */
  attach(host: ClusterHost): void;
  /**
   * A document is about to be loaded here: listen for its updates first, so nothing
   * committed after the load's read can be missed. Never rejects; if the bus is down,
   * the document is caught up when it returns.
   */
  join(docId: string): Promise<void>;
  /** The document was unloaded here. */
  leave(docId: string): void;
  /** The document is loaded and serving: ask the other instances who is present on it. */
  loaded(docId: string): void;
  /**
   * These updates (one merged update) of a document are durable, at this log position
   * (stores that count positions): tell the other instances.
   */
  stored(docId: string, update: Uint8Array, position?: number): void;
  /** The presence of this instance's own clients on a document changed (an encoded awareness update). */
  awareness(docId: string, update: Uint8Array): void;
  /** Close matching connections on the other instances too. */
  closeEverywhere(match: CloseMatch, code: number, reason: string): void;
  /** Whether the bus is connected (else the instance serves its own clients only). */
  isUp(): boolean;
  close(): Promise<void>;
}

/** What the bus asks of the relay. */
export interface ClusterHost {
  /**
   * An update another instance stored (at `position` of the doc's log, when known): apply it to
   * the loaded doc (if any) and relay it to own clients; never store it.
   */
  applyRemoteUpdate(docId: string, update: Uint8Array, position?: number): void;
  /** Presence from another instance's clients. */
  applyRemoteAwareness(docId: string, update: Uint8Array): void;
  /** The presence of this instance's own clients on a doc, or null when there is none or the doc is not loaded. */
  localAwareness(docId: string): Uint8Array | null;
  /** Closes matching connections on this instance; returns how many. */
  closeLocal(match: CloseMatch, code: number, reason: string): number;
  /** Re-reads a loaded doc from storage and relays what own clients lack (after a missed message). */
  catchUp(docId: string): Promise<void>;
  /** Ids of the docs loaded (or loading) here. */
  loadedDocIds(): string[];
  /**
   * Another instance has started (perhaps after one was killed between storing an update and
   * publishing it): compare every loaded doc with storage now and repair what lacks anything.
   */
  instanceStarted(): void;
}

/** Closes the connections on these rooms that match; returns how many. */
export function closeMatching(
  rooms: Iterable<{ docId: string; connections: ReadonlySet<Connection> }>,
  match: CloseMatch,
  code: number,
  reason: string,
): number {
  const people = match.personIds ? new Set(match.personIds) : null;
  const docs = match.docIds ? new Set(match.docIds) : null;
  let closed = 0;
  for (const room of rooms) {
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
