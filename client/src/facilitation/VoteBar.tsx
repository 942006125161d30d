import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useNotes } from '../sync/useBoardDoc';
import { Icon } from '../ui/Icon';
import type { FacilitatorCommands } from './useFacilitatorCommands';
import { useRefusalText } from './useRefusalText';
import { useVoting } from './useVoting';
import { summarizeVotes } from './voteResults';

/**
 * The strip under the header while a vote is open ("You have 3 of 5 votes
 * left", why a cast was refused, the facilitator's "Close vote"), and after it
 * closes a short summary of the results until it is hidden.
 */
export function VoteBar(props: {
  doc: Y.Doc;
  commands: FacilitatorCommands | undefined;
  /** The results strip; the list view shows them in its own results section instead. */
  showResults: boolean;
  onShowRanking: () => void;
}) {
  const { doc, commands, showResults, onShowRanking } = props;
  const { t } = useTranslation();
  const { vote, canVote } = useVoting();
  const [hiddenResults, setHiddenResults] = useState<string>();
  const announcement =
    vote?.status === 'open'
      ? t('facilitation.vote.opened', { budget: vote.budget })
      : vote?.status === 'closed'
        ? t('facilitation.vote.closed')
        : '';
  return (
    <>
      {showResults && vote?.status === 'closed' && hiddenResults !== vote.id && vote.results && (
        <VoteResultsBar
          results={vote.results}
          doc={doc}
          onShowRanking={onShowRanking}
          onHide={() => setHiddenResults(vote.id)}
        />
      )}
      {vote?.status === 'open' && (
        <OpenVoteBar budget={vote.budget} maxPerNote={vote.maxPerNote} canVote={canVote} commands={commands} />
      )}
      <span className="sr-only" aria-live="polite">
        {announcement}
      </span>
    </>
  );
}

function VoteResultsBar(props: {
  results: Readonly<Record<string, number>>;
  doc: Y.Doc;
  onShowRanking: () => void;
  onHide: () => void;
}) {
  const { results, doc, onShowRanking, onHide } = props;
  const { t } = useTranslation();
  const notes = useNotes(doc);
  const summary = summarizeVotes(notes, results);
  return (
    <section className="vote-bar vote-bar-results" aria-label={t('facilitation.vote.resultsTitle')}>
      <span className="vote-bar-title">
        <Icon name="dots" />
        {t('facilitation.vote.resultsTitle')}
      </span>
      {summary.total === 0 ? (
        <span className="vote-bar-text">{t('facilitation.vote.noVotes')}</span>
      ) : (
        <>
          <span className="vote-bar-text">
            {t('facilitation.vote.resultsSummary', { total: summary.total, notes: summary.notesWithVotes })}
          </span>
          <ol className="vote-top" aria-label={t('facilitation.vote.top')} data-testid="vote-results">
            {summary.top.map(({ note, votes }) => (
              <li key={note.id} className="vote-top-item">
                <span className="vote-top-count">{votes}</span>
                <span className="vote-top-text">{note.text.trim() || t('facilitation.vote.untitledNote')}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      <span className="vote-bar-actions">
        {summary.total > 0 && (
          <button type="button" className="button button-small" data-testid="show-ranking" onClick={onShowRanking}>
            <Icon name="sort" />
            {t('facilitation.vote.showRanking')}
          </button>
        )}
        <button
          type="button"
          className="icon-button vote-bar-hide"
          aria-label={t('facilitation.vote.hideResults')}
          title={t('facilitation.vote.hideResults')}
          onClick={onHide}
        >
          <Icon name="close" />
        </button>
      </span>
    </section>
  );
}

function OpenVoteBar(props: {
  budget: number;
  maxPerNote: number;
  canVote: boolean;
  commands: FacilitatorCommands | undefined;
}) {
  const { budget, maxPerNote, canVote, commands } = props;
  const { t } = useTranslation();
  const { mine, dismissRefusal } = useVoting();
  const refusalText = useRefusalText();
  return (
    <section className="vote-bar" aria-label={t('facilitation.vote.title')} data-testid="vote-bar">
      <span className="vote-bar-title">
        <Icon name="dots" />
        {t('facilitation.vote.title')}
      </span>
      {canVote ? (
        <>
          <span className="vote-remaining" data-testid="vote-remaining" aria-live="polite">
            {mine.remaining === null ? (
              t('facilitation.vote.loadingMine')
            ) : (
              <>
                <span className="vote-dots" aria-hidden="true">
                  {Array.from({ length: budget }, (_, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the dots are positions, not items.
                    <span key={i} className="vote-dot" data-used={i >= (mine.remaining ?? 0) || undefined} />
                  ))}
                </span>
                {t('facilitation.vote.remaining', { remaining: mine.remaining, budget: budget })}
              </>
            )}
          </span>
          <span className="vote-bar-text muted">{t('facilitation.vote.rule', { max: maxPerNote })}</span>
        </>
      ) : (
        <span className="vote-bar-text">{t('facilitation.vote.watching')}</span>
      )}
      <span className="vote-bar-actions">
        {commands && (
          <button
            type="button"
            className="button button-primary button-small"
            data-testid="vote-close"
            title={t('facilitation.vote.closeHint')}
            disabled={commands.busy}
            onClick={() => void commands.vote({ action: 'close' })}
          >
            {t('facilitation.vote.close')}
          </button>
        )}
      </span>
      {mine.refusal && canVote && (
        <p className="vote-error" role="alert" data-testid="vote-error" key={mine.refusal.serial}>
          <span>{refusalText(mine.refusal.code)}</span>
          <button
            type="button"
            className="facilitation-error-dismiss"
            aria-label={t('facilitation.vote.dismiss')}
            onClick={dismissRefusal}
          >
            <Icon name="close" />
          </button>
        </p>
      )}
    </section>
  );
}
