import type { BoardSnapshotInfo } from '../storage/contracts/historyTypes.js';

/**
 * Which snapshots of a board are kept. A board is worked on for hours, over a few
 * days; what a facilitator needs back is "a few minutes ago" in detail and "this
 * morning" or "yesterday" roughly, so:
 *
 * - the newest `RETENTION.recent` snapshots are always kept (at one per five minutes of
 *   activity, that is at least the last two hours of work in full detail);
 * - older ones from the last `RETENTION.hourlyForMs`: the newest of each clock hour;
 * - older still: the newest of each day;
 * - never more than `RETENTION.max` in all (the oldest go first).
 */
export const RETENTION = {
  recent: 24,
  hourlyForMs: 7 * 24 * 3600_000,
  max: 100,
} as const;

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Ids of the snapshots to drop, given all of one board's snapshots (any order) and the time now. */
export function snapshotsToDrop(snapshots: readonly BoardSnapshotInfo[], now: number): string[] {
  const newestFirst = [...snapshots].sort((a, b) => b.takenAt - a.takenAt || (a.id < b.id ? 1 : -1));
  const drop: string[] = [];
  const seenBuckets = new Set<string>();
  let kept = 0;
  for (const [index, snapshot] of newestFirst.entries()) {
    let keep: boolean;
    if (index < RETENTION.recent) {
      keep = true;
    } else {
      const hourly = now - snapshot.takenAt < RETENTION.hourlyForMs;
      const bucket = hourly ? `h${Math.floor(snapshot.takenAt / HOUR)}` : `d${Math.floor(snapshot.takenAt / DAY)}`;
      // Newest first: the first snapshot met in a bucket is its newest.
      keep = !seenBuckets.has(bucket);
      seenBuckets.add(bucket);
    }
    if (keep && kept < RETENTION.max) kept++;
    else drop.push(snapshot.id);
  }
  return drop;
}
