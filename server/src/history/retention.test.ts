import { describe, expect, it } from 'vitest';
import type { BoardSnapshotInfo } from '../storage/contracts/historyTypes.js';
import { RETENTION, snapshotsToDrop } from './retention.js';

const HOUR = 3600_000;
const NOW = 1_760_000_000_000;

function snapshot(id: string, takenAt: number): BoardSnapshotInfo {
  return { id, boardId: 'board-1', takenAt, reason: 'activity', noteCount: 1, writerCount: 1 };
}

describe('which board snapshots are kept', () => {
  it('keeps the newest ones whatever their age', () => {
    const all = Array.from({ length: RETENTION.recent }, (_, i) => snapshot(`s${i}`, NOW - i * 60_000));
    expect(snapshotsToDrop(all, NOW)).toEqual([]);
  });

  it('thins older ones to the newest of each hour this week, and of each day before that', () => {
    const recent = Array.from({ length: RETENTION.recent }, (_, i) => snapshot(`recent${i}`, NOW - i * 1000));
    const hourStart = Math.floor((NOW - 5 * HOUR) / HOUR) * HOUR;
    const sameHour = [snapshot('hour-new', hourStart + 50 * 60_000), snapshot('hour-old', hourStart + 10 * 60_000)];
    const dayStart = Math.floor((NOW - 10 * 24 * HOUR) / (24 * HOUR)) * 24 * HOUR;
    const sameDay = [snapshot('day-new', dayStart + 20 * HOUR), snapshot('day-old', dayStart + 2 * HOUR)];
    const dropped = snapshotsToDrop([...sameDay, ...recent, ...sameHour], NOW);
    expect(dropped.sort()).toEqual(['day-old', 'hour-old']);
  });

  it(`never keeps more than ${RETENTION.max}, dropping the oldest`, () => {
    const all = Array.from({ length: RETENTION.max + 30 }, (_, i) => snapshot(`s${i}`, NOW - i * 2 * 24 * HOUR));
    const dropped = snapshotsToDrop(all, NOW);
    expect(dropped).toHaveLength(30);
    expect(dropped).toContain(`s${RETENTION.max + 29}`);
    expect(dropped).not.toContain('s0');
  });
});
