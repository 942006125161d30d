import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Formats ISO dates in the current UI language (e.g. "3. mar. 2026 14.05" / "Mar 3, 2026, 2:05 PM"). */
export function useDateFormat(): (iso: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    };
  }, [i18n.language]);
}
