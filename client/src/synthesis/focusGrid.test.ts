import { describe, expect, it } from 'vitest';
import { isGridKey, moveInGrid, tabInGrid } from './focusGrid';

describe('moving the focus across boards with the keyboard', () => {
  const lengths = [3, 0, 2];

  it('moves up and down within a board and stops at its ends', () => {
    expect(moveInGrid(lengths, { column: 0, row: 0 }, 'ArrowDown')).toEqual({ column: 0, row: 1 });
    expect(moveInGrid(lengths, { column: 0, row: 2 }, 'ArrowDown')).toEqual({ column: 0, row: 2 });
    expect(moveInGrid(lengths, { column: 0, row: 0 }, 'ArrowUp')).toEqual({ column: 0, row: 0 });
    expect(moveInGrid(lengths, { column: 0, row: 1 }, 'End')).toEqual({ column: 0, row: 2 });
    expect(moveInGrid(lengths, { column: 0, row: 2 }, 'Home')).toEqual({ column: 0, row: 0 });
  });

  it('moves sideways to the next board with notes, at the same row or its last', () => {
    expect(moveInGrid(lengths, { column: 0, row: 2 }, 'ArrowRight')).toEqual({ column: 2, row: 1 });
    expect(moveInGrid(lengths, { column: 2, row: 0 }, 'ArrowLeft')).toEqual({ column: 0, row: 0 });
    expect(moveInGrid(lengths, { column: 2, row: 1 }, 'ArrowRight')).toEqual({ column: 2, row: 1 });
  });

  it('knows which keys it handles', () => {
    expect(isGridKey('ArrowLeft')).toBe(true);
    expect(isGridKey('a')).toBe(false);
  });

  it('walks every item with Tab, board after board, skipping empty boards, and lets Tab leave at the ends', () => {
    expect(tabInGrid(lengths, { column: 0, row: 1 }, false)).toEqual({ column: 0, row: 2 });
    expect(tabInGrid(lengths, { column: 0, row: 2 }, false)).toEqual({ column: 2, row: 0 });
    expect(tabInGrid(lengths, { column: 2, row: 1 }, false)).toBeNull();
    expect(tabInGrid(lengths, { column: 2, row: 0 }, true)).toEqual({ column: 0, row: 2 });
    expect(tabInGrid(lengths, { column: 0, row: 1 }, true)).toEqual({ column: 0, row: 0 });
    expect(tabInGrid(lengths, { column: 0, row: 0 }, true)).toBeNull();
  });

  it('walks all 2,000 items of four 500-note boards with Tab, and back with Shift+Tab', () => {
    const big = [500, 500, 500, 500];
    let at: { column: number; row: number } | null = { column: 0, row: 0 };
    let steps = 0;
    while (at) {
      const next = tabInGrid(big, at, false);
      if (!next) break;
      at = next;
      steps++;
    }
    expect(steps).toBe(1999);
    expect(at).toEqual({ column: 3, row: 499 });
    expect(tabInGrid(big, { column: 3, row: 0 }, true)).toEqual({ column: 2, row: 499 });
  });
});
