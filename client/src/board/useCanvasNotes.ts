import type { NoteView } from '@samle/shared';
import { useMemo, useRef } from 'react';
import { type NoteWindow, windowNotes } from '../interaction/noteWindow';
import { readingOrder } from '../interaction/readingOrder';
import type { Rect } from '../interaction/viewport';

/**
 * The notes the canvas mounts (see windowNotes), in reading order, and each
 * note's place in the stacking order. While notes are being dragged the
 * reading order is the one from before the drag (notes added meanwhile go at
 * the end), so a drag frame on a 10,000-note board does not sort the board;
 * the order catches up when the drag ends.
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
  const lastOrder = useRef<readonly string[]>([]);
  const ordered = useMemo(() => {
    if (!dragging || lastOrder.current.length === 0) {
      const order = readingOrder(notes);
      lastOrder.current = order.map((note) => note.id);
      return order;
    }
    const byId = new Map(notes.map((note) => [note.id, note]));
    const order: NoteView[] = [];
    for (const id of lastOrder.current) {
      const note = byId.get(id);
      if (!note) continue;
      order.push(note);
      byId.delete(id);
    }
    return [...order, ...byId.values()];
  }, [notes, dragging]);
  const [first, second] = focused;
  const window = useMemo(
    () => windowNotes(ordered, { visible, margin, keep, focused: [first, second] }),
    [ordered, visible, margin, keep, first, second],
  );
  return { ...window, stackOf };
}
