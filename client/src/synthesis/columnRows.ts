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
