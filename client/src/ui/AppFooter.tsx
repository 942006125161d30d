import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../routing/navigation';
import { ACCESSIBILITY_PATH } from '../routing/routes';

/** The foot of the start, join and participant pages: where the accessibility statement is found. */
export function AppFooter() {
  const { t } = useTranslation();
  return (
    <footer className="app-footer">
      <a
        href={ACCESSIBILITY_PATH}
        data-testid="accessibility-link"
        onClick={(event) => handleLinkClick(event, ACCESSIBILITY_PATH)}
      >
        {t('a11y.link')}
      </a>
    </footer>
  );
}
