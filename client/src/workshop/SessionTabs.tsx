import type { Session } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { useDayFormat } from '../ui/useDateFormat';

/** The workshop's sessions as a row of tabs: title, kind, date and status. */
export function SessionTabs(props: {
  sessions: readonly Session[];
  selectedId: string | undefined;
  onSelect: (sessionId: string) => void;
}) {
  const { sessions, selectedId, onSelect } = props;
  const { t } = useTranslation();
  const formatDay = useDayFormat();
  return (
    <nav className="session-tabs" aria-label={t('workshop.sessions')}>
      {sessions.map((session) => (
        <button
          key={session.id}
          type="button"
          className="session-tab"
          data-testid="session-tab"
          data-session-id={session.id}
          data-status={session.status}
          aria-pressed={session.id === selectedId}
          onClick={() => onSelect(session.id)}
        >
          <span className="session-tab-title">{session.title}</span>
          <span className="session-tab-meta">
            <span>{t(`sessionKinds.${session.kind}`)}</span>
            <span>{session.date ? formatDay(session.date) : t('workshop.noDate')}</span>
          </span>
          <span className="status-pill" data-status={session.status}>
            {t(`sessionStatus.${session.status}`)}
          </span>
        </button>
      ))}
    </nav>
  );
}
