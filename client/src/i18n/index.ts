import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { chunkUrlOf, retryUrl } from './chunkRetry';
// Type only: the shape both languages must have. The texts themselves are chunks of their own (see `loadTexts`).
import type { Messages } from './en';
import { isLanguage, LANGUAGE_STORAGE_KEY, LANGUAGES, type Language, pickLanguage } from './language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

/**
 * Each language's texts are a chunk of their own: a page fetches only the language it shows, and the other one
 * when the person switches. Spelled out per language (no `import(\`./${language}\`)`), so the bundler makes exactly
 * these two chunks and nothing else in this folder becomes loadable.
 */
const IMPORT_TEXTS: Record<Language, () => Promise<Messages>> = {
  da: () => import('./da').then((module) => module.da),
  en: () => import('./en').then((module) => module.en),
};

/** A language whose chunk failed to load, and the chunk's URL: the next switch asks for it afresh (chunkRetry.ts). */
const failedChunks = new Map<Language, string>();
let retries = 0;

async function loadTexts(language: string): Promise<Messages> {
  if (!isLanguage(language)) throw new Error(`i18n: no texts for the language "${language}"`);
  const failed = failedChunks.get(language);
  try {
    if (failed === undefined) return await IMPORT_TEXTS[language]();
    retries += 1;
    const module: Partial<Record<Language, Messages>> = await import(/* @vite-ignore */ retryUrl(failed, retries));
    const texts = module[language];
    if (!texts) throw new Error(`i18n: the chunk ${failed} has no texts for "${language}"`);
    failedChunks.delete(language);
    return texts;
  } catch (error) {
    const chunk = chunkUrlOf(error);
    if (failed === undefined && chunk !== undefined) failedChunks.set(language, chunk);
    throw error;
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

function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch (error) {
    // The switch still works for this visit; it just will not be remembered.
    console.warn('Could not store the language choice', error);
  }
}

/** Whether a language's texts are in memory, so switching to it shows them at once. */
export function hasTexts(language: Language): boolean {
  return i18next.hasResourceBundle(language, 'translation');
}

/**
 * Starts i18next with the texts of the person's language, fetched before the first render (no keys shown, no
 * layout jump). Resolves with the language and whether its texts arrived; the caller decides what a failure means.
 */
export async function initI18n(): Promise<{ language: Language; loaded: boolean }> {
  const language = pickLanguage(storedLanguage(), navigator.languages ?? [navigator.language]);
  await i18next
    .use(resourcesToBackend(loadTexts))
    .use(initReactI18next)
    .init({
      lng: language,
      // No fallback language: every key exists in both (the `Messages` type checks it), and a fallback would make
      // i18next fetch the second language on every page.
      fallbackLng: false,
      supportedLngs: LANGUAGES,
      ns: ['translation'],
      defaultNS: 'translation',
      interpolation: { escapeValue: false }, // React escapes already.
      returnNull: false,
      showSupportNotice: false,
    });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (changed) => {
    document.documentElement.lang = changed;
  });
  return { language, loaded: hasTexts(language) };
}

/**
 * Switches the UI to `language`, fetching its texts first if this page has not got them yet; the page keeps
 * showing the current language until they are here. Resolves false (and changes nothing, stores nothing) when
 * they could not be fetched: offline, or a release replaced the chunk since the page was loaded.
 */
export async function setLanguage(language: Language): Promise<boolean> {
  if (!hasTexts(language)) {
    // Fetched here, not by i18next's backend: after one failure the backend never asks for a language again.
    try {
      i18next.addResourceBundle(language, 'translation', await loadTexts(language));
    } catch (error) {
      console.warn(`Could not fetch the texts for "${language}"`, error);
      return false;
    }
  }
  rememberLanguage(language);
  await i18next.changeLanguage(language);
  return true;
}

/** Stores the choice and reloads the tab, which then starts in `language` with the current release's chunks. */
export function reloadInLanguage(language: Language): void {
  rememberLanguage(language);
  window.location.reload();
}
