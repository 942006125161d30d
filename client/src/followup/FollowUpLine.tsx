import type { FollowUpView, PulseView } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import './followup.css';

/**
 * One decision's after-life in a line, for the leader panel's list of ideas: status and
 * progress, the next milestone, and the latest answered pulse's averages. Spans only (it
 * sits inside the idea's button).
 */
export function FollowUpLine({
  ideaId,
  followUp,
  pulses,
  locale,
}: {
  ideaId: string;
  followUp: FollowUpView | undefined;
  pulses: readonly PulseView[];
  locale: string;
}) {
  const { t } = useTranslation();
  const answered = pulses.filter((p) => (p.results[ideaId]?.answers ?? 0) > 0);
  const latest = answered[answered.length - 1]?.results[ideaId];
  if (!followUp && !latest) return null;
  const next = followUp?.milestones.find((m) => !m.done);
  const day = (date: string) =>
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      Date.parse(`${date}T12:00:00Z`),
    );
  const number = (value: number | null) =>
    value === null ? '–' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  return (
    <span className="follow-up-line" data-testid="leader-follow-up" data-idea-id={ideaId}>
      {followUp && (
        <span className="follow-up-line-status" data-status={followUp.status}>
          {t(`followUp.status.${followUp.status}`)} · {t('followUp.percentShort', { percent: followUp.percent })}
        </span>
      )}
      {next && <span>{t('followUp.next', { title: next.title, date: day(next.date) })}</span>}
      {latest && (
        <span data-testid="leader-pulse">
          {`${t('pulse.happened')} ${number(latest.happened)} · ${t('pulse.helped')} ${number(latest.helped)} (${t('pulse.answers', { count: latest.answers })})`}
        </span>
      )}
    </span>
  );
}
