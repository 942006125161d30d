import type { TFunction } from 'i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { ApiRequestError } from '../api/http';

/** The history endpoints' own refusals (docs/api.md), each with a sentence; anything else as the API layer says. */
const HISTORY_CODES = [
  'SNAPSHOT_NOT_FOUND',
  'NOTE_ON_BOARD',
  'NOTE_NOT_IN_SNAPSHOT',
  'BOARD_ARCHIVED',
  'HISTORY_UNAVAILABLE',
] as const;
type HistoryCode = (typeof HISTORY_CODES)[number];

export function historyErrorCode(error: unknown): HistoryCode | null {
  const code = error instanceof ApiRequestError ? error.code : null;
  return code && (HISTORY_CODES as readonly string[]).includes(code) ? (code as HistoryCode) : null;
}

export function historyErrorText(t: TFunction, error: unknown): string {
  const code = historyErrorCode(error);
  return code ? t(`versions.errors.${code}`) : apiErrorMessage(t, error);
}
