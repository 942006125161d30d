import type { ClusterView, NoteView } from '@samle/shared';
import { type MouseEvent, memo } from 'react';
import { useTranslation } from 'react-i18next';
import { CLUSTER_COLOR_STYLES } from '../board/clusterColors';
import { NOTE_COLOR_STYLES } from '../board/noteColors';
import { type BoardContent, boardLayout, type SynthesisBoard } from './boards';
import type { CatalogMarks } from './catalogMarks';
import { highlightPieces, matchRanges, type Range } from './search';
import type { Pick } from './selection';
import { noteKey } from './suggestions';
import { byVotes } from './useNoteVotes';
import './votes.css';

export interface MiniBoardProps {
  board: SynthesisBoard;
  column: number;
  content: BoardContent;
  /** Folded search words; empty when not searching. */
  terms: readonly string[];
  /** `boardId|noteId` of every selected note (a picked theme's notes included). */
  selectedNotes: ReadonlySet<string>;
  /** Ids of the picked themes on this board. */
  pickedThemes: ReadonlySet<string>;
  marks: CatalogMarks | null;
  /** Closed-round dot votes per note of this board. */
  votes: Readonly<Record<string, number>>;
  /** Most voted notes first within each theme and among the loose notes. */
  sortByVotes: boolean;
  onPick: (pick: Pick, additive: boolean) => void;
}

/** Clicks with shift/ctrl/⌘ add; a click from the keyboard (Space, Enter: `detail` 0) adds too. */
const additive = (event: MouseEvent) => event.shiftKey || event.ctrlKey || event.metaKey || event.detail === 0;

