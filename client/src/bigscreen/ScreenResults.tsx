import type { NoteView } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { summarizeVotes } from '../facilitation/voteResults';

/** A closed vote's result on the big screen: the totals and the notes with the most votes. */
export function ScreenResults(props: { notes: readonly NoteView[]; results: Readonly<Record<string, number>> }) {
  const { notes, results } = props;
  const { t } = useTranslation();
  const summary = summarizeVotes(notes, results, 5);
  return (
    <section className="big-screen-results" data-testid="big-screen-results" aria-labelledby="big-screen-results-title">
      <h2 id="big-screen-results-title">{t('bigScreen.results')}</h2>
      {summary.total === 0 ? (
        <p>{t('bigScreen.noVotes')}</p>
      ) : (
        <>
          <p className="big-screen-results-summary">
            {t('bigScreen.resultsSummary', { total: summary.total, notes: summary.notesWithVotes })}
          </p>
          <ol>
            {summary.top.map(({ note, votes }) => (
              <li key={note.id}>
                <span className="big-screen-result-text">
                  {note.text.trim() || t('facilitation.vote.untitledNote')}
                </span>
                <span className="big-screen-result-votes">{t('bigScreen.votes', { count: votes })}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
