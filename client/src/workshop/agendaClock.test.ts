import type { AgendaItem } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { agendaClock, formatClock, nextItemId, plannedStarts } from './agendaClock';

const agenda: AgendaItem[] = [
  { id: 'a', title: 'Velkomst', kind: 'talk', text: '', minutes: 10 },
  { id: 'b', title: 'Gruppearbejde', kind: 'group_work', text: '', minutes: 45 },
  { id: 'c', title: 'Opsamling', kind: 'plenum', text: '', minutes: 20 },
];
const startedAt = '2026-03-03T09:00:00.000Z';
const t0 = Date.parse(startedAt);

describe('agendaClock', () => {
  it('counts down the current item from its start', () => {
    const clock = agendaClock({ agenda, currentItemId: 'b', currentItemStartedAt: startedAt }, t0 + 5 * 60_000);
    expect(clock?.item.id).toBe('b');
    expect(clock?.remainingMs).toBe(40 * 60_000);
    expect(clock?.overrun).toBe(false);
  });

  it('shows an overrun once the time box has passed', () => {
    const clock = agendaClock({ agenda, currentItemId: 'a', currentItemStartedAt: startedAt }, t0 + 12 * 60_000);
    expect(clock?.overrun).toBe(true);
    expect(formatClock(clock?.remainingMs ?? 0)).toBe('2:00');
  });

  it('has no clock when no item is current', () => {
    expect(agendaClock({ agenda, currentItemId: null, currentItemStartedAt: null }, t0)).toBeUndefined();
  });

  it('keeps the whole time box when the start time is missing', () => {
    expect(agendaClock({ agenda, currentItemId: 'c', currentItemStartedAt: null }, t0)?.remainingMs).toBe(20 * 60_000);
  });
});

describe('nextItemId', () => {
  it('moves to the following item, starts at the first, and stops after the last', () => {
    expect(nextItemId({ agenda, currentItemId: 'a' })).toBe('b');
    expect(nextItemId({ agenda, currentItemId: null })).toBe('a');
    expect(nextItemId({ agenda, currentItemId: 'c' })).toBeNull();
  });
});

describe('formatClock', () => {
  it('shows minutes and seconds, and hours when needed', () => {
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(64_200)).toBe('1:05');
    expect(formatClock(-3_723_000)).toBe('1:02:03');
    expect(formatClock(0)).toBe('0:00');
  });
});

describe('plannedStarts', () => {
  it('lays the rest of the agenda out from the current item', () => {
    const starts = plannedStarts({ agenda, currentItemId: 'b', currentItemStartedAt: startedAt });
    expect(starts.has('a')).toBe(false);
    expect(starts.get('b')).toBe(t0);
    expect(starts.get('c')).toBe(t0 + 45 * 60_000);
  });
});
