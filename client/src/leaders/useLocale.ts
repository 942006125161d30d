import { useTranslation } from 'react-i18next';

/** The Intl locale for the UI language (month names, dates). */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return i18n.language === 'da' ? 'da-DK' : 'en-GB';
}
