import { describe, expect, it } from 'vitest';
import { layoutTimeline, type TimelineInput } from './timeline';

const idea = (
  id: string,
  decision: TimelineInput['decision'],
  rank: number | null,
  startMonth: string | null,
  endMonth: string | null,
): TimelineInput => ({ id, decision, rank, startMonth, endMonth });

describe('layoutTimeline', () => {
  it('spans whole years and places one bar per dated idea in decision and priority order', () => {
    const layout = layoutTimeline([
      idea('hold', 'on_hold', 6, '2027-09', '2027-12'),
      idea('second', 'start_now', 2, '2027-02', '2027-07'),
      idea('first', 'start_now', 1, '2027-01', '2027-04'),
      idea('council', 'council', 4, '2027-11', '2028-03'),
      idea('undated', 'on_hold', 7, null, null),
    ]);
    expect(layout.months[0]).toBe('2027-01');
    expect(layout.months.at(-1)).toBe('2028-12');
    expect(layout.months).toHaveLength(24);
    expect(layout.bars.map((b) => [b.id, b.column, b.span])).toEqual([
      ['first', 0, 4],
      ['second', 1, 6],
      ['council', 10, 5],
      ['hold', 8, 4],
    ]);
    expect(layout.undated).toEqual(['undated']);
  });

  it('gives an idea with one end a one-month bar, marked open-ended', () => {
    const layout = layoutTimeline([idea('a', 'council', null, null, '2027-06')]);
    expect(layout.bars).toEqual([{ id: 'a', decision: 'council', column: 5, span: 1, openEnded: true }]);
  });

  it('has no months when nothing is dated', () => {
    expect(layoutTimeline([idea('a', null, null, null, null)])).toEqual({ months: [], bars: [], undated: ['a'] });
  });
});
