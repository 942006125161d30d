import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { ApiRequestError } from '../api/http';

const OWN_CODES = ['LEADERS_ONLY', 'FACILITATOR_ONLY', 'IDEA_NOT_FOUND', 'TIMELINE_BACKWARDS'] as const;

/** A sentence for a failed leader command: the panel's own codes first, then the app's. */
export function useLeaderErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const code = error instanceof ApiRequestError ? error.code : '';
      const own = OWN_CODES.find((c) => c === code);
      return own ? t(`leaders.errors.${own}`) : apiErrorMessage(t, error);
    },
    [t],
  );
}
