import type { PulseResultsReport } from '@samle/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../api/http';
import { pulseResults } from './followUpApi';
import '../report/report.css';
import './followup.css';

/** In the leader panel: each impact pulse's averages per decision, and the comments (names only if not anonymous). */
export function PulseResultsPanel({
  workshopId,
  credential,
  titles,
}: {
  workshopId: string;
  credential: Credential;
  titles: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'da' ? 'da-DK' : 'en-GB';
  const [report, setReport] = useState<PulseResultsReport>();
  useEffect(() => {
    let on = true;
    pulseResults(workshopId, credential).then(
      (value) => on && setReport(value),
      (error: unknown) => console.warn('Could not load the pulse results', error),
    );
    return () => {
      on = false;
    };
  }, [workshopId, credential]);
  const answered = (report?.pulses ?? []).filter((p) => p.respondents > 0);
  if (!report || report.pulses.length === 0) return null;
  const number = (value: number | null) =>
    value === null ? '–' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  const day = (date: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${date}T12:00:00Z`));
  return (
    <section
      className="panel pulse-results-panel no-print"
      data-testid="pulse-results-panel"
      aria-labelledby="pulse-results-title"
    >
      <h2 id="pulse-results-title" className="panel-title">
        {t('pulse.resultsTitle')}
      </h2>
      {answered.length === 0 && <p className="muted">{t('pulse.resultsEmpty')}</p>}
      {answered.map((pulse) => (
        <div key={pulse.id} className="pulse-results-block">
          <p className="eyebrow">
            {day(pulse.opensOn)} – {day(pulse.closesOn)} · {t('pulse.answers', { count: pulse.respondents })}
          </p>
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('pulse.decision')}</th>
                <th scope="col">{t('pulse.happened')}</th>
                <th scope="col">{t('pulse.helped')}</th>
              </tr>
            </thead>
            <tbody>
              {pulse.ideaIds.map((ideaId) => (
                <tr key={ideaId}>
                  <td>{titles.get(ideaId) ?? ideaId}</td>
                  <td className="report-number">{number(pulse.results[ideaId]?.happened ?? null)}</td>
                  <td className="report-number">{number(pulse.results[ideaId]?.helped ?? null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className="follow-up-subhead">{t('pulse.comments')}</h3>
          {pulse.comments.length === 0 ? (
            <p className="muted">{t('pulse.noComments')}</p>
          ) : (
            <ul className="follow-up-log">
              {pulse.comments.map((c) => (
                <li key={`${c.ideaId}-${c.text}`}>
                  <strong>{titles.get(c.ideaId)}:</strong> {c.text}
                  {c.name && <span className="follow-up-by">— {c.name}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
