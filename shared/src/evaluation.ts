import { type Static, Type } from '@sinclair/typebox';

/**
 * Evaluating the process: the facilitator opens an evaluation (a few 1–5 ratings
 * and a free-text question, anonymous by default); participants and leaders answer
 * once each (answering again replaces their answer); the facilitator sees the
 * aggregate and exports it as CSV.
 */

export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** As many rating questions as an evaluation may have. */
export const EVALUATION_RATINGS_MAX = 10;
/** The longest question (rating or free text), in characters. */
export const EVALUATION_LABEL_MAX = 200;

/**
 * The general questions, for a process without its own: what the facilitator's form
 * offers (in the UI's language, through i18n) and what the server opens when an
 * "evaluation" agenda item starts (in the workshop's language).
 */
export const GENERAL_EVALUATION: Record<'da' | 'en', { ratings: readonly [string, string, string]; freeText: string }> =
  {
    da: {
      ratings: [
        'Hvor meget har du fået ud af forløbet?',
        'Hvor godt har ledelsen svaret på jeres spørgsmål og forslag?',
        'Hvor sandsynligt er det, at du ændrer din måde at arbejde på?',
      ],
      freeText: 'Hvad tager du med dig — og hvad skal vi gøre anderledes?',
    },
    en: {
      ratings: [
        'How much did you get out of the process?',
        'How well did management answer your questions and proposals?',
        'How likely are you to change how you work because of it?',
      ],
      freeText: 'What will you take with you — and what should we do differently?',
    },
  };

const Question = Type.String({ minLength: 1, maxLength: EVALUATION_LABEL_MAX, pattern: '\\S' });

export const OpenEvaluationBody = Type.Object(
  {
    ratings: Type.Array(Question, { minItems: 1, maxItems: EVALUATION_RATINGS_MAX }),
    freeText: Type.Optional(Question),
    anonymous: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type OpenEvaluationBody = Static<typeof OpenEvaluationBody>;

export const Evaluation = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  ratings: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
  freeText: Type.Union([Type.String(), Type.Null()]),
  anonymous: Type.Boolean(),
  /** Whether the caller has answered (participants and leaders). */
  answered: Type.Boolean(),
});
export type Evaluation = Static<typeof Evaluation>;

export const EvaluationResponseBody = Type.Object(
  {
    ratings: Type.Record(Type.String(), Type.Integer({ minimum: RATING_MIN, maximum: RATING_MAX })),
    text: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type EvaluationResponseBody = Static<typeof EvaluationResponseBody>;

export const EvaluationResults = Type.Object({
  evaluation: Evaluation,
  responses: Type.Integer(),
  ratings: Type.Array(
    Type.Object({
      id: Type.String(),
      label: Type.String(),
      /** Answers per value, index 0 = rating 1 … index 4 = rating 5. */
      distribution: Type.Array(Type.Integer()),
      average: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
  /** Free-text answers; with the respondent's name only when the evaluation is not anonymous. */
  texts: Type.Array(Type.Object({ text: Type.String(), name: Type.Union([Type.String(), Type.Null()]) })),
});
export type EvaluationResults = Static<typeof EvaluationResults>;

/** Aggregates responses: distribution and average per rating (pure, so client and server agree). */
export function aggregateRatings(
  ratingIds: readonly string[],
  responses: ReadonlyArray<Record<string, number>>,
): Array<{ id: string; distribution: number[]; average: number | null }> {
  return ratingIds.map((id) => {
    const distribution = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, () => 0);
    let sum = 0;
    let count = 0;
    for (const response of responses) {
      const value = response[id];
      if (typeof value !== 'number' || value < RATING_MIN || value > RATING_MAX) continue;
      distribution[value - RATING_MIN] = (distribution[value - RATING_MIN] ?? 0) + 1;
      sum += value;
      count++;
    }
    return { id, distribution, average: count === 0 ? null : Math.round((sum / count) * 100) / 100 };
  });
}
