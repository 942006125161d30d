import { type Boxed, expandRect, intersects } from './culling';
import type { Rect } from './viewport';

/**
 * From this many notes on, the canvas leaves out of the DOM the notes that are
 * far from view. Below it every note is in the DOM (out of view as its
 * focusable box), which costs little and lets a screen reader's browse mode
 * list the whole board.
 */
export const WINDOW_FROM = 500;

export interface NoteWindow<T> {
  /** The notes to put in the DOM, in reading order. */
  mounted: T[];
  /** Of those, the ones shown in full: in or near view, or kept. The rest are focusable boxes. */
  full: Set<string>;
}

/**
 * Which notes the canvas mounts, given every note in reading order. A note is
 * shown in full when it intersects `visible` grown by `margin`, or is in
 * `keep` (dragged, selected, edited). On a board of `windowFrom` notes or
 * more, a note out of view is mounted (as a box) only where the keyboard
 * needs it: the first and the last in reading order (where Tab and Shift+Tab
 * enter the board) and the neighbours of each `focused` note (where Tab and
 * Shift+Tab go next; focusing a note pans the board to it). Smaller boards
 * mount every note.
 */
export function windowNotes<T extends Boxed & { id: string }>(
  ordered: readonly T[],
  options: {
    visible: Rect;
    margin: number;
    keep?: ReadonlySet<string>;
    focused?: readonly (string | undefined)[];
    windowFrom?: number;
  },
): NoteWindow<T> {
  const { visible, margin, keep = new Set<string>(), focused = [], windowFrom = WINDOW_FROM } = options;
  const area = expandRect(visible, margin);
  const windowed = ordered.length >= windowFrom;
  const stops = new Set<number>();
  if (windowed) {
    stops.add(0);
    stops.add(ordered.length - 1);
    const wanted = new Set(focused.filter((id): id is string => id !== undefined));
    if (wanted.size > 0) {
      ordered.forEach((note, i) => {
        if (!wanted.has(note.id)) return;
        stops.add(i - 1);
        stops.add(i);
        stops.add(i + 1);
      });
    }
  }
  const mounted: T[] = [];
  const full = new Set<string>();
  ordered.forEach((note, i) => {
    const shown = keep.has(note.id) || intersects(area, note);
    if (shown) full.add(note.id);
    if (shown || !windowed || stops.has(i)) mounted.push(note);
  });
  return { mounted, full };
}
