import type { Connection } from './Connection.js';
import { encodeUpdate } from './protocol.js';

/**
 * Sends one stored update to a room's connections: encoded once, the same frame
 * for every recipient (the WebSocket adapter also frames it once). `author`, when
 * given, does not get it back. Returns the number of frames sent.
 */
export function fanOut(connections: Iterable<Connection>, update: Uint8Array, author: Connection | null): number {
  const frame = encodeUpdate(update);
  let sent = 0;
  for (const connection of connections) {
    if (connection === author || connection.isClosed) continue;
    connection.send(frame);
    sent++;
  }
  return sent;
}
