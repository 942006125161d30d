import { type Evaluation, type EvaluationResponseBody, RATING_MAX, RATING_MIN } from '@samle/shared';

/** The ratings a person has picked so far, by rating id. */
export type RatingChoices = Readonly<Record<string, number>>;

export const RATING_VALUES: readonly number[] = Array.from(
  { length: RATING_MAX - RATING_MIN + 1 },
  (_, i) => RATING_MIN + i,
);

/** The rating questions still without an answer, in the order they are asked. */
export function missingRatings(evaluation: Pick<Evaluation, 'ratings'>, choices: RatingChoices): string[] {
  return evaluation.ratings
    .map((rating) => rating.id)
    .filter((id) => {
      const value = choices[id];
      return value === undefined || value < RATING_MIN || value > RATING_MAX;
    });
}

/** The request body: exactly the evaluation's ratings, and the text only when something was written. */
export function toResponseBody(
  evaluation: Pick<Evaluation, 'ratings' | 'freeText'>,
  choices: RatingChoices,
  text: string,
): EvaluationResponseBody {
  const ratings: Record<string, number> = {};
  for (const rating of evaluation.ratings) {
    const value = choices[rating.id];
    if (value !== undefined) ratings[rating.id] = value;
  }
  const trimmed = text.trim();
  return evaluation.freeText !== null && trimmed ? { ratings, text: trimmed } : { ratings };
}
