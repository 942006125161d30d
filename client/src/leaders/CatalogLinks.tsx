import type { Role } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../routing/navigation';
import { leaderPanelPath, publishedCatalogPath } from '../routing/routes';

/**
 * Links from the workshop page to the leader panel (leaders, facilitators) and
 * to the published decisions (everyone).
 */
export function CatalogLinks({ workshopId, role }: { workshopId: string; role: Role }) {
  const { t } = useTranslation();
  const links = [
    ...(role === 'leader' || role === 'facilitator'
      ? [
          {
            path: leaderPanelPath(workshopId),
            label: t('leaders.panelLink'),
            hint: t('leaders.panelHint'),
            id: 'leader-panel-link',
          },
        ]
      : []),
    {
      path: publishedCatalogPath(workshopId),
      label: t('leaders.publishedLink'),
      hint: t('leaders.publishedHint'),
      id: 'published-catalog-link',
    },
  ];
  return (
    <nav className="panel tool-links" aria-labelledby={`catalog-links-${workshopId}`}>
      <div className="panel-head">
        <h2 id={`catalog-links-${workshopId}`} className="panel-title">
          {t('leaders.navTitle')}
        </h2>
      </div>
      <ul>
        {links.map((link) => (
          <li key={link.id}>
            <a
              className="tool-link"
              href={link.path}
              data-testid={link.id}
              onClick={(e) => handleLinkClick(e, link.path)}
            >
              <span className="tool-link-title">{link.label}</span>
              <span className="tool-link-hint">{link.hint}</span>
              <span className="board-item-go" aria-hidden="true">
                →
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
