import * as Y from 'yjs';
import type { Connection } from './Connection.js';
import { encodeUpdate } from './protocol.js';

/**
 * Sends a batch of stored updates to a room's connections, encoding each frame once.
 *
 * One update (the usual case): one frame, to everyone but its author. Several:
 * they are merged once into one frame for everyone — authors included, since a
 * Yjs client ignores what it already has, and merging per recipient to leave out
 * their own would cost a merge per author (the y-websocket reference server echoes
 * to authors too). Returns the number of frames sent.
 */
export function fanOut(
  connections: Iterable<Connection>,
  batch: ReadonlyArray<{ update: Uint8Array; origin: Connection | null }>,
): number {
  const first = batch[0];
  if (!first) return 0;
  const single = batch.length === 1;
  const frame = encodeUpdate(single ? first.update : Y.mergeUpdates(batch.map((pending) => pending.update)));
  let sent = 0;
  for (const connection of connections) {
    if (connection.isClosed || (single && connection === first.origin)) continue;
    connection.send(frame);
    sent++;
  }
  return sent;
}
