import type { TFunction } from 'i18next';
import { apiErrorMessage } from './errorMessage';
import { ApiRequestError } from './http';

/** Error codes of the questions, evaluation and sharing endpoints that have their own sentence (docs/api.md). */
export const TOOL_ERROR_CODES = [
  'EVALUATION_OPEN',
  'EVALUATION_CLOSED',
  'RATINGS_INCOMPLETE',
  'QUESTION_NOT_FOUND',
  'LEADERS_ONLY',
  'FACILITATOR_ONLY',
  'CANNOT_POST',
  'CANNOT_SUPPORT',
  'READ_ONLY',
  'IDEA_NOT_FOUND',
] as const;
export type ToolErrorCode = (typeof TOOL_ERROR_CODES)[number];

/** The tool-specific code of an error, or null when the general sentences apply. */
export function toolErrorCode(error: unknown): ToolErrorCode | null {
  if (!(error instanceof ApiRequestError)) return null;
  return (TOOL_ERROR_CODES as readonly string[]).includes(error.code) ? (error.code as ToolErrorCode) : null;
}

/** A sentence a person can act on, for any error of the workshop's tools. */
export function toolErrorMessage(t: TFunction, error: unknown): string {
  const code = toolErrorCode(error);
  return code ? t(`tools.errors.${code}`) : apiErrorMessage(t, error);
}
