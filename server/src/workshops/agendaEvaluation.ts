import type { Prompts } from '@samle/shared';
import type { EvaluationRecord } from '../storage/contracts/evaluationTypes.js';

/** The general questions, when the process has none of its own (the same as the facilitator's form offers). */
const GENERAL = {
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
} as const;

/** As many rating questions as an evaluation may have (shared's OpenEvaluationBody). */
const MAX_RATINGS = 10;
const MAX_LABEL = 200;

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
  const general = GENERAL[workshop.language];
  const own = (workshop.prompts?.evaluation ?? [])
    .map((question) => question.trim().slice(0, MAX_LABEL))
    .filter((question) => question.length > 0)
    .slice(0, MAX_RATINGS);
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
