import { REPORT_WORDS, type SessionReport } from '@samle/shared';
import { useTranslation } from 'react-i18next';

const ZONE = 'Europe/Copenhagen';

/** The report as a printable document; the same facts and order as the DOCX. */
export function ReportBody({ report }: { report: SessionReport }) {
  const { i18n } = useTranslation();
  // The reader's UI language (the Word document uses the workshop's): the same words as the document's.
  const w = REPORT_WORDS[i18n.language === 'da' ? 'da' : 'en'];
  const locale = w.locale;
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
          {w.report}: {s.title}
        </h1>
        <dl className="report-facts">
          <div>
            <dt>{w.date}</dt>
            <dd>{s.date ? `${day(s.date)}${s.startTime ? `, ${s.startTime}` : ''}` : '–'}</dd>
          </div>
          {s.place && (
            <div>
              <dt>{w.place}</dt>
              <dd>{s.place}</dd>
            </div>
          )}
          <div>
            <dt>{w.attendance}</dt>
            <dd data-testid="report-total">{w.present(a.total)}</dd>
          </div>
        </dl>
      </header>

      <section className="report-section">
        <h2>{w.agenda}</h2>
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{w.item}</th>
              <th scope="col">{w.planned}</th>
              <th scope="col">{w.ran}</th>
            </tr>
          </thead>
          <tbody>
            {report.agenda.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a report is rendered once and never reordered; its rows may repeat a title.
              <tr key={`${index}-${item.title}`} className={item.startedAt === null ? 'is-skipped' : undefined}>
                <td>{item.title}</td>
                <td>{w.minutes(item.minutes)}</td>
                <td>
                  {item.startedAt === null
                    ? w.notRun
                    : `${clock(item.startedAt)}–${item.endedAt === null ? '' : clock(item.endedAt)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="report-section">
        <h2>{w.attendance}</h2>
        <table className="report-table" data-testid="report-attendance">
          <thead>
            <tr>
              <th scope="col">{w.table}</th>
              <th scope="col">{w.people}</th>
              <th scope="col">{w.names}</th>
            </tr>
          </thead>
          <tbody>
            {a.tables.map((table) => (
              <tr key={table.name}>
                <td>{table.name}</td>
                <td className="report-number">{table.count}</td>
                <td>{table.names ? table.names.join(', ') : <em>{w.anonymous}</em>}</td>
              </tr>
            ))}
            {a.unseated.count > 0 && (
              <tr>
                <td>{w.noTable}</td>
                <td className="report-number">{a.unseated.count}</td>
                <td>{a.unseated.names ? a.unseated.names.join(', ') : <em>{w.anonymous}</em>}</td>
              </tr>
            )}
          </tbody>
        </table>
        {a.lateJoiners.length > 0 && (
          <p>
            <strong>{w.lateJoiners}:</strong>{' '}
            {a.lateJoiners.map((p) => `${p.name ?? w.anonymous} (${clock(p.joinedAt)})`).join(', ')}
          </p>
        )}
      </section>

      <section className="report-section">
        <h2>{w.boards}</h2>
        {report.boards.map((board, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a report is rendered once and never reordered; its rows may repeat a title.
          <div key={`${index}-${board.title}`} className="report-board">
            <h3>{board.title}</h3>
            {board.themes.length === 0 && <p className="muted">{w.noNotes}</p>}
            <div className="report-themes">
              {board.themes.map((theme, themeIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a report is rendered once and never reordered; its rows may repeat a title.
                <div key={`${themeIndex}-${theme.title}`} className="report-theme" data-testid="report-theme">
                  <h4>
                    {theme.title ?? w.noTheme}
                    {board.voted && <span className="report-votes">{w.votes(theme.votes)}</span>}
                  </h4>
                  <ul>
                    {theme.notes.map((note, noteIndex) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a report is rendered once and never reordered; its rows may repeat a title.
                      <li key={`${noteIndex}-${note.text}`}>
                        <span>{note.text}</span>
                        {board.voted && note.votes > 0 && (
                          <span className="report-vote-count">{w.votes(note.votes)}</span>
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
        <h2>{w.questions}</h2>
        {report.questions.length === 0 && <p className="muted">{w.noQuestions}</p>}
        {report.questions.map((q) => (
          <div key={`${q.askedAt}-${q.text}`} className="report-question" data-testid="report-question">
            <p className="report-question-text">
              {q.text}
              <span className="muted"> ({[q.askedBy, clock(q.askedAt)].filter(Boolean).join(', ')})</span>
            </p>
            {q.answer !== null && q.responseMinutes !== null ? (
              <>
                <p>
                  <strong>{w.answer}:</strong> {q.answer}
                </p>
                <p className="muted">{w.answeredAfter(q.answeredBy ?? '', q.responseMinutes)}</p>
              </>
            ) : (
              <p className="muted">
                <em>{w.unanswered}</em>
              </p>
            )}
          </div>
        ))}
      </section>

      {report.evaluation && (
        <section className="report-section">
          <h2>{w.evaluation}</h2>
          <p>{w.responses(report.evaluation.responses)}</p>
          <table className="report-table" data-testid="report-evaluation">
            <thead>
              <tr>
                <th scope="col">{w.evaluation}</th>
                <th scope="col">{w.average}</th>
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
              <h3>{w.comments}</h3>
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
        <h2>{w.ideas}</h2>
        {report.ideas.length === 0 ? (
          <p className="muted">{w.noIdeas}</p>
        ) : (
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{w.idea}</th>
                <th scope="col">{w.decision}</th>
                <th scope="col">{w.sources}</th>
              </tr>
            </thead>
            <tbody>
              {report.ideas.map((idea, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a report is rendered once and never reordered; its rows may repeat a title.
                <tr key={`${i}-${idea.title}`}>
                  <td>{idea.title}</td>
                  <td>{idea.decision ? w.decisions[idea.decision] : w.undecided}</td>
                  <td className="report-number">{idea.sources}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p className="report-generated muted">
        {w.generated}{' '}
        {new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE }).format(
          report.generatedAt,
        )}
      </p>
    </article>
  );
}
