import type { ClusterView, NoteView } from '@samle/shared';
import type { BoardLayout } from './boards';
import { matchRanges } from './search';

/**
 * A board's column in the synthesis view as one flat list of rows, so that only
 * the rows near the viewport need to be in the DOM. Every row is one thing the
 * keyboard can reach — a theme's head or a note — so a row's index is also its
 * place in the column for the arrow keys (focusGrid.ts) and for a screen reader
 * (aria-posinset). A theme is drawn as a run of rows: its head, then its notes.
 */
export type ColumnRow =
  | {
      kind: 'theme';
      key: string;
      cluster: ClusterView;
      /** How many notes the theme holds (the rows that follow it). */
      noteCount: number;
    }
  | {
      kind: 'note';
      key: string;
      note: NoteView;
      /** The theme the note sits in; null for a loose note. */
      theme: ClusterView | null;
      /** Where in its theme the note is, for drawing the theme's box around its rows. */
      themeEnd: boolean;
      /** The first loose note on a board with themes carries the "not in a theme" heading. */
      looseStart: boolean;
    };

export function columnRows(layout: BoardLayout): ColumnRow[] {
  const rows: ColumnRow[] = [];
  for (const { cluster, notes } of layout.themes) {
    rows.push({ kind: 'theme', key: `c:${cluster.id}`, cluster, noteCount: notes.length });
    notes.forEach((note, index) => {
      rows.push({
        kind: 'note',
        key: `n:${note.id}`,
        note,
        theme: cluster,
        themeEnd: index === notes.length - 1,
        looseStart: false,
      });
    });
  }
  layout.loose.forEach((note, index) => {
    rows.push({
      kind: 'note',
      key: `n:${note.id}`,
      note,
      theme: null,
      themeEnd: false,
      looseStart: index === 0 && layout.themes.length > 0,
    });
  });
  return rows;
}

/** The first row at or after `from` whose note matches the search words; -1 for none. */
export function nextMatchRow(rows: readonly ColumnRow[], terms: readonly string[], from = 0): number {
  if (terms.length === 0) return -1;
  for (let index = Math.max(0, from); index < rows.length; index++) {
    const row = rows[index];
    if (row?.kind === 'note' && matchRanges(row.note.text, terms) !== null) return index;
  }
  return -1;
}

/** How many rows come and go together while scrolling (see blockRows). */
export const ROW_BLOCK = 12;

/**
 * The rows near the viewport, widened to whole blocks of `block` rows: while a column scrolls, rows are added
 * and removed a block at a time, ahead of the viewport, instead of one or two in every frame — each change is a
 * render, a layout and a repaint of the tiles the rows land on, so fewer, bigger changes cost less in all.
 */
export function blockRows(
  range: { startIndex: number; endIndex: number; overscan: number; count: number },
  block = ROW_BLOCK,
): number[] {
  if (range.count <= 0 || range.endIndex < range.startIndex) return [];
  const from = Math.max(0, Math.floor((range.startIndex - range.overscan) / block) * block);
  const to = Math.min(range.count - 1, (Math.floor((range.endIndex + range.overscan) / block) + 1) * block - 1);
  const rows: number[] = [];
  for (let index = from; index <= to; index++) rows.push(index);
  return rows;
}

/**
 * The rows to keep in the DOM: those the virtualiser picked near the viewport,
 * plus the ones the keyboard needs — the first and the last row (where Tab and
 * Shift+Tab come into the column from outside) and the focused one, so scrolling
 * with the wheel never takes the focus away. Sorted, without repeats, in range.
 */
export function keptRows(near: readonly number[], count: number, focused: number | null): number[] {
  const kept = new Set(near.filter((index) => index >= 0 && index < count));
  if (count > 0) {
    kept.add(0);
    kept.add(count - 1);
  }
  if (focused !== null && focused >= 0 && focused < count) kept.add(focused);
  return [...kept].sort((a, b) => a - b);
}
