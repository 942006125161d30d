/** y-websocket message types (first varint of every frame). */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;

/** Request header every cookie-authenticated mutation must carry (cross-site forms cannot set it). */
export const CSRF_HEADER = 'x-samle-csrf';

/** Query parameter (WebSocket) and `Authorization: Bearer` value carrying a participant's token. */
export const TOKEN_PARAM = 'token';

/** Path prefix of the sync endpoint: a stock WebsocketProvider uses `${origin}${SYNC_PATH}` as its URL and the doc id as room. */
export const SYNC_PATH = '/sync';

/** Default relay limits; the server reads overrides from its configuration. */
export const DefaultLimits = {
  /** Largest single WebSocket frame accepted, in bytes. */
  maxFrameBytes: 1024 * 1024,
  /** Largest stored document (snapshot + log), in bytes. */
  maxDocBytes: 32 * 1024 * 1024,
  /** Messages per second per connection (token bucket: burst = 2 × rate). */
  maxMessagesPerSecond: 200,
  /** Largest awareness state of one client, in bytes of JSON. */
  maxAwarenessStateBytes: 8 * 1024,
  /**
   * Bytes one person may add to one document (a board, a draft, a description) while it is
   * loaded: about ten thousand notes, and a quarter of the unsent-bytes bound, so a board one
   * person filled is still far from every other limit.
   */
  maxWriterBytes: 2 * 1024 * 1024,
} as const;
