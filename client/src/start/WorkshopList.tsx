import type { WorkshopSummary } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../routing/navigation';
import { workshopPath } from '../routing/routes';
import { useDateFormat } from '../ui/useDateFormat';

export function WorkshopList({ workshops }: { workshops: readonly WorkshopSummary[] }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  return (
    <ul className="board-list">
      {workshops.map((workshop) => {
        const path = workshopPath(workshop.id);
        return (
          <li key={workshop.id}>
            <a
              className="board-item"
              href={path}
              data-testid="workshop-link"
              data-workshop-id={workshop.id}
              onClick={(e) => handleLinkClick(e, path)}
            >
              <span className="board-item-thumb" data-kind="plenum" aria-hidden="true">
                <span />
                <span />
                <span />
              </span>
              <span className="board-item-body">
                <span className="board-item-title">{workshop.title}</span>
                <span className="board-item-meta">
                  {workshop.organisation && <span>{workshop.organisation}</span>}
                  <span className="badge">{t('workshops.sessions', { count: workshop.sessionCount })}</span>
                  <time dateTime={workshop.createdAt}>
                    {t('start.createdAt', { date: formatDate(workshop.createdAt) })}
                  </time>
                </span>
              </span>
              <span className="board-item-go" aria-hidden="true">
                →
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
