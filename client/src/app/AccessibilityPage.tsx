import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../shell/AppHeader';

/** Deviations from WCAG 2.1 AA known at the assessment, each with the date it is to be fixed by (docs/accessibility.md). */
const DEVIATIONS = ['canvas', 'bigScreen', 'preview', 'exports', 'screenReaders'] as const;

/**
 * `/tilgaengelighed`: the accessibility statement in the form Danish public
 * bodies publish — conformance status, known deviations with dates, feedback
 * and enforcement, and how and when it was assessed.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('a11y.title')} · ${t('app.name')}`;
    return () => {
      document.title = t('app.name');
    };
  }, [t]);
  return (
    <div className="page">
      <AppHeader />
      <main id="main" className="statement">
        <h1>{t('a11y.title')}</h1>
        <p className="statement-lead">{t('a11y.intro')}</p>
        <section aria-labelledby="a11y-status">
          <h2 id="a11y-status">{t('a11y.statusHeading')}</h2>
          <p>{t('a11y.status')}</p>
        </section>
        <section aria-labelledby="a11y-deviations">
          <h2 id="a11y-deviations">{t('a11y.deviationsHeading')}</h2>
          <ul className="statement-list" data-testid="accessibility-deviations">
            {DEVIATIONS.map((key) => (
              <li key={key}>
                {t(`a11y.deviations.${key}`)} <span className="muted">{t(`a11y.deviationDates.${key}`)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="a11y-feedback">
          <h2 id="a11y-feedback">{t('a11y.feedbackHeading')}</h2>
          <p>{t('a11y.feedback')}</p>
          <p>{t('a11y.enforcement')}</p>
        </section>
        <section aria-labelledby="a11y-method">
          <h2 id="a11y-method">{t('a11y.methodHeading')}</h2>
          <p>{t('a11y.assessed')}</p>
          <p>{t('a11y.method')}</p>
        </section>
      </main>
    </div>
  );
}
