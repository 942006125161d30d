import type { NoteView } from '@samle/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rankByVotes, summarizeVotes } from '../facilitation/voteResults';
import { Icon } from '../ui/Icon';

/** The closed vote's results above the list: total, the top notes, and the "Sort by votes" toggle. */
export function ListVoteResults(props: {
  notes: readonly NoteView[];
  results: Readonly<Record<string, number>>;
  sorted: boolean;
  onSort: (sorted: boolean) => void;
}) {
  const { notes, results, sorted, onSort } = props;
  const { t } = useTranslation();
  const summary = summarizeVotes(notes, results);
  return (
    <section className="list-results" aria-labelledby="list-results-heading" data-testid="list-vote-results">
      <div className="list-results-head">
        <h2 id="list-results-heading" className="list-results-title">
          <Icon name="dots" />
          {t('facilitation.vote.resultsTitle')}
        </h2>
        <span className="muted">
          {summary.total === 0
            ? t('facilitation.vote.noVotes')
            : t('facilitation.vote.resultsSummary', { total: summary.total, notes: summary.notesWithVotes })}
        </span>
        <button
          type="button"
          className="button button-small list-sort"
          data-testid="sort-by-votes"
          aria-pressed={sorted}
          onClick={() => onSort(!sorted)}
        >
          <Icon name="sort" />
          {t('facilitation.vote.sortByVotes')}
        </button>
      </div>
      {summary.top.length > 0 && (
        <ol className="list-results-top" aria-label={t('facilitation.vote.top')}>
          {summary.top.map(({ note, votes }) => (
            <li key={note.id}>
              <span className="list-results-count">{t('facilitation.vote.total', { count: votes })}</span>
              <span className="list-results-text">{note.text.trim() || t('facilitation.vote.untitledNote')}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Every note, highest total first, in one list (themes are named on each note instead). */
export function ListVoteRanking(props: {
  notes: readonly NoteView[];
  results: Readonly<Record<string, number>>;
  renderNote: (note: NoteView, headingId: string) => ReactNode;
}) {
  const { notes, results, renderNote } = props;
  const { t } = useTranslation();
  const headingId = 'list-heading-ranking';
  return (
    <section className="list-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="list-heading" tabIndex={-1} data-testid="list-ranking">
        {t('facilitation.vote.rankingHeading')}
        <span className="list-heading-count">{t('cluster.count', { count: notes.length })}</span>
      </h2>
      <ol className="list-notes list-ranking">
        {rankByVotes(notes, results).map(({ note }) => renderNote(note, headingId))}
      </ol>
    </section>
  );
}
