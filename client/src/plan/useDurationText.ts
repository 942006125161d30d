import { useTranslation } from 'react-i18next';

/** "2 t. 15 min." / "2 h 15 min" for a number of minutes. */
export function useDurationText(): (minutes: number) => string {
  const { t } = useTranslation();
  return (minutes: number) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours === 0) return t('cockpit.minutes', { count: rest });
    return t('plan.duration', { hours, minutes: rest });
  };
}
