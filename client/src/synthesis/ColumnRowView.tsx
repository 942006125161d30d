import type { NoteView } from '@samle/shared';
import type { TFunction } from 'i18next';
import { type MouseEvent, memo, type Ref } from 'react';
import { CLUSTER_COLOR_STYLES } from '../board/clusterColors';
import { NOTE_COLOR_STYLES } from '../board/noteColors';
import type { CatalogMarks } from './catalogMarks';
import type { ColumnRow } from './columnRows';
import { type PickedKeys, usePicked } from './pickedKeys';
import { highlightPieces, matchRanges, type Range } from './search';
import { type Pick, pickKey } from './selection';
import { noteKey } from './suggestions';

/** Clicks with shift/ctrl/⌘ add; a click from the keyboard (Space, Enter: `detail` 0) adds too. */
const additive = (event: MouseEvent) => event.shiftKey || event.ctrlKey || event.metaKey || event.detail === 0;

/**
 * One row of a virtualised column (the virtualiser sets its place): a theme's
 * head, or a note (inside its theme's box when it has one). The list item says
 * where it is in the column (aria-posinset of aria-setsize), because most rows
 * are not in the DOM for a screen reader to count.
 */
export const ColumnRowView = memo(function ColumnRowView(props: {
  ref: Ref<HTMLLIElement>;
  index: number;
  count: number;
  row: ColumnRow;
  boardId: string;
  terms: readonly string[];
  /** What is picked: the row reads its note's and its theme's key (and re-renders when one of them changes). */
  picked: PickedKeys;
  marks: CatalogMarks | null;
  votes: Readonly<Record<string, number>>;
  /** The row's theme neither has the search words in its title nor in any of its notes. */
  themeDim: boolean;
  onPick: (pick: Pick, additive: boolean) => void;
  /** The column's translator: one i18n subscription per column instead of two per row mounted while scrolling. */
  t: TFunction;
}) {
  const { ref, index, count, row, boardId, terms, picked, marks, votes, themeDim, onPick, t } = props;
  const searching = terms.length > 0;
  const theme = row.kind === 'theme' ? row.cluster : row.theme;
  const themeColors = theme ? CLUSTER_COLOR_STYLES[theme.color] : null;
  const themePicked = usePicked(picked, theme ? pickKey({ kind: 'cluster', boardId, id: theme.id }) : null);
  const part =
    row.kind === 'theme'
      ? row.noteCount === 0
        ? 'whole'
        : 'head'
      : row.theme
        ? row.themeEnd
          ? 'end'
          : 'middle'
        : 'loose';
  const note =
    row.kind === 'note' ? (
      <MiniNote
        boardId={boardId}
        note={row.note}
        terms={terms}
        picked={picked}
        ideas={marks?.get(noteKey(boardId, row.note.id))}
        votes={votes[row.note.id] ?? 0}
        onPick={onPick}
        t={t}
      />
    ) : null;
  return (
    <li
      ref={ref}
      className="synth-row"
      data-index={index}
      data-part={part}
      aria-setsize={count}
      aria-posinset={index + 1}
    >
      {row.kind === 'note' && row.looseStart && <h3 className="synth-loose-title">{t('synthesis.looseNotes')}</h3>}
      {theme && themeColors ? (
        <div
          className="synth-theme-part"
          data-testid={row.kind === 'theme' ? 'synth-theme' : undefined}
          data-cluster-id={theme.id}
          data-part={part}
          data-selected={themePicked || undefined}
          data-dim={themeDim || undefined}
          style={{ background: themeColors.fill, borderColor: themePicked ? undefined : themeColors.edge }}
        >
          {row.kind === 'theme' ? (
            <button
              type="button"
              className="synth-theme-head"
              data-synth-item
              aria-pressed={themePicked}
              style={{ background: themeColors.header, color: themeColors.ink }}
              onClick={(event) => onPick({ kind: 'cluster', boardId, id: row.cluster.id }, additive(event))}
            >
              <span className="synth-theme-title">
                <Highlighted
                  text={row.cluster.title.trim() || t('synthesis.untitledTheme')}
                  ranges={searching ? matchRanges(row.cluster.title, terms) : null}
                />
              </span>
              <span className="synth-theme-count">{t('synthesis.themeNotes', { count: row.noteCount })}</span>
            </button>
          ) : (
            note
          )}
        </div>
      ) : (
        note
      )}
    </li>
  );
});

const MiniNote = memo(function MiniNote(props: {
  boardId: string;
  note: NoteView;
  terms: readonly string[];
  picked: PickedKeys;
  ideas: readonly string[] | undefined;
  votes: number;
  onPick: (pick: Pick, additive: boolean) => void;
  t: TFunction;
}) {
  const { boardId, note, terms, picked, ideas, votes, onPick, t } = props;
  const selected = usePicked(picked, noteKey(boardId, note.id));
  const ranges = terms.length > 0 ? matchRanges(note.text, terms) : null;
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
});

function Highlighted({ text, ranges }: { text: string; ranges: readonly Range[] | null }) {
  // Without search hits the text goes in as it is: one element less in every row mounted while scrolling.
  if (!ranges || ranges.length === 0) return text;
  return (
    <>
      {highlightPieces(text, ranges).map((piece) =>
        piece.hit ? <mark key={piece.start}>{piece.text}</mark> : <span key={piece.start}>{piece.text}</span>,
      )}
    </>
  );
}
