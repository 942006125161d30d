import { QUESTION_TEXT_MAX, type Role } from '@samle/shared';

/** What is wrong with a text the server would refuse (empty, or over `max`), or null when it is fine. */
export type TextProblem = 'required' | 'tooLong' | null;

export function textProblem(text: string, max: number): TextProblem {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 'required';
  if (trimmed.length > max) return 'tooLong';
  return null;
}

export const questionTextProblem = (text: string): TextProblem => textProblem(text, QUESTION_TEXT_MAX);

/** The server's hide reason limit (HideQuestionBody). */
export const HIDE_REASON_MAX = 500;

/**
 * What the caller may do on the questions page. Mirrors the server's rules
 * (docs/api.md): participants and leaders post and support, leaders and
 * facilitators answer and take posts into the idea catalog (they are also the
 * ones who can read the catalog doc), facilitators hide. Only used to hide what
 * would be refused.
 */
export interface QuestionAbilities {
  post: boolean;
  support: boolean;
  answer: boolean;
  hide: boolean;
  catalog: boolean;
}

export function questionAbilities(role: Role, personId: string | null): QuestionAbilities {
  const member = personId !== null && (role === 'participant' || role === 'leader');
  return {
    post: member,
    support: member,
    answer: role === 'leader' || role === 'facilitator',
    hide: role === 'facilitator',
    catalog: role === 'leader' || role === 'facilitator',
  };
}
