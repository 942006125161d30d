import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { useVoting } from './useVoting';

/**
 * A note's part in a dot vote: while a round is open, ＋/− with this person's
 * own votes on it (others' stay secret); once closed, the note's total.
 * Rendered inside the note on the canvas and inside its list item.
 */
export function NoteVotes({ noteId, text }: { noteId: string; text: string }) {
  const { t } = useTranslation();
  const { vote, canVote, mine, cast } = useVoting();
  if (!vote) return null;

  if (vote.status === 'closed') {
    const total = vote.results?.[noteId] ?? 0;
    const label = t('facilitation.vote.total', { count: total });
    return (
      <span className="note-vote-total no-gesture" data-votes={total} title={label}>
        <span aria-hidden="true" data-testid="vote-total">
          {total}
        </span>
        <span className="sr-only">{label}</span>
      </span>
    );
  }
  if (!canVote || mine.remaining === null) return null;

  const count = mine.votes[noteId] ?? 0;
  const label = text.trim().slice(0, 40) || t('facilitation.vote.untitledNote');
  const pending = mine.pending === noteId;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a small labelled group of two buttons and a count; <fieldset> would need a legend box.
    <span
      className="note-votes no-gesture"
      role="group"
      aria-label={t('facilitation.vote.mine', { count })}
      data-count={count}
      data-pending={pending || undefined}
    >
      <button
        type="button"
        className="note-vote-button"
        data-testid="vote-down"
        aria-label={t('facilitation.vote.down', { text: label })}
        onClick={() => cast(noteId, -1)}
      >
        <Icon name="minus" />
      </button>
      <span className="note-vote-count" data-testid="my-votes" aria-hidden="true">
        {count}
      </span>
      <button
        type="button"
        className="note-vote-button"
        data-testid="vote-up"
        aria-label={t('facilitation.vote.up', { text: label })}
        onClick={() => cast(noteId, 1)}
      >
        <Icon name="plus" />
      </button>
    </span>
  );
}
