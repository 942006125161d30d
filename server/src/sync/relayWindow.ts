/** How many times `relayWindowMs` a board's window grows to at most (at 3 × `relayWindowClients` clients). */
export const MAX_WINDOW_SCALE = 3;

/**
 * How long a board's stored updates may wait to be merged, by how many clients it has.
 *
 * Merging k updates into one frame saves (k − 1) socket writes per client, so the
 * gain grows with the number of clients, while the cost — every edit on the board
 * waiting up to the window — is the same for everyone. A board with fewer than
 * `perClients` clients (a table: a handful of people) gets no window: each edit is
 * stored and relayed on the next turn. From `perClients` on, the window is
 * `windowMs` per `perClients` clients, up to MAX_WINDOW_SCALE times `windowMs` (a
 * plenum). Whatever the window, the first update after a quiet spell goes at once
 * (WritePipeline), so only a busy board waits.
 */
export function relayWindowFor(clients: number, windowMs: number, perClients: number): number {
  if (windowMs <= 0) return 0;
  if (perClients <= 0) return windowMs;
  if (clients < perClients) return 0;
  return windowMs * Math.min(MAX_WINDOW_SCALE, clients / perClients);
}
