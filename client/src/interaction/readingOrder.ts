import type { Boxed } from './culling';
import type { Size, Viewport } from './viewport';

/**
 * Reading order of notes on the canvas, for the keyboard: rows from top to
 * bottom, each row from left to right. A note belongs to the row of the
 * topmost note not yet placed when its top edge lies above that note's
 * middle, so notes laid out by hand a few pixels apart still read as one row.
 * Ties (same place) fall back to the id, so the order is stable.
 */
export function readingOrder<T extends Boxed & { id: string }>(notes: readonly T[]): T[] {
  const byTop = [...notes].sort((a, b) => a.y - b.y || a.x - b.x || compareIds(a, b));
  const rows: T[][] = [];
  let row: T[] = [];
  for (const note of byTop) {
    const first = row[0];
    if (first && note.y < first.y + first.h / 2) {
      row.push(note);
    } else {
      if (row.length > 0) rows.push(row);
      row = [note];
    }
  }
  if (row.length > 0) rows.push(row);
  return rows.flatMap((r) => r.sort((a, b) => a.x - b.x || a.y - b.y || compareIds(a, b)));
}

function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * How far to pan (screen pixels) so that `box` (board coordinates) is wholly
 * on a canvas of `size`, with `margin` pixels to spare; 0 on an axis where it
 * already is. A box larger than the canvas shows its top left corner.
 */
export function panToReveal(box: Boxed, viewport: Viewport, size: Size, margin = 24): { dx: number; dy: number } {
  const left = box.x * viewport.zoom + viewport.panX;
  const top = box.y * viewport.zoom + viewport.panY;
  return {
    dx: revealAxis(left, box.w * viewport.zoom, size.width, margin),
    dy: revealAxis(top, box.h * viewport.zoom, size.height, margin),
  };
}

function revealAxis(start: number, length: number, room: number, margin: number): number {
  const end = start + length;
  if (start < margin || length > room - margin * 2) return margin - start;
  if (end > room - margin) return room - margin - end;
  return 0;
}