/** One board of the session, read only: its themes with their notes, then the loose notes. */
export const MiniBoard = memo(function MiniBoard(props: MiniBoardProps) {
  const { board, column, content, terms, selectedNotes, pickedThemes, marks, votes, sortByVotes, onPick } = props;
  const { t } = useTranslation();
  const searching = terms.length > 0;
  const laid = boardLayout(content);
  const order = <T extends { id: string }>(notes: T[]): T[] => (sortByVotes ? byVotes(notes, votes) : notes);
  const layout = {
    themes: laid.themes.map((theme) => ({ ...theme, notes: order(theme.notes) })),
    loose: order(laid.loose),
  };
  const matches = searching ? content.notes.filter((note) => matchRanges(note.text, terms) !== null).length : 0;
  const headingId = `synth-board-${board.id}`;
  const kindLabel =
    board.kind === 'plenum'
      ? t('synthesis.plenum')
      : board.kind === 'leadership'
        ? t('synthesis.leadership')
        : t('synthesis.table');

  return (
    <section
      className="synth-board"
      aria-labelledby={headingId}
      data-testid="synth-board"
      data-board-id={board.id}
      data-board-kind={board.kind}
      data-synth-column={column}
      data-status={content.status}
    >
      <header className="synth-board-head">
        <span className="synth-board-kind">{kindLabel}</span>
        <h2 id={headingId} className="synth-board-title">
          {board.label}
        </h2>
        <span
          className="synth-board-count"
          data-testid="synth-board-count"
          data-matches={searching ? matches : undefined}
        >
          {content.status !== 'ready'
            ? ''
            : searching
              ? t('synthesis.matchCount', { count: matches, total: content.notes.length })
              : t('synthesis.noteCount', { count: content.notes.length })}
        </span>
      </header>
      <div className="synth-board-body">
        {content.status === 'loading' && (
          <div className="synth-board-loading" role="status">
            <span className="sr-only">{t('synthesis.boardLoading')}</span>
            <span className="skeleton" aria-hidden="true" />
            <span className="skeleton" aria-hidden="true" />
            <span className="skeleton" aria-hidden="true" />
          </div>
        )}
        {content.status === 'error' && (
          <p className="synth-board-problem" role="alert">
            {t('synthesis.boardError', { reason: content.problem ?? '' })}
          </p>
        )}
        {content.status === 'ready' && content.notes.length === 0 && content.clusters.length === 0 && (
          <p className="synth-board-empty">{t('synthesis.emptyBoard')}</p>
        )}
        {content.status !== 'loading' &&
          layout.themes.map(({ cluster, notes }) => (
            <Theme
              key={cluster.id}
              boardId={board.id}
              cluster={cluster}
              notes={notes}
              terms={terms}
              picked={pickedThemes.has(cluster.id)}
              selectedNotes={selectedNotes}
              marks={marks}
              votes={votes}
              onPick={onPick}
            />
          ))}
        {content.status !== 'loading' && layout.loose.length > 0 && (
          <div className="synth-loose">
            {layout.themes.length > 0 && <h3 className="synth-loose-title">{t('synthesis.looseNotes')}</h3>}
            <ul className="synth-notes">
              {layout.loose.map((note) => (
                <li key={note.id}>
                  <MiniNote
                    boardId={board.id}
                    note={note}
                    terms={terms}
                    selected={selectedNotes.has(noteKey(board.id, note.id))}
                    marks={marks}
                    votes={votes[note.id] ?? 0}
                    onPick={onPick}
                  />
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
});

function Theme(props: {
  boardId: string;
  cluster: ClusterView;
  notes: NoteView[];
  terms: readonly string[];
  picked: boolean;
  selectedNotes: ReadonlySet<string>;
  marks: CatalogMarks | null;
  votes: Readonly<Record<string, number>>;
  onPick: (pick: Pick, additive: boolean) => void;
}) {
  const { boardId, cluster, notes, terms, picked, selectedNotes, marks, votes, onPick } = props;
  const { t } = useTranslation();
  const colors = CLUSTER_COLOR_STYLES[cluster.color];
  const title = cluster.title.trim() || t('synthesis.untitledTheme');
  const titleRanges = terms.length > 0 ? matchRanges(cluster.title, terms) : null;
  const anyMatch = titleRanges !== null || notes.some((note) => matchRanges(note.text, terms) !== null);
  return (
    <div
      className="synth-theme"
      data-testid="synth-theme"
      data-cluster-id={cluster.id}
      data-selected={picked || undefined}
      data-dim={terms.length > 0 && !anyMatch ? true : undefined}
      style={{ background: colors.fill, borderColor: picked ? undefined : colors.edge }}
    >
      <button
        type="button"
        className="synth-theme-head"
        data-synth-item
        aria-pressed={picked}
        style={{ background: colors.header, color: colors.ink }}
        onClick={(event) => onPick({ kind: 'cluster', boardId, id: cluster.id }, additive(event))}
      >
        <span className="synth-theme-title">
          <Highlighted text={title} ranges={titleRanges} />
        </span>
        <span className="synth-theme-count">{t('synthesis.themeNotes', { count: notes.length })}</span>
      </button>
      {notes.length > 0 && (
        <ul className="synth-notes">
          {notes.map((note) => (
            <li key={note.id}>
              <MiniNote
                boardId={boardId}
                note={note}
                terms={terms}
                selected={selectedNotes.has(noteKey(boardId, note.id))}
                marks={marks}
                votes={votes[note.id] ?? 0}
                onPick={onPick}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function MiniNote(props: {
  boardId: string;
  note: NoteView;
  terms: readonly string[];
  selected: boolean;
  marks: CatalogMarks | null;
  votes: number;
  onPick: (pick: Pick, additive: boolean) => void;
}) {
  const { boardId, note, terms, selected, marks, votes, onPick } = props;
  const { t } = useTranslation();
  const ranges = terms.length > 0 ? matchRanges(note.text, terms) : null;
  const ideas = marks?.get(noteKey(boardId, note.id));
  const colors = NOTE_COLOR_STYLES[note.color];
  return (
    <button
      type="button"
      className="synth-note"
      data-testid="synth-note"
      data-synth-item
      data-note-id={note.id}
      data-match={terms.length > 0 ? ranges !== null : undefined}
      data-dim={terms.length > 0 && ranges === null ? true : undefined}
      data-in-catalog={ideas ? true : undefined}
      aria-pressed={selected}
      style={{ background: colors.background, borderColor: selected ? undefined : colors.edge }}
      onClick={(event) => onPick({ kind: 'note', boardId, id: note.id }, additive(event))}
    >
      <span className="synth-note-text">
        <Highlighted text={note.text} ranges={ranges} />
      </span>
      {(note.authorName || ideas || votes > 0) && (
        <span className="synth-note-foot">
          {votes > 0 && (
            <span className="synth-note-votes" data-testid="synth-note-votes" data-votes={votes}>
              {t('evidence.votes', { count: votes })}
            </span>
          )}
          {note.authorName && <span className="synth-note-author">{note.authorName}</span>}
          {ideas && (
            <span
              className="synth-mark"
              data-testid="in-catalog"
              title={t('synthesis.inCatalogTitle', { ideas: ideas.join(', ') })}
            >
              {t('synthesis.inCatalog')}
            </span>
          )}
        </span>
      )}
    </button>
  );
}

function Highlighted({ text, ranges }: { text: string; ranges: readonly Range[] | null }) {
  return (
    <>
      {highlightPieces(text, ranges).map((piece) =>
        piece.hit ? <mark key={piece.start}>{piece.text}</mark> : <span key={piece.start}>{piece.text}</span>,
      )}
    </>
  );
}
