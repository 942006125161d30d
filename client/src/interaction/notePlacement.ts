import { NOTE_DEFAULT_SIZE } from '@samle/shared';
import type { Point } from './viewport';

/** How far each new note steps away from one already sitting on the spot (when no free slot is near). */
export const CASCADE_STEP = 24;
/** Space kept between a new note and its neighbours. */
export const NOTE_GAP = 16;

type Placed = Point & { w?: number; h?: number };

function overlaps(x: number, y: number, others: readonly Placed[]): boolean {
  const { w, h } = NOTE_DEFAULT_SIZE;
  return others.some((o) => {
    const ow = o.w ?? NOTE_DEFAULT_SIZE.w;
    const oh = o.h ?? NOTE_DEFAULT_SIZE.h;
    return x < o.x + ow + NOTE_GAP && o.x < x + w + NOTE_GAP && y < o.y + oh + NOTE_GAP && o.y < y + h + NOTE_GAP;
  });
}

/**
 * Where a note created at `center` (board coords) goes: centred there when that
 * spot is free; otherwise in the nearest free slot of a grid around it (one note
 * plus a gap apart, nearest ring first), so pressing N five times gives five
 * notes side by side, none covering another. On a crowded board it falls back to
 * stepping diagonally off the last note.
 */
export function placeNewNote(center: Point, existing: Iterable<Placed>): Point {
  const others = [...existing];
  const x0 = Math.round(center.x - NOTE_DEFAULT_SIZE.w / 2);
  const y0 = Math.round(center.y - NOTE_DEFAULT_SIZE.h / 2);
  const stepX = NOTE_DEFAULT_SIZE.w + NOTE_GAP;
  const stepY = NOTE_DEFAULT_SIZE.h + NOTE_GAP;
  for (let ring = 0; ring <= 4; ring++) {
    const slots: Array<[number, number]> = [];
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) slots.push([dx, dy]);
      }
    }
    // Nearest first; to the right and below before left and above (reading order).
    slots.sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]) || b[0] - a[0] || b[1] - a[1]);
    for (const [dx, dy] of slots) {
      const x = x0 + dx * stepX;
      const y = y0 + dy * stepY;
      if (!overlaps(x, y, others)) return { x, y };
    }
  }
  const taken = new Set(others.map((o) => `${Math.round(o.x)},${Math.round(o.y)}`));
  let x = x0;
  let y = y0;
  for (let i = 0; i < 100 && taken.has(`${x},${y}`); i++) {
    x += CASCADE_STEP;
    y += CASCADE_STEP;
  }
  return { x, y };
}

/** Space kept between existing content and a note placed beside it. */
export const BESIDE_GAP = 48;

/**
 * Where a note added without a pointer or a view (the list view) goes: to the
 * right of everything on the board, level with its top — never on top of a
 * theme, so it is clearly "not in a theme". Returns the note's centre.
 */
export function besideContent(content: readonly { x: number; y: number; w: number; h: number }[]): Point {
  if (content.length === 0) return { x: NOTE_DEFAULT_SIZE.w / 2, y: NOTE_DEFAULT_SIZE.h / 2 };
  const right = Math.max(...content.map((r) => r.x + r.w));
  const top = Math.min(...content.map((r) => r.y));
  return { x: right + BESIDE_GAP + NOTE_DEFAULT_SIZE.w / 2, y: top + NOTE_DEFAULT_SIZE.h / 2 };
}
