import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasTexts, reloadInLanguage, setLanguage } from '../i18n';
import { isLanguage, LANGUAGES, type Language } from '../i18n/language';

type Fetching = { state: 'idle' } | { state: 'loading' | 'failed'; language: Language };

/**
 * DA | EN segmented switch; the choice is remembered in localStorage. A page holds only its own language's texts:
 * the first switch fetches the other's (a status says so while it takes), and if they cannot be fetched the page
 * stays in its language and says why, with a reload that starts the page in the chosen one.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : 'en';
  const [fetching, setFetching] = useState<Fetching>({ state: 'idle' });

  async function choose(language: Language) {
    if (language === current) {
      setFetching({ state: 'idle' });
      return;
    }
    if (!hasTexts(language)) setFetching({ state: 'loading', language });
    const switched = await setLanguage(language);
    setFetching(switched ? { state: 'idle' } : { state: 'failed', language });
  }

  return (
    <div className="language-switch">
      <fieldset className="segmented" aria-label={t('app.language')} aria-busy={fetching.state === 'loading'}>
        {LANGUAGES.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            className="segmented-option"
            aria-pressed={current === language}
            data-loading={fetching.state === 'loading' && fetching.language === language ? 'true' : undefined}
            title={t(`languages.${language}`)}
            onClick={() => void choose(language)}
            data-testid={`language-${language}`}
          >
            {/* The name starts with what is seen (WCAG 2.5.3, label in name), then says the language in full. */}
            {language.toUpperCase()}
            <span className="sr-only"> {t(`languages.${language}`)}</span>
          </button>
        ))}
      </fieldset>
      <div className="language-switch-note" role="status" data-testid="language-status">
        {fetching.state === 'loading' && (
          <span className="language-switch-loading">{t(`app.languageLoading.${fetching.language}`)}</span>
        )}
      </div>
      {fetching.state === 'failed' && (
        <div className="language-switch-note notice notice-error" role="alert" data-testid="language-failed">
          <span>{t(`app.languageFailed.${fetching.language}`)}</span>
          <button type="button" className="button button-small" onClick={() => reloadInLanguage(fetching.language)}>
            {t(`app.languageReload.${fetching.language}`)}
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() => setFetching({ state: 'idle' })}
          >
            {t('app.languageDismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
