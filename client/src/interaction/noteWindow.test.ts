import { describe, expect, it } from 'vitest';
import { windowNotes } from './noteWindow';
import { readingOrder } from './readingOrder';

const note = (id: string, x: number, y: number) => ({ id, x, y, w: 200, h: 160 });
/** A grid of `count` notes, 100 to a row, 250 × 200 apart: reading order is n0, n1, … */
const grid = (count: number) =>
  readingOrder(Array.from({ length: count }, (_, i) => note(`n${i}`, (i % 100) * 250, Math.floor(i / 100) * 200)));
const view = { x: 0, y: 0, width: 1000, height: 800 };
const ids = (notes: readonly { id: string }[]) => notes.map((n) => n.id);

describe('windowNotes', () => {
  it('mounts every note of a small board, those out of view as boxes', () => {
    const { mounted, full } = windowNotes(grid(300), { visible: view, margin: 0, windowFrom: 500 });
    expect(mounted).toHaveLength(300);
    expect(full.size).toBe(12); // its 3 rows, 4 notes each, intersect the view
    expect(full.has('n0')).toBe(true);
    expect(full.has('n299')).toBe(false);
  });

  it('on a big board mounts the notes in view, the first and the last, in reading order', () => {
    const { mounted, full } = windowNotes(grid(10_000), { visible: view, margin: 0, windowFrom: 500 });
    expect(mounted).toHaveLength(17);
    expect(ids(mounted).slice(0, 6)).toEqual(['n0', 'n1', 'n2', 'n3', 'n100', 'n101']);
    expect(ids(mounted).at(-1)).toBe('n9999');
    expect(full.has('n9999')).toBe(false);
  });

  it('mounts the reading-order neighbours of a focused note, so Tab and Shift+Tab reach notes out of view', () => {
    const { mounted, full } = windowNotes(grid(10_000), {
      visible: view,
      margin: 0,
      focused: ['n3', 'n5000'],
      windowFrom: 500,
    });
    // n3 is the last in view on its row: Tab goes on to n4, off screen.
    expect(ids(mounted)).toContain('n4');
    expect(ids(mounted)).toEqual(expect.arrayContaining(['n4999', 'n5000', 'n5001']));
    expect(full.has('n4')).toBe(false);
    expect(mounted).toHaveLength(17 + 1 + 3);
    // Still in reading order: n3 is followed by n4, then the next row in view.
    const at = ids(mounted).indexOf('n3');
    expect(ids(mounted).slice(at, at + 3)).toEqual(['n3', 'n4', 'n100']);
  });

  it('always shows a kept note in full, wherever it is', () => {
    const { mounted, full } = windowNotes(grid(10_000), {
      visible: view,
      margin: 0,
      keep: new Set(['n7777']),
      windowFrom: 500,
    });
    expect(ids(mounted)).toContain('n7777');
    expect(full.has('n7777')).toBe(true);
  });

  it('counts the margin around the view as in view', () => {
    const { full } = windowNotes(grid(10_000), { visible: view, margin: 240, windowFrom: 500 });
    expect(full.has('n4')).toBe(true); // x 1000 lies within 1000 + 240
    expect(full.has('n5')).toBe(false); // x 1250 does not
  });
});
