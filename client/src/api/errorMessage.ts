import type { TFunction } from 'i18next';
import { ApiRequestError } from './http';

/** The API's stable error codes that have their own sentence (docs/api.md). */
export const TRANSLATED_CODES = [
  'BOARD_NOT_FOUND',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'COMMAND_BUSY',
  'DATABASE_UNAVAILABLE',
  'JOIN_CODE_UNKNOWN',
  'NOT_SIGNED_IN',
  'FORBIDDEN',
  'CSRF_HEADER_MISSING',
  'SESSION_ENDED',
  'INVITE_INVALID',
  'INVITE_REVOKED',
  'INVITE_USED',
  'ACCESS_REVOKED',
  'NAME_INVALID',
  'LEADERSHIP_HAS_NO_CODE',
  'MERGE_REFUSED',
] as const;
type TranslatedCode = (typeof TRANSLATED_CODES)[number];

const isTranslated = (code: string): code is TranslatedCode => (TRANSLATED_CODES as readonly string[]).includes(code);

/** The i18n key and values for an error; separate from `t` so the mapping is unit-tested. */
export function apiErrorKey(error: unknown): { key: `errors.${string}`; code?: string } {
  const code = error instanceof ApiRequestError ? error.code : 'UNKNOWN';
  switch (code) {
    case 'NETWORK':
    // A proxy or load balancer answering for a server that is down or restarting.
    case 'HTTP_502':
    case 'HTTP_503':
    case 'HTTP_504':
      return { key: 'errors.NETWORK' };
    case 'INVALID_REQUEST':
      return { key: 'errors.VALIDATION' };
    case 'HTTP_429':
      return { key: 'errors.TOO_MANY_ATTEMPTS' };
  }
  if (isTranslated(code)) return { key: `errors.${code}` };
  return { key: 'errors.unknown', code };
}

/** A sentence a person can act on, for any error the API layer throws. */
export function apiErrorMessage(t: TFunction, error: unknown): string {
  const { key, code } = apiErrorKey(error);
  // The key is one of `errors.*`, checked against both languages by errorMessage.test.ts.
  return t(key as 'errors.unknown', { code });
}
