import * as Y from 'yjs';
import type { Connection } from './Connection.js';
import { encodeUpdate } from './protocol.js';

/**
 * Sends a batch of stored updates to a room's connections. The common frame (all
 * updates merged) is encoded once and shared; only a connection that authored
 * some of them gets a frame of its own, without its own updates.
 * Returns the number of frames sent.
 */
export function fanOut(
  connections: Iterable<Connection>,
  batch: ReadonlyArray<{ update: Uint8Array; origin: Connection | null }>,
): number {
  const first = batch[0];
  if (!first) return 0;
  const merge = (updates: Uint8Array[]) => (updates.length === 1 && updates[0] ? updates[0] : Y.mergeUpdates(updates));
  let frameForAll: Uint8Array | undefined;
  const origins = new Set(batch.map((pending) => pending.origin));
  let sent = 0;
  for (const connection of connections) {
    if (connection.isClosed) continue;
    if (!origins.has(connection)) {
      frameForAll ??= encodeUpdate(batch.length === 1 ? first.update : merge(batch.map((p) => p.update)));
      connection.send(frameForAll);
      sent++;
      continue;
    }
    const others = batch.filter((pending) => pending.origin !== connection).map((pending) => pending.update);
    if (others.length === 0) continue;
    connection.send(encodeUpdate(merge(others)));
    sent++;
  }
  return sent;
}
