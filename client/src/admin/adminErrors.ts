import type { TFunction } from 'i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { ApiRequestError } from '../api/http';

const ADMIN_CODES = [
  'WRONG_PASSWORD',
  'COLLEAGUE_NOT_FOUND',
  'CONFIRM_TITLE_MISMATCH',
  'RETENTION_IN_PAST',
  'LINK_INVALID',
] as const;

/** An administration error in the reader's language: its own sentences first, then the app's. */
export function adminErrorMessage(t: TFunction, error: unknown): string {
  const code = error instanceof ApiRequestError ? error.code : '';
  const own = ADMIN_CODES.find((known) => known === code);
  return own ? t(`admin.errors.${own}`) : apiErrorMessage(t, error);
}
