import type { SessionReport } from '@samle/shared';
import { useTranslation } from 'react-i18next';

const ZONE = 'Europe/Copenhagen';

/** The report as a printable document; the same facts and order as the DOCX. */
export function ReportBody({ report }: { report: SessionReport }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'da' ? 'da-DK' : 'en-GB';
  const clock = (at: number) =>
    new Intl.DateTimeFormat(locale, { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(at);
  const day = (date: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(Date.parse(`${date}T12:00:00Z`));
  const decimal = (value: number | null) =>
    value === null
      ? '–'
      : new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
  const s = report.session;
  const a = report.attendance;
  return (
    <article className="report-document">
      <header className="report-head">
        <p className="eyebrow">{[report.workshopTitle, report.organisation].filter(Boolean).join(' · ')}</p>
        <h1 className="report-title">
          {t('report.title')}: {s.title}
        </h1>
        <dl className="report-facts">
          <div>
            <dt>{t('report.date')}</dt>
            <dd>{s.date ? `${day(s.date)}${s.startTime ? `, ${s.startTime}` : ''}` : '–'}</dd>
          </div>
          {s.place && (
            <div>
              <dt>{t('report.place')}</dt>
              <dd>{s.place}</dd>
            </div>
          )}
          <div>
            <dt>{t('report.attendance')}</dt>
            <dd data-testid="report-total">{t('report.present', { count: a.total })}</dd>
          </div>
        </dl>
      </header>

      <section className="report-section">
        <h2>{t('report.agenda')}</h2>
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('report.item')}</th>
              <th scope="col">{t('report.planned')}</th>
              <th scope="col">{t('report.actual')}</th>
            </tr>
          </thead>
          <tbody>
            {report.agenda.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a report is rendered once and never reordered; its rows may repeat a title.
              <tr key={`${index}-${item.title}`} className={item.startedAt === null ? 'is-skipped' : undefined}>
                <td>{item.title}</td>
                <td>{t('report.minutes', { count: item.minutes })}</td>
                <td>
                  {item.startedAt === null
                    ? t('report.notRun')
                    : `${clock(item.startedAt)}–${item.endedAt === null ? '' : clock(item.endedAt)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="report-section">
        <h2>{t('report.attendance')}</h2>
        <table className="report-table" data-testid="report-attendance">
          <thead>
            <tr>
              <th scope="col">{t('report.table')}</th>
              <th scope="col">{t('report.people')}</th>
              <th scope="col">{t('report.names')}</th>
            </tr>
          </thead>
          <tbody>
            {a.tables.map((table) => (
              <tr key={table.name}>
                <td>{table.name}</td>
                <td className="report-number">{table.count}</td>
                <td>{table.names ? table.names.join(', ') : <em>{t('report.anonymous')}</em>}</td>
              </tr>
            ))}
            {a.unseated.count > 0 && (
              <tr>
                <td>{t('report.noTable')}</td>
                <td className="report-number">{a.unseated.count}</td>
                <td>{a.unseated.names ? a.unseated.names.join(', ') : <em>{t('report.anonymous')}</em>}</td>
              </tr>
            )}
          </tbody>
        </table>
        {a.lateJoiners.length > 0 && (
          <p>
            <strong>{t('report.late')}:</strong>{' '}
            {a.lateJoiners.map((p) => `${p.name ?? t('report.anonymous')} (${clock(p.joinedAt)})`).join(', ')}
          </p>
        )}
      </section>

      <section className="report-section">
        <h2>{t('report.boards')}</h2>
        {report.boards.map((board, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a report is rendered once and never reordered; its rows may repeat a title.
          <div key={`${index}-${board.title}`} className="report-board">
            <h3>{board.title}</h3>
            {board.themes.length === 0 && <p className="muted">{t('report.noNotes')}</p>}
            <div className="report-themes">
              {board.themes.map((theme, themeIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a report is rendered once and never reordered; its rows may repeat a title.
                <div key={`${themeIndex}-${theme.title}`} className="report-theme" data-testid="report-theme">
                  <h4>
                    {theme.title ?? t('report.noTheme')}
                    {board.voted && <span className="report-votes">{t('report.votes', { count: theme.votes })}</span>}
                  </h4>
                  <ul>
                    {theme.notes.map((note, noteIndex) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a report is rendered once and never reordered; its rows may repeat a title.
                      <li key={`${noteIndex}-${note.text}`}>
                        <span>{note.text}</span>
                        {board.voted && note.votes > 0 && (
                          <span className="report-vote-count">{t('report.votes', { count: note.votes })}</span>
                        )}
                        {note.author && <span className="report-author">{note.author}</span>}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </div>
        ))}
      </section>

      <section className="report-section">
        <h2>{t('report.questions')}</h2>
        {report.questions.length === 0 && <p className="muted">{t('report.noQuestions')}</p>}
        {report.questions.map((q) => (
          <div key={`${q.askedAt}-${q.text}`} className="report-question" data-testid="report-question">
            <p className="report-question-text">
              {q.text}
              <span className="muted"> ({[q.askedBy, clock(q.askedAt)].filter(Boolean).join(', ')})</span>
            </p>
            {q.answer !== null && q.responseMinutes !== null ? (
              <>
                <p>
                  <strong>{t('report.answer')}:</strong> {q.answer}
                </p>
                <p className="muted">
                  {t('report.answeredAfter', { who: q.answeredBy ?? '', count: q.responseMinutes })}
                </p>
              </>
            ) : (
              <p className="muted">
                <em>{t('report.unanswered')}</em>
              </p>
            )}
          </div>
        ))}
      </section>

      {report.evaluation && (
        <section className="report-section">
          <h2>{t('report.evaluation')}</h2>
          <p>{t('report.responses', { count: report.evaluation.responses })}</p>
          <table className="report-table" data-testid="report-evaluation">
            <thead>
              <tr>
                <th scope="col">{t('report.evaluation')}</th>
                <th scope="col">{t('report.average')}</th>
              </tr>
            </thead>
            <tbody>
              {report.evaluation.ratings.map((r) => (
                <tr key={r.label}>
                  <td>{r.label}</td>
                  <td className="report-number">{decimal(r.average)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.evaluation.comments.length > 0 && (
            <>
              <h3>{t('report.comments')}</h3>
              <ul>
                {report.evaluation.comments.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a report is rendered once and never reordered; its rows may repeat a title.
                  <li key={`${i}-${c}`}>{c}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <section className="report-section">
        <h2>{t('report.ideas')}</h2>
        {report.ideas.length === 0 ? (
          <p className="muted">{t('report.noIdeas')}</p>
        ) : (
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('report.idea')}</th>
                <th scope="col">{t('report.decision')}</th>
                <th scope="col">{t('report.sources')}</th>
              </tr>
            </thead>
            <tbody>
              {report.ideas.map((idea, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a report is rendered once and never reordered; its rows may repeat a title.
                <tr key={`${i}-${idea.title}`}>
                  <td>{idea.title}</td>
                  <td>{idea.decision ? t(`leaders.decisions.${idea.decision}`) : t('report.undecided')}</td>
                  <td className="report-number">{idea.sources}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p className="report-generated muted">
        {t('report.generated', {
          when: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE }).format(
            report.generatedAt,
          ),
        })}
      </p>
    </article>
  );
}
