import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { refusalMessage } from './refusals';

/** Turns a refused command's code into a sentence in the current language. */
export function useRefusalText(): (code: string) => string {
  const { t } = useTranslation();
  return (code) =>
    refusalMessage(code, {
      facilitation: (known) => t(`facilitation.errors.${known}`),
      general: (error) => apiErrorMessage(t, error),
    });
}
