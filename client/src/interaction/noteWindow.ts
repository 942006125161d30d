import { type Boxed, expandRect, intersects } from './culling';
import type { Rect } from './viewport';

/**
 * From this many notes on, the canvas leaves out of the DOM the notes that are
 * far from view. Below it every note is in the DOM (out of view as its
 * focusable box), which costs little and lets a screen reader's browse mode
 * list the whole board.
 */
export const WINDOW_FROM = 500;

/** Board pixels on a side of one cell of the note index (a note is ~200 × 160). */
const CELL = 1024;
/** A note over more cells than this is not listed in cells (a hostile w of 10¹⁵ must not stall the page). */
const BIG_CELLS = 16;

export interface NoteWindow<T> {
  /** The notes to put in the DOM, in reading order. */
  mounted: T[];
  /** Of those, the ones shown in full: in or near view, or kept. The rest are focusable boxes. */
  full: Set<string>;
}

/**
 * Where the notes of one reading order are: each note's place in it, and a
 * grid of square cells listing the places of the notes that overlap each cell.
 * Built once per reading order, it answers "which notes are in view" by
 * looking at the cells in view instead of at every note, so panning a
 * 10,000-note board does not walk the board. It stays usable for a later list
 * that starts with the same ids in the same places (the same notes re-read,
 * or more added at the end): the places of the notes are what it holds.
 */
export interface NoteIndex {
  /** How many notes it covers: the first `size` of the reading order it was built from. */
  readonly size: number;
  readonly place: ReadonlyMap<string, number>;
  readonly cells: ReadonlyMap<number, readonly number[]>;
  /** Notes over more than a few cells (any size a hostile doc gives), looked at one by one. */
  readonly big: readonly number[];
}

/** A cell's column or row, clamped so that a cell's key is one number (a board ±33 million pixels wide). */
const cellOf = (value: number) => Math.min(32_767, Math.max(-32_768, Math.floor(value / CELL)));
const keyOf = (cx: number, cy: number) => (cx + 32_768) * 65_536 + (cy + 32_768);

export function indexNotes(ordered: readonly (Boxed & { id: string })[]): NoteIndex {
  const place = new Map<string, number>();
  const cells = new Map<number, number[]>();
  const big: number[] = [];
  ordered.forEach((note, i) => {
    place.set(note.id, i);
    const [x0, x1, y0, y1] = [cellOf(note.x), cellOf(note.x + note.w), cellOf(note.y), cellOf(note.y + note.h)];
    if (x1 < x0 || y1 < y0 || (x1 - x0 + 1) * (y1 - y0 + 1) > BIG_CELLS) {
      big.push(i);
      return;
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = keyOf(cx, cy);
        const list = cells.get(key);
        if (list) list.push(i);
        else cells.set(key, [i]);
      }
    }
  });
  return { size: ordered.length, place, cells, big };
}

/**
 * The places (ascending) of the notes of `ordered` that intersect `area`, using `index` for the first
 * `index.size` of them (where `ordered` must hold the notes it was built from, in the same places, at
 * the places they were indexed) and looking at the rest one by one.
 */
export function notesIn<T extends Boxed>(index: NoteIndex, ordered: readonly T[], area: Rect): number[] {
  const [x0, x1, y0, y1] = [cellOf(area.x), cellOf(area.x + area.width), cellOf(area.y), cellOf(area.y + area.height)];
  const found = new Set<number>();
  const look = (list: readonly number[] | undefined) => {
    for (const i of list ?? []) if (i < ordered.length && intersects(area, ordered[i] as T)) found.add(i);
  };
  if ((x1 - x0 + 1) * (y1 - y0 + 1) > index.cells.size) {
    // An area wider than the board has cells (far zoomed out): the cells that hold notes are fewer.
    for (const list of index.cells.values()) look(list);
  } else {
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) look(index.cells.get(keyOf(cx, cy)));
  }
  look(index.big);
  for (let i = index.size; i < ordered.length; i++) if (intersects(area, ordered[i] as T)) found.add(i);
  return [...found].sort((a, b) => a - b);
}

/**
 * Which notes the canvas mounts, given every note in reading order. A note is
 * shown in full when it intersects `visible` grown by `margin`, or is in
 * `keep` (dragged, selected, edited). On a board of `windowFrom` notes or
 * more, a note out of view is mounted (as a box) only where the keyboard
 * needs it: the first and the last in reading order (where Tab and Shift+Tab
 * enter the board) and the neighbours of each `focused` note (where Tab and
 * Shift+Tab go next; focusing a note pans the board to it). Smaller boards
 * mount every note. `index` (from indexNotes over the same `ordered`) makes a
 * big board's window cost what is in view, not the whole board.
 */
export function windowNotes<T extends Boxed & { id: string }>(
  ordered: readonly T[],
  options: {
    visible: Rect;
    margin: number;
    keep?: ReadonlySet<string>;
    focused?: readonly (string | undefined)[];
    windowFrom?: number;
    /** From indexNotes over these notes (see NoteIndex for when an older one still fits). */
    index?: NoteIndex;
  },
): NoteWindow<T> {
  const { visible, margin, keep = new Set<string>(), focused = [], windowFrom = WINDOW_FROM } = options;
  const area = expandRect(visible, margin);
  const full = new Set<string>();
  if (ordered.length < windowFrom || ordered.length === 0) {
    for (const note of ordered) if (keep.has(note.id) || intersects(area, note)) full.add(note.id);
    return { mounted: [...ordered], full };
  }
  const index = options.index && options.index.size <= ordered.length ? options.index : indexNotes(ordered);
  /** A note added after the index was built: its place, looked up among those added. */
  const later = (id: string) => {
    for (let i = index.size; i < ordered.length; i++) if ((ordered[i] as T).id === id) return i;
    return undefined;
  };
  const places = new Set<number>(notesIn(index, ordered, area));
  for (const i of places) full.add((ordered[i] as T).id);
  const placeOf = (id: string) => index.place.get(id) ?? later(id);
  for (const id of keep) {
    const i = placeOf(id);
    if (i === undefined) continue;
    places.add(i);
    full.add(id);
  }
  places.add(0);
  places.add(ordered.length - 1);
  for (const id of focused) {
    const i = id === undefined ? undefined : placeOf(id);
    if (i === undefined) continue;
    for (const near of [i - 1, i, i + 1]) if (near >= 0 && near < ordered.length) places.add(near);
  }
  const mounted = [...places].sort((a, b) => a - b).map((i) => ordered[i] as T);
  return { mounted, full };
}
