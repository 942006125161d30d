import { deleteNote, moveNote, type NoteColor, type NoteSize, recolorNote, resizeNote } from '@samle/shared';
import type * as Y from 'yjs';

/**
 * Changes to many notes at once, over the single-note operations of
 * `@samle/shared`. Each runs in one transaction, so collaborators see one
 * update and one undo step takes the whole change back.
 */

export function moveNotes(doc: Y.Doc, moves: readonly { id: string; x: number; y: number }[]): void {
  doc.transact(() => {
    for (const move of moves) moveNote(doc, move.id, move.x, move.y);
  });
}

export function recolorNotes(doc: Y.Doc, ids: readonly string[], color: NoteColor): void {
  doc.transact(() => {
    for (const id of ids) recolorNote(doc, id, color);
  });
}

export function resizeNotes(doc: Y.Doc, ids: readonly string[], size: NoteSize): void {
  doc.transact(() => {
    for (const id of ids) resizeNote(doc, id, size);
  });
}

export function deleteNotes(doc: Y.Doc, ids: readonly string[]): void {
  doc.transact(() => {
    for (const id of ids) deleteNote(doc, id);
  });
}
