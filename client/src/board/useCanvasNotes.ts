import type { NoteView } from '@samle/shared';
import { useMemo, useRef } from 'react';
import { indexNotes, type NoteIndex, type NoteWindow, windowNotes } from '../interaction/noteWindow';
import { readingOrder } from '../interaction/readingOrder';
import type { Rect } from '../interaction/viewport';

interface Sorted {
  /** The notes as they were sorted, in the stacking order they came in. */
  notes: readonly NoteView[];
  /** Those notes in reading order, and where they are. */
  order: readonly NoteView[];
  index: NoteIndex;
}

/** Same ids in the same places, each note where it was and as big: the reading order and the index still hold. */
function samePlaces(a: readonly NoteView[], b: readonly NoteView[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [p, q] = [a[i] as NoteView, b[i] as NoteView];
    if (p !== q && (p.id !== q.id || p.x !== q.x || p.y !== q.y || p.w !== q.w || p.h !== q.h)) return false;
  }
  return true;
}

/** `order`'s notes re-read from `notes`, then the notes it lacks; complete when none of `order` is gone. */
function reRead(order: readonly NoteView[], notes: readonly NoteView[]): { order: NoteView[]; complete: boolean } {
  const byId = new Map(notes.map((note) => [note.id, note]));
  const next: NoteView[] = [];
  let complete = true;
  for (const old of order) {
    const note = byId.get(old.id);
    if (!note) {
      complete = false;
      continue;
    }
    next.push(note);
    byId.delete(old.id);
  }
  next.push(...byId.values());
  return { order: next, complete };
}

/**
 * The notes the canvas mounts (see windowNotes), in reading order, and each
 * note's place in the stacking order. The board is sorted into reading order
 * and indexed by place only when a note is added, removed, moved or resized;
 * a text edit or a recolouring re-reads the notes into the order it has. While
 * notes are being dragged the reading order and the index are the ones from
 * before the drag (notes added meanwhile go at the end; the dragged notes are
 * kept in the window wherever they are), so a drag frame on a 10,000-note
 * board neither sorts nor indexes the board; both catch up when the drag ends.
 */
export function useCanvasNotes(
  notes: readonly NoteView[],
  options: {
    dragging: boolean;
    visible: Rect;
    margin: number;
    keep: ReadonlySet<string>;
    focused: readonly (string | undefined)[];
  },
): NoteWindow<NoteView> & { stackOf: ReadonlyMap<string, number> } {
  const { dragging, visible, margin, keep, focused } = options;
  const stackOf = useMemo(() => new Map(notes.map((note, stack) => [note.id, stack])), [notes]);
  const sorted = useRef<Sorted | undefined>(undefined);
  const { ordered, index } = useMemo(() => {
    const last = sorted.current;
    if (last && (dragging || samePlaces(last.notes, notes))) {
      const { order, complete } = reRead(last.order, notes);
      if (!dragging) sorted.current = { ...last, notes, order };
      return { ordered: order, index: complete ? last.index : undefined };
    }
    const order = readingOrder(notes);
    const fresh = { notes, order, index: indexNotes(order) };
    sorted.current = fresh;
    return { ordered: order, index: fresh.index };
  }, [notes, dragging]);
  const [first, second] = focused;
  const window = useMemo(
    () => windowNotes(ordered, { visible, margin, keep, focused: [first, second], index }),
    [ordered, index, visible, margin, keep, first, second],
  );
  return { ...window, stackOf };
}
