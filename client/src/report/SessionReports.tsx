import type { WorkshopDetail } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../api/http';
import { handleLinkClick } from '../routing/navigation';
import { sessionReportPath } from '../routing/routes';
import { CalendarFeedPanel } from './CalendarFeedPanel';

/** On the cockpit (and a leader's home): a report per ended session, and the workshop's calendar (file and feed). */
export function SessionReports({ detail, credential }: { detail: WorkshopDetail; credential: Credential }) {
  const { t } = useTranslation();
  const ended = detail.sessions.filter((s) => s.status === 'ended');
  const workshopId = detail.workshop.id;
  return (
    <nav
      className="panel tool-links session-reports"
      aria-labelledby={`reports-${workshopId}`}
      data-testid="session-reports"
    >
      <div className="panel-head">
        <h2 id={`reports-${workshopId}`} className="panel-title">
          {t('report.listTitle')}
        </h2>
      </div>
      {ended.length === 0 && <p className="muted">{t('report.noneYet')}</p>}
      <ul>
        {ended.map((session) => {
          const path = sessionReportPath(workshopId, session.id);
          return (
            <li key={session.id}>
              <a
                className="tool-link"
                href={path}
                data-testid="session-report-link"
                onClick={(e) => handleLinkClick(e, path)}
              >
                <span className="tool-link-title">
                  {t('report.open')}: {session.title}
                </span>
                <span className="tool-link-hint">{t('report.listHint')}</span>
                <span className="board-item-go" aria-hidden="true">
                  →
                </span>
              </a>
            </li>
          );
        })}
      </ul>
      <CalendarFeedPanel workshopId={workshopId} credential={credential} facilitator={detail.role === 'facilitator'} />
    </nav>
  );
}
