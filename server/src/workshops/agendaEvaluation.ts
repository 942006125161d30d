import { EVALUATION_LABEL_MAX, EVALUATION_RATINGS_MAX, GENERAL_EVALUATION, type Prompts } from '@samle/shared';
import type { EvaluationRecord } from '../storage/contracts/evaluationTypes.js';

/**
 * The evaluation that starting an "evaluation" agenda item opens for everyone:
 * the process's own questions from the plan (or the general ones), a free-text
 * question in the workshop's language, anonymous. The facilitator can still
 * close it and open another with other questions.
 */
export function agendaEvaluation(
  workshop: { id: string; language: 'da' | 'en'; prompts: Prompts | null },
  id: string,
  now: number,
): EvaluationRecord {
  const general = GENERAL_EVALUATION[workshop.language];
  const own = (workshop.prompts?.evaluation ?? [])
    .map((question) => question.trim().slice(0, EVALUATION_LABEL_MAX))
    .filter((question) => question.length > 0)
    .slice(0, EVALUATION_RATINGS_MAX);
  const ratings = own.length > 0 ? own : [...general.ratings];
  return {
    id,
    workshopId: workshop.id,
    status: 'open',
    ratings: ratings.map((label, index) => ({ id: `r${index + 1}`, label })),
    freeText: general.freeText,
    anonymous: true,
    openedAt: now,
    closedAt: null,
  };
}
