import type { AssessmentView, PublishedIdea } from '@samle/shared';

/**
 * A whole number typed by a leader (priority, costs, hours): empty means "none",
 * anything else must be a whole number within bounds. Spaces and Danish thousands
 * dots ("250.000") are allowed; a sign, decimals or letters are not, and the
 * caller shows a message rather than clearing the field.
 */
export function parseWholeNumber(
  text: string,
  min: number,
  max: number,
): { ok: true; value: number | null } | { ok: false } {
  const plain = text.trim().replace(/[\s.]/g, '');
  if (plain === '') return { ok: true, value: null };
  if (!/^\d+$/.test(plain)) return { ok: false };
  const value = Number(plain);
  return value >= min && value <= max ? { ok: true, value } : { ok: false };
}

/** Other ideas with the same priority as this one (priority is an order: a shared rank is flagged). */
export function sharedRank(
  ideaId: string,
  rank: number | null | undefined,
  ideas: ReadonlyArray<Pick<PublishedIdea, 'id' | 'title' | 'assessment'>>,
): string[] {
  if (rank == null) return [];
  return ideas.filter((other) => other.id !== ideaId && other.assessment?.rank === rank).map((other) => other.title);
}

export interface EstimateSums {
  oneOffDkk: number;
  yearlyDkk: number;
  staffHours: number;
  /** Whether any idea of the group has an estimate at all. */
  any: boolean;
}

/** The estimates of a decision's ideas summed (an idea without an estimate adds nothing). */
export function sumEstimates(
  ideaIds: readonly string[],
  assessments: ReadonlyMap<string, Pick<AssessmentView, 'oneOffDkk' | 'yearlyDkk' | 'staffHours'>>,
): EstimateSums {
  const sums: EstimateSums = { oneOffDkk: 0, yearlyDkk: 0, staffHours: 0, any: false };
  for (const id of ideaIds) {
    const a = assessments.get(id);
    if (!a) continue;
    for (const key of ['oneOffDkk', 'yearlyDkk', 'staffHours'] as const) {
      const value = a[key];
      if (value == null) continue;
      sums[key] += value;
      sums.any = true;
    }
  }
  return sums;
}
