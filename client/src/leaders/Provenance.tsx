import { type PublishedSource, sourceKey } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../routing/navigation';
import { boardNotePath } from '../routing/routes';
import { sourcesByBoard } from './panelModel';

/**
 * Where an idea came from: its source notes grouped by board ("from table 3's
 * board"), each a link to the board at that note. `mine` marks the reader's own.
 */
export function Provenance({
  sources,
  mine = new Set<string>(),
  headingId,
}: {
  sources: readonly PublishedSource[];
  mine?: ReadonlySet<string>;
  headingId?: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="stack provenance" aria-labelledby={headingId}>
      {sourcesByBoard(sources).map((board) => (
        <section key={board.boardId} className="provenance-board">
          <h4 className="provenance-where">
            {board.tableName
              ? t('leaders.fromTable', { table: board.tableName })
              : t('leaders.fromBoard', { board: board.boardTitle })}
            {board.sessionTitle && <span className="provenance-session"> · {board.sessionTitle}</span>}
          </h4>
          <ul className="provenance-notes">
            {board.notes.map((note) => {
              const path = boardNotePath(note.boardId, note.noteId);
              const own = mine.has(sourceKey(note));
              return (
                <li key={note.noteId} className={own ? 'provenance-note is-mine' : 'provenance-note'}>
                  <a
                    href={path}
                    onClick={(event) => handleLinkClick(event, path)}
                    data-testid="provenance-link"
                    data-board-id={note.boardId}
                    data-note-id={note.noteId}
                  >
                    <span className="provenance-text">“{note.text}”</span>
                    <span className="provenance-meta">
                      {note.authorName ?? t('leaders.anonymous')}
                      {note.clusterTitle && ` · ${t('leaders.cluster', { title: note.clusterTitle })}`}
                      <span className="provenance-open"> · {t('leaders.openNote')} →</span>
                    </span>
                  </a>
                  {own && (
                    <span className="your-note" data-testid="your-note">
                      {t('leaders.yourNote')}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
