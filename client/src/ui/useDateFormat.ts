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

/** Formats a calendar day (`2026-03-03`) without a time, e.g. "tirs. 3. mar. 2026" / "Tue, Mar 3, 2026". */
export function useDayFormat(): (isoDay: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return (isoDay: string) => {
      const date = new Date(`${isoDay}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? isoDay : format.format(date);
    };
  }, [i18n.language]);
}

/** Formats a time of day, e.g. "14.05" / "2:05 PM". */
export function useTimeFormat(): (at: number | string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
    return (at: number | string) => {
      const date = new Date(at);
      return Number.isNaN(date.getTime()) ? String(at) : format.format(date);
    };
  }, [i18n.language]);
}
