import type { ClusterView, NoteView } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { blockRows, columnRows, keptRows, nextMatchRow } from './columnRows';

const note = (id: string, text: string, clusterId?: string): NoteView =>
  ({ id, text, x: 0, y: 0, color: 'yellow', ...(clusterId ? { clusterId } : {}) }) as NoteView;
const theme = (id: string, title: string): ClusterView => ({ id, title, x: 0, y: 0, w: 100, h: 100 }) as ClusterView;

describe("a synthesis column's rows", () => {
  const layout = {
    themes: [
      { cluster: theme('t1', 'Service'), notes: [note('a', 'Én indgang', 't1'), note('b', 'Kortere svartid', 't1')] },
      { cluster: theme('t2', 'Tomt tema'), notes: [] },
    ],
    loose: [note('c', 'Fælles kalender'), note('d', 'Mere tid til virksomhederne')],
  };
  const rows = columnRows(layout);

  it('lists each theme head before its notes, then the loose notes, one row per thing the keyboard reaches', () => {
    expect(rows.map((row) => row.key)).toEqual(['c:t1', 'n:a', 'n:b', 'c:t2', 'n:c', 'n:d']);
    expect(rows[0]).toMatchObject({ kind: 'theme', noteCount: 2 });
    expect(rows[3]).toMatchObject({ kind: 'theme', noteCount: 0 });
  });

  it("marks where a theme's box ends and where the loose notes' heading goes", () => {
    expect(rows.filter((row) => row.kind === 'note' && row.themeEnd).map((row) => row.key)).toEqual(['n:b']);
    expect(rows.filter((row) => row.kind === 'note' && row.looseStart).map((row) => row.key)).toEqual(['n:c']);
    // Without themes there is no heading over the loose notes.
    const plain = columnRows({ themes: [], loose: layout.loose });
    expect(plain.some((row) => row.kind === 'note' && row.looseStart)).toBe(false);
  });

  it('finds the next note that matches the search, from a given row on', () => {
    expect(nextMatchRow(rows, ['virksomhed'])).toBe(5);
    expect(nextMatchRow(rows, ['kalender'])).toBe(4);
    expect(nextMatchRow(rows, ['kalender'], 5)).toBe(-1);
    // Theme titles are not notes to jump to; no words, no match.
    expect(nextMatchRow(rows, ['service'])).toBe(-1);
    expect(nextMatchRow(rows, [])).toBe(-1);
  });

  it('keeps the first, the last and the focused row in the DOM beside the rows near the viewport', () => {
    expect(keptRows([10, 11, 12], 500, null)).toEqual([0, 10, 11, 12, 499]);
    expect(keptRows([0, 1, 2], 500, 250)).toEqual([0, 1, 2, 250, 499]);
    expect(keptRows([0, 1], 2, 1)).toEqual([0, 1]);
    expect(keptRows([], 0, 3)).toEqual([]);
    // A focused row that is gone (the board shrank) is not kept.
    expect(keptRows([0, 1], 3, 7)).toEqual([0, 1, 2]);
  });

  it('adds and removes rows a whole block at a time while scrolling, reaching past the viewport', () => {
    // Rows 30–38 in view with an overscan of 4 → blocks 24–35 and 36–47.
    const kept = blockRows({ startIndex: 30, endIndex: 38, overscan: 4, count: 500 }, 12);
    expect(kept[0]).toBe(24);
    expect(kept[kept.length - 1]).toBe(47);
    // Scrolling a row further changes nothing, so nothing is rendered or repainted.
    expect(blockRows({ startIndex: 31, endIndex: 39, overscan: 4, count: 500 }, 12)).toEqual(kept);
    // At the ends the blocks stop at the first and the last row.
    expect(blockRows({ startIndex: 0, endIndex: 5, overscan: 4, count: 500 }, 12)).toEqual(
      Array.from({ length: 12 }, (_, i) => i),
    );
    expect(blockRows({ startIndex: 495, endIndex: 499, overscan: 4, count: 500 }, 12).at(-1)).toBe(499);
    expect(blockRows({ startIndex: 0, endIndex: -1, overscan: 4, count: 0 }, 12)).toEqual([]);
  });
});
