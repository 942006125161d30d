import { type Range as ListRange, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BoardContent, boardLayout, type SynthesisBoard } from './boards';
import { ColumnRowView } from './ColumnRowView';
import type { CatalogMarks } from './catalogMarks';
import { blockRows, type ColumnRow, columnRows, keptRows, nextMatchRow } from './columnRows';
import type { PickedKeys } from './pickedKeys';
import { matchRanges } from './search';
import type { Pick } from './selection';
import { byVotes } from './useNoteVotes';
import './votes.css';
import './synthesis-rows.css';

/** What the synthesis view asks of a column for the keyboard: rows that may not be in the DOM yet. */
export interface ColumnHandle {
  /** How many rows (theme heads and notes) the column has. */
  count(): number;
  /** Scrolls the row in, then focuses it. */
  focusRow(row: number): void;
  /** The first row from `from` on whose note matches the search; -1 for none. */
  nextMatch(from?: number): number;
}

export interface MiniBoardProps {
  board: SynthesisBoard;
  column: number;
  content: BoardContent;
  /** Folded search words; empty when not searching. */
  terms: readonly string[];
  /** What is picked (every selected note, a picked theme's notes included, and the picked themes), read by the
   *  rows themselves: a pick re-renders the rows it changes, not the column. */
  picked: PickedKeys;
  marks: CatalogMarks | null;
  /** Closed-round dot votes per note of this board. */
  votes: Readonly<Record<string, number>>;
  /** Most voted notes first within each theme and among the loose notes. */
  sortByVotes: boolean;
  onPick: (pick: Pick, additive: boolean) => void;
  /** Gives the view this column's keyboard handle (null when it goes). */
  onHandle: (column: number, handle: ColumnHandle | null) => void;
}

/**
 * A row's height before it is measured: a theme's head, or a note by its lines (about 30 characters to a line at
 * the column's width, plus the author's line). Close guesses keep the rows from shifting as they are measured.
 */
function estimateRow(row: ColumnRow | undefined): number {
  if (!row) return 60;
  if (row.kind === 'theme') return row.noteCount === 0 ? 56 : 44;
  const lines = row.note.text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 30)), 0);
  return 8 + 22 + lines * 19 + (row.note.authorName ? 22 : 0) + (row.looseStart ? 26 : 0) + (row.themeEnd ? 14 : 0);
}

/**
 * One board of the session, read only: its themes with their notes, then the
 * loose notes — one virtualised list, so a 500-note board keeps about a screenful
 * of rows in the DOM (plus its first, last and focused row).
 */
