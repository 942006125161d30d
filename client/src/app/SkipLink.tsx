import { useTranslation } from 'react-i18next';

/**
 * The first thing Tab reaches on every page: past the header to the page's
 * `<main id="main">` (WCAG 2.4.1). Following the fragment moves the browser's
 * focus start there, so the next Tab is inside the content.
 */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main" data-testid="skip-link">
      {t('app.skipToContent')}
    </a>
  );
}
