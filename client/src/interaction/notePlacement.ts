import { NOTE_DEFAULT_SIZE } from '@samle/shared';
import type { Point } from './viewport';

/** How far each new note steps away from one already sitting on the spot. */
export const CASCADE_STEP = 24;

/**
 * Where a note created at `center` (board coords) goes: centred there, but
 * stepped diagonally while another note already has exactly that corner, so
 * pressing N five times gives five visible notes, not one stack.
 */
export function placeNewNote(center: Point, existing: Iterable<Point>): Point {
  const taken = new Set<string>();
  for (const note of existing) taken.add(`${Math.round(note.x)},${Math.round(note.y)}`);
  let x = Math.round(center.x - NOTE_DEFAULT_SIZE.w / 2);
  let y = Math.round(center.y - NOTE_DEFAULT_SIZE.h / 2);
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
