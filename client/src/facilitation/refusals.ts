import { ApiRequestError } from '../api/http';

/** Facilitation codes from docs/api.md that have their own sentence under `facilitation.errors`. */
export const FACILITATION_CODES = [
  'BUDGET_EXHAUSTED',
  'NOTE_LIMIT',
  'NOTHING_TO_TAKE_BACK',
  'NO_OPEN_VOTE',
  'NOTE_NOT_FOUND',
  'READ_ONLY',
  'CANNOT_VOTE',
  'FACILITATOR_ONLY',
  'TIMER_STATE',
  'VOTE_ALREADY_OPEN',
  'BOARD_ARCHIVED',
  'PRIVATE_WRITING_STATE',
] as const;
export type FacilitationCode = (typeof FACILITATION_CODES)[number];

export function isFacilitationCode(code: string): code is FacilitationCode {
  return (FACILITATION_CODES as readonly string[]).includes(code);
}

/**
 * What to say about a refused timer, vote or cast: a facilitation sentence when
 * the code has one, else the general API error (network, sign-in…).
 */
export function refusalMessage(
  code: string,
  say: {
    facilitation: (code: FacilitationCode) => string;
    general: (error: ApiRequestError) => string;
  },
): string {
  return isFacilitationCode(code) ? say.facilitation(code) : say.general(new ApiRequestError(code, code, undefined));
}
