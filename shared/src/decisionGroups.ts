import { DECISIONS, type Decision } from './assessment.js';

/**
 * How the leader panel, the published catalog and the exports order ideas: one
 * group per decision (start now, city council, on hold, then not yet decided),
 * each in priority order — ranked ideas by rank, unranked after them in catalog
 * order.
 */
export interface DecisionGroup<T> {
  decision: Decision | null;
  items: T[];
}

export interface RankedDecision {
  decision: Decision | null;
  rank: number | null;
}

export function groupByDecision<T>(
  items: readonly T[],
  assessmentOf: (item: T) => RankedDecision | null | undefined,
): DecisionGroup<T>[] {
  const keys: Array<Decision | null> = [...DECISIONS, null];
  const indexed = items.map((item, index) => ({ item, index, assessment: assessmentOf(item) ?? null }));
  return keys.map((decision) => ({
    decision,
    items: indexed
      .filter((x) => (x.assessment?.decision ?? null) === decision)
      .sort(
        (a, b) =>
          (a.assessment?.rank ?? Number.POSITIVE_INFINITY) - (b.assessment?.rank ?? Number.POSITIVE_INFINITY) ||
          a.index - b.index,
      )
      .map((x) => x.item),
  }));
}

/** All items in the order of their groups: the order of a printed catalog. */
export function inDecisionOrder<T>(
  items: readonly T[],
  assessmentOf: (item: T) => RankedDecision | null | undefined,
): T[] {
  return groupByDecision(items, assessmentOf).flatMap((group) => group.items);
}
