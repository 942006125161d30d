import { type Evaluation, type EvaluationResults, RATING_MAX, RATING_MIN } from '@samle/shared';

/** One bar of a rating's 1–5 chart. */
export interface ChartBar {
  value: number;
  count: number;
  /** Share of all answers to this rating, 0–1 (for the label). */
  share: number;
  /** Length relative to the longest bar, 0–1 (so the tallest bar fills the chart). */
  length: number;
}

/** The bars for a distribution (index 0 = rating 1). */
export function chartBars(distribution: readonly number[]): ChartBar[] {
  const total = distribution.reduce((sum, count) => sum + count, 0);
  const longest = Math.max(0, ...distribution);
  return distribution.map((count, index) => ({
    value: RATING_MIN + index,
    count,
    share: total === 0 ? 0 : count / total,
    length: longest === 0 ? 0 : count / longest,
  }));
}

/** The average with one decimal in the UI language ("4,3" / "4.3"), or null without answers. */
export function formatAverage(average: number | null, language: string): string | null {
  if (average === null) return null;
  return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(average);
}

/** The ratings to chart: the results once they have come, else the evaluation's questions with no answers yet. */
export function ratingsToShow(
  evaluation: Pick<Evaluation, 'ratings'>,
  results: Pick<EvaluationResults, 'ratings'> | undefined,
): EvaluationResults['ratings'] {
  if (results) return results.ratings;
  const empty = () => Array.from({ length: RATING_MAX - RATING_MIN + 1 }, () => 0);
  return evaluation.ratings.map((rating) => ({ ...rating, distribution: empty(), average: null }));
}
