import type { FollowUpView } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { isNewTo } from './seenMarks';

/**
 * One decision's follow-up as participants see it: status and progress, owner,
 * milestones on a dated line (reached ones filled), and the latest updates;
 * what is newer than the reader's mark (`seen`) carries a "New" tag.
 */
export function FollowUpTimeline({
  followUp,
  seen,
  locale,
}: {
  followUp: FollowUpView;
  seen: number | undefined;
  locale: string;
}) {
  const { t } = useTranslation();
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const log = [...followUp.log].reverse().slice(0, 4);
  return (
    <div className="follow-up" data-testid="follow-up" data-status={followUp.status}>
      <div className="row follow-up-head">
        <span className="follow-up-status" data-status={followUp.status} data-testid="follow-up-status">
          {t(`followUp.status.${followUp.status}`)}
        </span>
        <div
          className="follow-up-progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={followUp.percent}
          aria-label={t('followUp.percent', { percent: followUp.percent })}
        >
          <span style={{ width: `${followUp.percent}%` }} />
        </div>
        <span className="follow-up-percent" data-testid="follow-up-percent">
          {t('followUp.percent', { percent: followUp.percent })}
        </span>
        {followUp.owner && <span className="follow-up-owner">{t('followUp.owner', { owner: followUp.owner })}</span>}
      </div>
      {followUp.milestones.length > 0 && (
        <>
          <h4 className="follow-up-subhead">{t('followUp.milestones')}</h4>
          <ol className="milestone-line" data-testid="milestones">
            {followUp.milestones.map((m) => (
              <li key={m.id} className={m.done ? 'milestone is-done' : 'milestone'} data-testid="milestone">
                <span className="milestone-dot" aria-hidden="true" />
                <span className="milestone-date">{day.format(Date.parse(`${m.date}T12:00:00Z`))}</span>
                <span className="milestone-title">{m.title}</span>
                <span className="sr-only">{m.done ? t('followUp.milestoneDone') : t('followUp.milestoneOpen')}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      <h4 className="follow-up-subhead">{t('followUp.log')}</h4>
      <ul className="follow-up-log">
        {log.map((entry) => (
          <li key={entry.at} data-testid="follow-up-entry">
            {isNewTo(seen, entry.at) && (
              <span className="new-tag" data-testid="new-marker" title={t('followUp.newSince')}>
                {t('followUp.new')}
              </span>
            )}
            <span className="follow-up-when">{when.format(entry.at)}</span>
            <span className="follow-up-text">{entry.text}</span>
            <span className="follow-up-by">— {entry.by}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