export const MiniBoard = memo(function MiniBoard(props: MiniBoardProps) {
  const { board, column, content, terms, picked, marks, votes, sortByVotes, onPick, onHandle } = props;
  const { t } = useTranslation();
  const searching = terms.length > 0;
  const rows = useMemo(() => {
    const laid = boardLayout(content);
    const order = <T extends { id: string }>(notes: T[]): T[] => (sortByVotes ? byVotes(notes, votes) : notes);
    return columnRows({
      themes: laid.themes.map((theme) => ({ ...theme, notes: order(theme.notes) })),
      loose: order(laid.loose),
    });
  }, [content, sortByVotes, votes]);
  // The virtualiser asks for the estimates of every row not yet measured each time a measurement comes in.
  const estimates = useMemo(() => rows.map(estimateRow), [rows]);
  const matches = useMemo(
    () => (searching ? content.notes.filter((note) => matchRanges(note.text, terms) !== null).length : 0),
    [searching, content.notes, terms],
  );
  // While searching, a theme with the words neither in its title nor in any of its notes is dimmed.
  const dimThemes = useMemo(() => {
    const dim = new Set<string>();
    if (!searching) return dim;
    for (const cluster of content.clusters) {
      const hit =
        matchRanges(cluster.title, terms) !== null ||
        content.notes.some((note) => note.clusterId === cluster.id && matchRanges(note.text, terms) !== null);
      if (!hit) dim.add(cluster.id);
    }
    return dim;
  }, [searching, terms, content]);
  const headingId = `synth-board-${board.id}`;
  const kindLabel =
    board.kind === 'plenum'
      ? t('synthesis.plenum')
      : board.kind === 'leadership'
        ? t('synthesis.leadership')
        : t('synthesis.table');
  // The column renders whenever its rows come or go while scrolling; the count's plural is worked out only when
  // it changes.
  const noteCount = content.notes.length;
  const countText = useMemo(
    () =>
      content.status !== 'ready'
        ? ''
        : searching
          ? t('synthesis.matchCount', { count: matches, total: noteCount })
          : t('synthesis.noteCount', { count: noteCount }),
    [t, content.status, searching, matches, noteCount],
  );

  const bodyRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const rangeExtractor = useCallback((range: ListRange) => keptRows(blockRows(range), range.count, focused), [focused]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: (index) => estimates[index] ?? estimateRow(undefined),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 4,
    scrollMargin,
    rangeExtractor,
    // Scrolling moves the rows in place; React renders only when rows come or go (not on every scroll event).
    directDomUpdates: true,
    directDomUpdatesMode: 'position',
    // Rows that come into view are rendered with the next frame, not synchronously inside each scroll event.
    useFlushSync: false,
  });
  const { containerRef } = virtualizer;
  const listRefs = useCallback(
    (node: HTMLUListElement | null) => {
      listRef.current = node;
      containerRef(node);
    },
    [containerRef],
  );

  // Where the list starts inside the scrolling body (below its padding and any notice): measured when what is
  // above it may have changed, not on every scroll.
  const hasRows = rows.length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the status and whether there are rows say when to measure.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const list = listRef.current;
    if (!body || !list) return;
    const offset = list.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop;
    setScrollMargin((old) => (Math.abs(offset - old) > 0.5 ? offset : old));
  }, [content.status, hasRows]);

  // A row asked for by the keyboard is focused once it is in the DOM (at once when it already is).
  const pendingFocus = useRef<number | null>(null);
  const focusPending = useCallback(() => {
    const row = pendingFocus.current;
    if (row === null) return;
    const item = listRef.current?.querySelector<HTMLElement>(`[data-index="${row}"] [data-synth-item]`);
    if (!item) return;
    pendingFocus.current = null;
    item.focus({ preventScroll: true });
    // The column has scrolled the row in; the page (a phone) and the row of boards (sideways) may need to follow.
    item.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, []);
  useLayoutEffect(focusPending);

  const live = useRef({ rows, terms, virtualizer });
  live.current = { rows, terms, virtualizer };
  useEffect(() => {
    onHandle(column, {
      count: () => live.current.rows.length,
      focusRow: (row) => {
        pendingFocus.current = row;
        setFocused(row);
        live.current.virtualizer.scrollToIndex(row, { align: 'auto' });
        focusPending();
      },
      nextMatch: (from) => nextMatchRow(live.current.rows, live.current.terms, from),
    });
    return () => onHandle(column, null);
  }, [onHandle, column, focusPending]);

  return (
    <section
      className="synth-board"
      aria-labelledby={headingId}
      data-testid="synth-board"
      data-board-id={board.id}
      data-board-kind={board.kind}
      data-synth-column={column}
      data-status={content.status}
      data-rows={rows.length}
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
          {countText}
        </span>
      </header>
      <div className="synth-board-body" ref={bodyRef}>
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
        {content.status !== 'loading' && rows.length > 0 && (
          <ul
            className="synth-rows"
            ref={listRefs}
            aria-labelledby={headingId}
            onFocus={(event) => {
              const index = event.target.closest<HTMLElement>('[data-index]')?.dataset.index;
              if (index !== undefined) setFocused(Number(index));
            }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <ColumnRowView
                  key={item.key}
                  ref={virtualizer.measureElement}
                  index={item.index}
                  count={rows.length}
                  row={row}
                  boardId={board.id}
                  terms={terms}
                  picked={picked}
                  marks={marks}
                  votes={votes}
                  themeDim={dimThemes.has((row.kind === 'theme' ? row.cluster : row.theme)?.id ?? '')}
                  onPick={onPick}
                  t={t}
                />
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
});
