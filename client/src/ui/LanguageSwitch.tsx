import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { isLanguage, LANGUAGES } from '../i18n/language';

/** DA | EN segmented switch; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <fieldset className="segmented" aria-label={t('app.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="segmented-option"
          aria-pressed={current === language}
          title={t(`languages.${language}`)}
          onClick={() => setLanguage(language)}
          data-testid={`language-${language}`}
        >
          {/* The name starts with what is seen (WCAG 2.5.3, label in name), then says the language in full. */}
          {language.toUpperCase()}
          <span className="sr-only"> {t(`languages.${language}`)}</span>
        </button>
      ))}
    </fieldset>
  );
}
