/**
 * WebSocket close codes used by the sync endpoint.
 *
 * 4400–4499: the client did something the server will not accept. Retrying the
 * same thing will fail again, so a client must not reconnect blindly.
 * 4500–4599: the server could not serve right now. Reconnecting (with backoff)
 * is the right reaction; nothing the client saw acknowledged is lost.
 *
 * docs/protocol.md lists them for people; keep the two in step.
 */
export const CloseCode = {
  /** The frame could not be decoded as a y-websocket message or a valid Yjs update. */
  MalformedMessage: 4400,
  /** No valid access token for this document. */
  Unauthenticated: 4401,
  /** The connection may read this document but sent a document update. */
  ReadOnly: 4403,
  /** The document does not exist (or is not visible to this token). */
  DocNotFound: 4404,
  /** The update writes something this document does not allow (e.g. an author on an anonymous board). */
  PolicyViolation: 4422,
  /** A single frame was larger than the frame limit. */
  FrameTooLarge: 4413,
  /** Applying the update would grow the document past the document size limit. */
  DocTooLarge: 4414,
  /** Applying the update would take this person past what one person may add to this document. */
  WriterQuotaExceeded: 4415,
  /** The update deletes more notes of others than a participant may at once (the facilitator may). */
  ForeignDeletesRefused: 4423,
  /** Too many messages per second from this connection. */
  RateLimited: 4429,
  /** This person already holds as many live connections as one grant may (SAMLE_MAX_SOCKETS_PER_GRANT); close a tab. */
  TooManyConnections: 4430,
  /** An awareness state was larger than allowed. */
  AwarenessTooLarge: 4431,
  /** The person's access was withdrawn (revoked by the facilitator, or the token expired). */
  AccessRevoked: 4410,

  /** Loading the document from storage failed; nothing was written. */
  LoadFailed: 4500,
  /** Storing an update failed; it was not relayed. Reconnect and resync. */
  PersistFailed: 4501,
  /** The client did not read its messages fast enough; reconnect and resync. */
  SlowConsumer: 4502,
  /** The server is shutting down after flushing everything it acknowledged. */
  ShuttingDown: 4503,
  /** The server holds as many documents as its memory budget allows; try again shortly. */
  Overloaded: 4504,
  /**
   * The update builds on changes this server does not hold yet (another instance stored them and
   * stopped before passing them on). Reconnect: the sync sends the server what it lacks.
   */
  MissingDependencies: 4505,
  /** What this connection may do changed (e.g. the session ended, or the person moved table); reconnect. */
  AccessChanged: 4511,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

/** True for close codes after which reconnecting is expected to help. */
export function isRetryableClose(code: number): boolean {
  return code < 4400 || code >= 4500;
}

const namesByCode = new Map<number, CloseCodeName>(
  (Object.entries(CloseCode) as [CloseCodeName, number][]).map(([name, code]) => [code, name]),
);

export function closeCodeName(code: number): CloseCodeName | undefined {
  return namesByCode.get(code);
}
