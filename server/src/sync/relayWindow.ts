/** How many times `relayWindowMs` a board's window grows to at most (at 3 × `relayWindowClients` clients). */
export const MAX_WINDOW_SCALE = 3;

/**
 * How long a board's stored updates may wait to be merged, by how many clients it has and how
 * busy the server is (`load`, the event loop's recent utilisation, 0–1; see `windowShare`).
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
export function relayWindowFor(clients: number, windowMs: number, perClients: number, load = 1, busyFrom = 0): number {
  if (windowMs <= 0) return 0;
  const share = windowShare(load, busyFrom);
  if (share === 0) return 0;
  if (perClients <= 0) return windowMs * share;
  if (clients < perClients) return 0;
  return windowMs * Math.min(MAX_WINDOW_SCALE, clients / perClients) * share;
}

/** Where a board's window starts to open, as a share of `busyFrom` (see `windowShare`). */
export const WINDOW_RAMP_FROM = 0.75;

/**
 * How much of its window a board gets at the server's load. A window saves CPU (fewer frames)
 * and costs every edit on the board up to its length in latency, so it is worth having only
 * when the CPU is scarce: none while the event loop works less than three quarters of
 * `busyFrom`, all of it from `busyFrom` on, in proportion between. `busyFrom` 0: the whole
 * window whatever the load.
 *
 * Measured (docs/performance.md): a ramp from half of `busyFrom` kept a plenum at 45 % load
 * inside it, where load swings of a GC pause or a compaction opened windows of 5–15 ms, which
 * doubled its p99 (8.4 → 17–20 ms) to save 5 % CPU. Below saturation, the frames that pile up
 * while the loop works are merged anyway (one flush per turn); the window is for overload.
 */
export function windowShare(load: number, busyFrom: number): number {
  if (busyFrom <= 0 || load >= busyFrom) return 1;
  const from = busyFrom * WINDOW_RAMP_FROM;
  if (load <= from) return 0;
  return (load - from) / (busyFrom - from);
}
