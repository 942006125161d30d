import { describe, expect, it } from 'vitest';
import { isGridKey, moveInGrid } from './focusGrid';

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
});
