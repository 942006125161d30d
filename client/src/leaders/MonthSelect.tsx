import { useTranslation } from 'react-i18next';
import { formatMonth, monthChoices } from './months';
import { useLocale } from './useLocale';

/**
 * A month as one select ("marts 2027"), named in the UI language — the browser's
 * own month picker speaks the browser's language and shows dashes when empty.
 */
export function MonthSelect({
  id,
  value,
  testId,
  onChange,
}: {
  id: string;
  value: string | null;
  testId: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <select
      id={id}
      className="text-input month-select"
      value={value ?? ''}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{t('leaders.noMonth')}</option>
      {monthChoices(value, new Date()).map((month) => (
        <option key={month} value={month}>
          {formatMonth(month, locale)}
        </option>
      ))}
    </select>
  );
}
