/** Which UI language to use: a stored choice wins, then the browser's languages, then English. */
export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'samle.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function pickLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
    // Norwegian and Swedish readers follow Danish far more easily than English.
    if (base === 'nb' || base === 'nn' || base === 'no' || base === 'sv') return 'da';
  }
  return 'en';
}
