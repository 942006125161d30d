import type { Rect } from './viewport';

/**
 * Culling: the canvas mounts only notes that intersect the visible board rect
 * (plus a margin, so notes do not pop in at the very edge while panning).
 */

export interface Boxed {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function intersects(a: Rect, b: Boxed): boolean {
  return b.x < a.x + a.width && b.x + b.w > a.x && b.y < a.y + a.height && b.y + b.h > a.y;
}

export function expandRect(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, width: rect.width + margin * 2, height: rect.height + margin * 2 };
}

/**
 * The items to mount for `visible`. `keep` (e.g. the note being dragged or
 * edited) is always included so it never unmounts under the user's hands.
 * Order is preserved, since it is the stacking order.
 */
export function cullToRect<T extends Boxed & { id: string }>(
  items: readonly T[],
  visible: Rect,
  margin: number,
  keep: ReadonlySet<string> = new Set(),
): T[] {
  const area = expandRect(visible, margin);
  return items.filter((item) => keep.has(item.id) || intersects(area, item));
}
