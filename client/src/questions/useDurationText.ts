import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { durationText } from './duration';

/** A span of milliseconds as words in the UI language ("2 h 5 min" / "2 t. 5 min."). */
export function useDurationText(): (ms: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (ms: number) => {
      const { key, values } = durationText(ms);
      return t(`tools.duration.${key}`, values);
    },
    [t],
  );
}
