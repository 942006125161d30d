import i18next, { type i18n } from 'i18next';
import { da } from './da';
import { en } from './en';

/**
 * For tests that render a component in both languages: an i18next instance of its own holding the Danish and
 * English texts at once (the app loads one language at a time), Danish first.
 */
export function bothLanguages(): i18n {
  const languages = i18next.createInstance();
  void languages.init({
    resources: { da: { translation: da }, en: { translation: en } },
    lng: 'da',
    initAsync: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return languages;
}
