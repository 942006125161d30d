import { describe, expect, it } from 'vitest';
import { panToReveal, readingOrder } from './readingOrder';

const note = (id: string, x: number, y: number, h = 160) => ({ id, x, y, w: 200, h });
const ids = (notes: readonly { id: string }[]) => notes.map((n) => n.id);

describe('reading order', () => {
  it('reads rows top to bottom, each row left to right, whatever the stacking order', () => {
    const notes = [note('c', 500, 0), note('d', 0, 400), note('a', 0, 0), note('b', 250, 10)];
    expect(ids(readingOrder(notes))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps notes a little out of line in one row, and starts a new row below the middle of the first', () => {
    // b's top is 70 px lower than a's (above a's middle at 80): same row. c's top is past it: next row.
    const notes = [note('b', 300, 70), note('a', 400, 0), note('c', 0, 90)];
    expect(ids(readingOrder(notes))).toEqual(['b', 'a', 'c']);
  });

  it('puts a note far off to the right or below in its place in the reading', () => {
    const notes = [note('far-below', 0, 9000), note('far-right', 9000, 20), note('home', 0, 0)];
    expect(ids(readingOrder(notes))).toEqual(['home', 'far-right', 'far-below']);
  });

  it('is stable for notes in the same place, and leaves its input alone', () => {
    const notes = [note('y', 0, 0), note('x', 0, 0)];
    expect(ids(readingOrder(notes))).toEqual(['x', 'y']);
    expect(ids(notes)).toEqual(['y', 'x']);
    expect(readingOrder([])).toEqual([]);
  });
});

describe('panning to reveal a note', () => {
  const size = { width: 1000, height: 800 };
  const home = { panX: 0, panY: 0, zoom: 1 };

  it('does not pan for a note already wholly on screen', () => {
    expect(panToReveal(note('a', 100, 100), home, size)).toEqual({ dx: 0, dy: 0 });
  });

  it('pans just enough to show a note past the right or bottom edge, with a margin', () => {
    expect(panToReveal(note('a', 5000, 100), home, size)).toEqual({ dx: 1000 - 24 - 5200, dy: 0 });
    expect(panToReveal(note('a', 100, 3000), home, size)).toEqual({ dx: 0, dy: 800 - 24 - 3160 });
  });

  it('pans to show a note above or to the left, at the current zoom', () => {
    const view = { panX: 500, panY: 400, zoom: 0.5 };
    // The note's screen position is (500 - 1500, 400 - 1000) = (-1000, -600).
    expect(panToReveal(note('a', -3000, -2000), view, size)).toEqual({ dx: 1024, dy: 624 });
  });

  it('shows the top left of a note bigger than the canvas', () => {
    expect(panToReveal({ x: 0, y: 0, w: 2000, h: 100 }, { panX: -50, panY: 0, zoom: 1 }, size, 10)).toEqual({
      dx: 60,
      dy: 10,
    });
  });
});
