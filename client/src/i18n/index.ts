import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './da';
import { en, type Messages } from './en';
import { LANGUAGE_STORAGE_KEY, type Language, pickLanguage } from './language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage can be disabled (private mode, policies): the browser language decides then.
    return null;
  }
}

export function initI18n(): typeof i18next {
  const lng = pickLanguage(storedLanguage(), navigator.languages ?? [navigator.language]);
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: { da: { translation: da }, en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes already.
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18next;
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch (error) {
    // The switch still works for this visit; it just will not be remembered.
    console.warn('Could not store the language choice', error);
  }
  void i18next.changeLanguage(language);
}
