import { describe, expect, it } from 'vitest';
import { indexNotes, notesIn, windowNotes } from './noteWindow';
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

  it('mounts nothing on an empty board, even when told to window from zero', () => {
    expect(windowNotes([], { visible: view, margin: 0, windowFrom: 0 })).toEqual({ mounted: [], full: new Set() });
  });

  it('gives the same window with an index built once as without one', () => {
    const ordered = grid(10_000);
    const index = indexNotes(ordered);
    for (const visible of [view, { x: 12_000, y: 9_000, width: 3_000, height: 2_000 }]) {
      const options = { visible, margin: 240, keep: new Set(['n7777']), focused: ['n5000'], windowFrom: 500 };
      const withIndex = windowNotes(ordered, { ...options, index });
      expect(ids(withIndex.mounted)).toEqual(ids(windowNotes(ordered, options).mounted));
    }
  });
});

describe('indexNotes / notesIn', () => {
  /** A seeded pseudo-random board: negative places, notes of every size, some far out. */
  const scattered = (count: number) => {
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    return readingOrder(
      Array.from({ length: count }, (_, i) => ({
        id: `s${i}`,
        x: Math.round((next() - 0.5) * (i % 50 === 0 ? 200_000 : 20_000)),
        y: Math.round((next() - 0.5) * 12_000),
        w: i % 97 === 0 ? 5_000 : 120 + Math.round(next() * 300),
        h: 100 + Math.round(next() * 300),
      })),
    );
  };
  const bruteForce = (ordered: ReturnType<typeof scattered>, area: typeof view) =>
    ordered.flatMap((n, i) =>
      n.x < area.x + area.width && n.x + n.w > area.x && n.y < area.y + area.height && n.y + n.h > area.y ? [i] : [],
    );

  it('finds exactly the notes that intersect an area, in reading order, wherever the area is', () => {
    const ordered = [...scattered(3_000), { id: 'edge', x: 9e10, y: 0, w: 200, h: 160 }];
    const index = indexNotes(ordered);
    const areas = [
      view,
      { x: -5_000, y: -3_000, width: 1_440, height: 900 },
      { x: 2_047, y: 1_023, width: 2, height: 2 }, // on cell borders
      { x: -300_000, y: -300_000, width: 600_000, height: 600_000 }, // wider than the board: walks the cells
      { x: 500_000, y: 500_000, width: 100, height: 100 }, // nothing there
      { x: -1e12, y: -10, width: 2e12, height: 20 }, // beyond the cells' range: clamped to the edge cells
    ];
    for (const area of areas) expect(notesIn(index, ordered, area)).toEqual(bruteForce(ordered, area));
  });

  it('lists a note that spans several cells once', () => {
    const ordered = [{ id: 'big', x: -10, y: -10, w: 5_000, h: 3_000 }];
    expect(notesIn(indexNotes(ordered), ordered, { x: -100, y: -100, width: 10_000, height: 10_000 })).toEqual([0]);
  });

  it('still serves a list with notes added at the end (a note added while another is dragged)', () => {
    const ordered = grid(1_000);
    const index = indexNotes(ordered);
    const added = [...ordered, note('late', 10, 10), note('far', 90_000, 90_000)];
    expect(notesIn(index, added, view)).toEqual(bruteForce(added, view));
    const { mounted, full } = windowNotes(added, { visible: view, margin: 0, keep: new Set(['far']), index });
    expect(ids(mounted)).toEqual(expect.arrayContaining(['late', 'far']));
    expect(full.has('late') && full.has('far')).toBe(true);
  });

  it('takes notes of any size a hostile doc gives without walking their cells', () => {
    const ordered = [
      { id: 'huge', x: 0, y: 0, w: 1e15, h: 1e15 },
      { id: 'negative', x: 500, y: 500, w: -300, h: 100 },
      { id: 'plain', x: 100, y: 100, w: 200, h: 160 },
    ];
    const index = indexNotes(ordered);
    expect(index.big).toEqual([0]); // the negative width ends in its own cell: listed there, never found
    expect(notesIn(index, ordered, view)).toEqual(bruteForce(ordered, view));
  });
});
