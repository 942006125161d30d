import { type Static, Type } from '@sinclair/typebox';

/**
 * Evaluating the process: the facilitator opens an evaluation (a few 1–5 ratings
 * and a free-text question, anonymous by default); participants and leaders answer
 * once each (answering again replaces their answer); the facilitator sees the
 * aggregate and exports it as CSV.
 */

export const RATING_MIN = 1;
export const RATING_MAX = 5;

export const OpenEvaluationBody = Type.Object(
  {
    ratings: Type.Array(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }), { minItems: 1, maxItems: 10 }),
    freeText: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
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
