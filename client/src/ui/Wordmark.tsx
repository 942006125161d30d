import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../routing/navigation';

/** The Samle mark: three threads gathered into one knot. */
export function Wordmark() {
  const { t } = useTranslation();
  return (
    <a className="wordmark" href="/" onClick={(event) => handleLinkClick(event, '/')} aria-label={t('app.homeLink')}>
      <svg className="wordmark-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="9" fill="var(--brand)" />
        <path
          d="M7 9c5 0 6 7 9 7M7 16h9M7 23c5 0 6-7 9-7"
          stroke="#fff"
          strokeWidth="2.2"
          strokeLinecap="round"
          fill="none"
        />
        <circle cx="21" cy="16" r="4.2" fill="var(--brand-accent)" />
      </svg>
      <span className="wordmark-text">{t('app.name')}</span>
    </a>
  );
}
