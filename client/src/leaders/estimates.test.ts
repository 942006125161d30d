import { describe, expect, it } from 'vitest';
import { parseWholeNumber, sharedRank, sumEstimates } from './estimates';

describe('numbers typed by leaders', () => {
  it('reads whole numbers with Danish thousands dots, and empty as none', () => {
    expect(parseWholeNumber(' 250.000 ', 0, 1e9)).toEqual({ ok: true, value: 250000 });
    expect(parseWholeNumber('', 0, 1e9)).toEqual({ ok: true, value: null });
  });

  it('refuses a negative, a decimal, letters or a number out of bounds instead of clearing', () => {
    for (const bad of ['-2', '1,5', 'to', '0', '1001'])
      expect(parseWholeNumber(bad, 1, 1000), bad).toEqual({ ok: false });
  });

  it('flags other ideas that share a priority', () => {
    const ideas = [
      { id: 'a', title: 'A', assessment: { rank: 2 } },
      { id: 'b', title: 'B', assessment: { rank: 2 } },
      { id: 'c', title: 'C', assessment: { rank: 1 } },
    ] as never;
    expect(sharedRank('a', 2, ideas)).toEqual(['B']);
    expect(sharedRank('c', 1, ideas)).toEqual([]);
    expect(sharedRank('a', null, ideas)).toEqual([]);
  });

  it('sums estimates per decision, ideas without one adding nothing', () => {
    const assessments = new Map([
      ['a', { oneOffDkk: 100, yearlyDkk: null, staffHours: 5 }],
      ['b', { oneOffDkk: 50, yearlyDkk: 20, staffHours: null }],
    ]);
    expect(sumEstimates(['a', 'b', 'c'], assessments)).toEqual({
      oneOffDkk: 150,
      yearlyDkk: 20,
      staffHours: 5,
      any: true,
    });
    expect(sumEstimates(['c'], assessments).any).toBe(false);
  });
});
