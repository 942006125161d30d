import { EVALUATION_LABEL_MAX, EVALUATION_RATINGS_MAX, type OpenEvaluationBody } from '@samle/shared';

/** The facilitator's "open an evaluation" form, before it is sent. */
export interface EvaluationDraft {
  ratings: string[];
  freeText: string;
  anonymous: boolean;
}

/** OpenEvaluationBody's limits. */
export const RATINGS_MAX = EVALUATION_RATINGS_MAX;
export const LABEL_MAX = EVALUATION_LABEL_MAX;

export function defaultDraft(defaults: { ratings: readonly string[]; freeText: string }): EvaluationDraft {
  return { ratings: [...defaults.ratings], freeText: defaults.freeText, anonymous: true };
}

export type DraftProblem =
  | { kind: 'ratingRequired'; index: number }
  | { kind: 'ratingTooLong'; index: number }
  | { kind: 'freeTextTooLong' }
  | { kind: 'tooManyRatings' }
  | { kind: 'noRatings' };

/** Everything the server would refuse in the draft, so the form can say it next to the field. */
export function draftProblems(draft: EvaluationDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.ratings.length === 0) problems.push({ kind: 'noRatings' });
  if (draft.ratings.length > RATINGS_MAX) problems.push({ kind: 'tooManyRatings' });
  draft.ratings.forEach((label, index) => {
    const trimmed = label.trim();
    if (trimmed.length === 0) problems.push({ kind: 'ratingRequired', index });
    else if (trimmed.length > LABEL_MAX) problems.push({ kind: 'ratingTooLong', index });
  });
  if (draft.freeText.trim().length > LABEL_MAX) problems.push({ kind: 'freeTextTooLong' });
  return problems;
}

/** The request body; an empty free-text question is left out (the evaluation then has none). */
export function draftToBody(draft: EvaluationDraft): OpenEvaluationBody {
  const freeText = draft.freeText.trim();
  return {
    ratings: draft.ratings.map((label) => label.trim()),
    ...(freeText ? { freeText } : {}),
    anonymous: draft.anonymous,
  };
}

export function withRating(draft: EvaluationDraft, index: number, label: string): EvaluationDraft {
  return { ...draft, ratings: draft.ratings.map((old, i) => (i === index ? label : old)) };
}

export function addRating(draft: EvaluationDraft): EvaluationDraft {
  return draft.ratings.length >= RATINGS_MAX ? draft : { ...draft, ratings: [...draft.ratings, ''] };
}

export function removeRating(draft: EvaluationDraft, index: number): EvaluationDraft {
  return draft.ratings.length <= 1 ? draft : { ...draft, ratings: draft.ratings.filter((_, i) => i !== index) };
}
