import type { IdeaView, NoteVotes, SourceStatus } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../routing/navigation';
import { boardNotePath } from '../routing/routes';
import { Icon } from '../ui/Icon';
import { sourceKey, sourcePlace, statusOf } from './catalogModel';

/**
 * An idea's provenance: each source note as it was gathered, where it sat
 * (board or table, session, theme), who wrote it (unless anonymous), and what
 * became of it since — changed (with the text now) or deleted. Each links to the
 * board, centred on the note. A tick chooses it for a split.
 */
export function SourceList(props: {
  idea: IdeaView;
  statuses: ReadonlyMap<string, SourceStatus> | undefined;
  chosen: ReadonlySet<string>;
  onToggle: (key: string) => void;
  /** Closed-round dot votes per board and note (the server's count). */
  votes?: NoteVotes;
}) {
  const { idea, statuses, chosen, onToggle, votes } = props;
  const { t } = useTranslation();
  return (
    <ul className="stack source-list" data-testid="idea-sources">
      {idea.provenance.map((source) => {
        const key = sourceKey(source);
        const status = statusOf(statuses, idea.id, source);
        const { place, session, theme } = sourcePlace(source);
        const path = boardNotePath(source.boardId, source.noteId);
        const short = source.text.trim().slice(0, 60);
        return (
          <li
            key={key}
            className="source"
            data-testid="idea-source"
            data-note-id={source.noteId}
            data-state={status?.state}
          >
            <input
              type="checkbox"
              className="source-select"
              data-testid="source-select"
              checked={chosen.has(key)}
              aria-label={t('catalog.sources.select', { text: short })}
              onChange={() => onToggle(key)}
            />
            <div className="stack source-body">
              <blockquote className="source-text" data-testid="source-text">
                {source.text}
              </blockquote>
              {status?.state === 'changed' && status.currentText !== undefined && (
                <p className="source-now" data-testid="source-changed">
                  <span className="source-flag source-flag-changed">{t('catalog.sources.changed')}</span>
                  {t('catalog.sources.changedNow', { text: status.currentText })}
                </p>
              )}
              {status?.state === 'deleted' && (
                <p className="source-now" data-testid="source-deleted" title={t('catalog.sources.deletedHint')}>
                  <span className="source-flag source-flag-deleted">{t('catalog.sources.deleted')}</span>
                  <span className="muted">{t('catalog.sources.deletedHint')}</span>
                </p>
              )}
              <p className="row source-meta">
                <span className="source-place" data-testid="source-table">
                  {place}
                </span>
                {session && <span>{session}</span>}
                <span data-testid="source-author">{source.authorName ?? t('catalog.sources.anonymous')}</span>
                {(votes?.boards[source.boardId]?.[source.noteId] ?? 0) > 0 && (
                  <span className="chip synth-note-votes" data-testid="source-votes">
                    {t('evidence.votes', { count: votes?.boards[source.boardId]?.[source.noteId] ?? 0 })}
                  </span>
                )}
                {theme && <span className="chip chip-theme">{theme}</span>}
              </p>
            </div>
            <a
              className="button button-ghost button-small source-link"
              href={path}
              data-testid="source-link"
              aria-label={t('catalog.sources.openLabel', { text: short, place })}
              onClick={(event) => handleLinkClick(event, path)}
            >
              <Icon name="link" />
              {t('catalog.sources.open')}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
