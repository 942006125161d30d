import { workshopToday } from '@samle/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import type { Credential } from '../api/http';
import { schedulePulses } from './followUpApi';

const OFFSETS = [0, 3, 6] as const;

/** `2027-03-15` plus whole months (the day clamped to the month's end). */
function addMonths(date: string, months: number): string {
  const [y = 2000, m = 1, d = 1] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** The facilitator schedules pulses for published decisions: today, +3 or +6 months. */
export function PulseScheduler({
  workshopId,
  decisions,
  credential,
}: {
  workshopId: string;
  decisions: ReadonlyArray<{ id: string; title: string }>;
  credential: Credential;
}) {
  const { t, i18n } = useTranslation();
  const today = workshopToday(Date.now());
  const locale = i18n.language === 'da' ? 'da-DK' : 'en-GB';
  const day = (date: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${date}T12:00:00Z`));
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(decisions.map((d) => d.id)));
  const [offsets, setOffsets] = useState<ReadonlySet<number>>(new Set([3, 6]));
  const [message, setMessage] = useState<{ error: boolean; text: string }>();

  const toggle = <T,>(set: ReadonlySet<T>, value: T): Set<T> => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const dates = [...offsets].sort((a, b) => a - b).map((months) => addMonths(today, months));
    if (chosen.size === 0 || dates.length === 0) {
      setMessage({ error: true, text: t('pulse.pickOne') });
      return;
    }
    try {
      await schedulePulses(workshopId, { ideaIds: [...chosen], dates }, credential);
      setMessage({ error: false, text: t('pulse.scheduled', { dates: dates.map(day).join(', ') }) });
    } catch (caught) {
      setMessage({ error: true, text: t('pulse.scheduleError', { reason: apiErrorMessage(t, caught) }) });
    }
  }

  return (
    <form className="panel pulse-scheduler no-print" onSubmit={submit} data-testid="pulse-scheduler">
      <h3 className="panel-title">{t('pulse.scheduleTitle')}</h3>
      <p className="muted">{t('pulse.scheduleIntro')}</p>
      <fieldset className="pulse-options">
        <legend className="field-label">{t('pulse.scheduleDecisions')}</legend>
        {decisions.map((d) => (
          <label key={d.id} className="check-row">
            <input type="checkbox" checked={chosen.has(d.id)} onChange={() => setChosen(toggle(chosen, d.id))} />
            {d.title}
          </label>
        ))}
      </fieldset>
      <fieldset className="pulse-options">
        <legend className="field-label">{t('pulse.scheduleWhen')}</legend>
        {OFFSETS.map((months) => (
          <label key={months} className="check-row">
            <input
              type="checkbox"
              checked={offsets.has(months)}
              onChange={() => setOffsets(toggle(offsets, months))}
              data-testid={`pulse-offset-${months}`}
            />
            {months === 0 ? t('pulse.today') : t('pulse.inMonths', { count: months })}
            <span className="muted"> · {day(months === 0 ? today : addMonths(today, months))}</span>
          </label>
        ))}
      </fieldset>
      {message && (
        <p className={message.error ? 'notice notice-error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <button type="submit" className="button button-primary" data-testid="pulse-schedule">
        {t('pulse.schedule')}
      </button>
    </form>
  );
}
