import type { TFunction } from 'i18next';
import { ApiRequestError } from './boardsApi';

/** A sentence a person can act on, for any error the API layer throws. */
export function apiErrorMessage(t: TFunction, error: unknown): string {
  const code = error instanceof ApiRequestError ? error.code : 'UNKNOWN';
  switch (code) {
    case 'NETWORK':
    // A proxy or load balancer answering for a server that is down or restarting.
    case 'HTTP_502':
    case 'HTTP_503':
    case 'HTTP_504':
      return t('errors.NETWORK');
    case 'BOARD_NOT_FOUND':
      return t('errors.BOARD_NOT_FOUND');
    case 'INVALID_REQUEST':
      return t('errors.VALIDATION');
    default:
      return t('errors.unknown', { code });
  }
}
