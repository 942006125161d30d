/**
 * Keyboard movement on the synthesis view: the boards are columns of
 * focusable things (themes and notes, top to bottom). Up/Down move within a
 * board, Left/Right to the same row of the next board that has anything
 * (the last row when it has fewer), Home/End to the first/last of the board.
 */

export interface GridPosition {
  column: number;
  row: number;
}

export type GridKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

export function isGridKey(key: string): key is GridKey {
  return ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(key);
}

export function moveInGrid(lengths: readonly number[], at: GridPosition, key: GridKey): GridPosition {
  const length = lengths[at.column] ?? 0;
  switch (key) {
    case 'ArrowUp':
      return { column: at.column, row: Math.max(0, at.row - 1) };
    case 'ArrowDown':
      return { column: at.column, row: Math.min(Math.max(0, length - 1), at.row + 1) };
    case 'Home':
      return { column: at.column, row: 0 };
    case 'End':
      return { column: at.column, row: Math.max(0, length - 1) };
    case 'ArrowLeft':
    case 'ArrowRight': {
      const step = key === 'ArrowLeft' ? -1 : 1;
      for (let column = at.column + step; column >= 0 && column < lengths.length; column += step) {
        const size = lengths[column] ?? 0;
        if (size > 0) return { column, row: Math.min(at.row, size - 1) };
      }
      return at;
    }
  }
}

/**
 * Tab and Shift+Tab walk every item in reading order — down a board, then on to
 * the next board that has anything — even when the next item is not in the DOM
 * (the columns are virtualised). Null when Tab leaves the boards (after the last
 * item, or before the first with Shift): the browser then moves on as usual.
 */
export function tabInGrid(lengths: readonly number[], at: GridPosition, backwards: boolean): GridPosition | null {
  if (!backwards) {
    if (at.row + 1 < (lengths[at.column] ?? 0)) return { column: at.column, row: at.row + 1 };
    for (let column = at.column + 1; column < lengths.length; column++) {
      if ((lengths[column] ?? 0) > 0) return { column, row: 0 };
    }
    return null;
  }
  if (at.row > 0) return { column: at.column, row: Math.min(at.row - 1, (lengths[at.column] ?? 1) - 1) };
  for (let column = at.column - 1; column >= 0; column--) {
    const size = lengths[column] ?? 0;
    if (size > 0) return { column, row: size - 1 };
  }
  return null;
}
