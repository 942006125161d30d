import { describe, expect, it } from 'vitest';
import type { Decision } from './assessment.js';
import { groupByDecision, inDecisionOrder } from './decisionGroups.js';

type Item = { id: string; decision: Decision | null; rank: number | null };
const item = (id: string, decision: Decision | null, rank: number | null): Item => ({ id, decision, rank });

describe('groupByDecision', () => {
  it('groups by decision in the fixed order, ranked first by rank, unranked after in catalog order', () => {
    const items = [
      item('a', 'on_hold', null),
      item('b', 'start_now', 2),
      item('c', 'start_now', null),
      item('d', 'council', 1),
      item('e', 'start_now', 1),
      item('f', null, 3),
      item('g', 'start_now', null),
    ];
    const groups = groupByDecision(items, (x) => x);
    expect(groups.map((g) => [g.decision, g.items.map((x) => x.id)])).toEqual([
      ['start_now', ['e', 'b', 'c', 'g']],
      ['council', ['d']],
      ['on_hold', ['a']],
      [null, ['f']],
    ]);
    expect(inDecisionOrder(items, (x) => x).map((x) => x.id)).toEqual(['e', 'b', 'c', 'g', 'd', 'a', 'f']);
  });

  it('puts ideas without an assessment in the undecided group', () => {
    const groups = groupByDecision(['x', 'y'], () => undefined);
    expect(groups.at(-1)).toEqual({ decision: null, items: ['x', 'y'] });
    expect(groups.slice(0, 3).every((g) => g.items.length === 0)).toBe(true);
  });
});
