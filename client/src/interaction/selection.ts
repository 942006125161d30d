import { intersects } from './culling';
import type { Rect } from './viewport';

/**
 * What is selected on the board: some notes, or one theme (never both, so
 * every toolbar and shortcut has one meaning). Pure values; the board
 * controller keeps the current one in React state.
 */
export type Selection = { kind: 'none' } | { kind: 'notes'; ids: readonly string[] } | { kind: 'cluster'; id: string };

export const NOTHING: Selection = { kind: 'none' };

export function notesSelection(ids: Iterable<string>): Selection {
  const unique = [...new Set(ids)];
  return unique.length === 0 ? NOTHING : { kind: 'notes', ids: unique };
}

export function selectedNoteIds(selection: Selection): readonly string[] {
  return selection.kind === 'notes' ? selection.ids : [];
}

export function isNoteSelected(selection: Selection, id: string): boolean {
  return selection.kind === 'notes' && selection.ids.includes(id);
}

/** Shift/ctrl-click: adds the note, or removes it if it was selected. A selected theme gives way to notes. */
export function toggleNote(selection: Selection, id: string): Selection {
  const ids = selectedNoteIds(selection);
  return ids.includes(id) ? notesSelection(ids.filter((other) => other !== id)) : notesSelection([...ids, id]);
}

/** The notes a rubber band touches (board coordinates). */
export function notesInRect<T extends { id: string; x: number; y: number; w: number; h: number }>(
  notes: readonly T[],
  rect: Rect,
): string[] {
  if (rect.width === 0 && rect.height === 0) return [];
  return notes.filter((note) => intersects(rect, note)).map((note) => note.id);
}

/** A finished rubber band: replaces the selection, or adds to it when shift/ctrl was held. */
export function selectByRect(selection: Selection, inRect: readonly string[], additive: boolean): Selection {
  return notesSelection(additive ? [...selectedNoteIds(selection), ...inRect] : inRect);
}

/** Drops what no longer exists (someone else deleted it); keeps the identity when nothing changed. */
export function pruneSelection(
  selection: Selection,
  noteExists: (id: string) => boolean,
  clusterExists: (id: string) => boolean,
): Selection {
  if (selection.kind === 'cluster') return clusterExists(selection.id) ? selection : NOTHING;
  if (selection.kind === 'notes') {
    const kept = selection.ids.filter(noteExists);
    return kept.length === selection.ids.length ? selection : notesSelection(kept);
  }
  return selection;
}
