import type { Session } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { setCurrentItem } from '../api/workshopApi';
import { Icon } from '../ui/Icon';
import { useTimeFormat } from '../ui/useDateFormat';
import { useNow } from '../ui/useNow';
import type { Commands } from '../workshopData/useCommands';
import { agendaClock, formatClock, nextItemId, plannedStarts } from './agendaClock';

/** The session's agenda: the running item highlighted with its time left, and the buttons that move it on. */
export function AgendaPanel(props: {
  session: Session;
  /** The facilitator's commands; without them the agenda is only shown. */
  commands?: Commands;
  /** Only the running item and the next one (for participants on a phone). */
  compact?: boolean;
}) {
  const { session, commands, compact = false } = props;
  const { t } = useTranslation();
  const now = useNow(session.currentItemId !== null);
  const formatTime = useTimeFormat();
  const clock = agendaClock(session, now);
  const starts = plannedStarts(session);
  const next = nextItemId(session);
  const setItem = (itemId: string | null) => commands?.run('current-item', () => setCurrentItem(session.id, itemId));
  const busy = commands?.busy !== undefined;
  const shown = compact
    ? session.agenda.filter((item) => item.id === session.currentItemId || item.id === next)
    : session.agenda;

  return (
    <section className="panel agenda" aria-labelledby={`agenda-${session.id}`}>
      <div className="panel-head">
        <h2 id={`agenda-${session.id}`} className="panel-title">
          {t('cockpit.agenda')}
        </h2>
        {clock && <TimeLeft remainingMs={clock.remainingMs} overrun={clock.overrun} />}
      </div>
      {session.agenda.length === 0 && <p className="muted">{t('cockpit.noAgenda')}</p>}
      {session.agenda.length > 0 && !clock && <p className="muted agenda-hint">{t('cockpit.noCurrent')}</p>}
      <ol className="agenda-list">
        {shown.map((item) => {
          const current = item.id === session.currentItemId;
          const start = starts.get(item.id);
          return (
            <li
              key={item.id}
              className="agenda-item"
              data-current={current || undefined}
              data-testid={current ? 'current-item' : 'agenda-item'}
              data-item-id={item.id}
              aria-current={current ? 'step' : undefined}
            >
              <span className="agenda-item-body">
                <span className="agenda-item-title">{item.title}</span>
                <span className="agenda-item-meta">
                  <span className="badge">{t(`agendaKinds.${item.kind}`)}</span>
                  <span>{t('cockpit.minutes', { count: item.minutes })}</span>
                  {start !== undefined && !current && (
                    <span>{t('cockpit.plannedAt', { time: formatTime(start) })}</span>
                  )}
                </span>
              </span>
              {commands && !current && (
                <button
                  type="button"
                  className="button button-small"
                  data-testid="start-item"
                  disabled={busy}
                  onClick={() => setItem(item.id)}
                  aria-label={`${t('cockpit.startItem')}: ${item.title}`}
                >
                  {t('cockpit.startItem')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {commands && session.agenda.length > 0 && (
        <div className="panel-actions">
          <button
            type="button"
            className="button button-primary"
            data-testid="next-item"
            disabled={busy || next === null}
            onClick={() => setItem(next)}
          >
            {t('cockpit.nextItem')}
            <Icon name="forward" />
          </button>
          {session.currentItemId !== null && (
            <button
              type="button"
              className="button"
              data-testid="stop-clock"
              disabled={busy}
              onClick={() => setItem(null)}
            >
              {t('cockpit.stopClock')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

export function TimeLeft({ remainingMs, overrun }: { remainingMs: number; overrun: boolean }) {
  const { t } = useTranslation();
  const time = formatClock(remainingMs);
  return (
    <output className="time-left" data-testid="time-left" data-overrun={overrun || undefined}>
      {overrun ? t('cockpit.overrun', { time }) : t('cockpit.timeLeft', { time })}
    </output>
  );
}
