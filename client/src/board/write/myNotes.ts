import type { NoteView } from '@samle/shared';

/**
 * The notes this device wrote on a board, remembered locally. On an anonymous
 * board no author is stored in the doc, so this list is the only way write
 * mode can show a person their own notes.
 */
const keyOf = (boardId: string) => `samle.myNotes.${boardId}`;

export function rememberedNotes(storage: Pick<Storage, 'getItem'>, boardId: string): Set<string> {
  try {
    const raw = storage.getItem(keyOf(boardId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : []);
  } catch (error) {
    // A damaged entry only costs the list of remembered notes; the notes themselves are on the board.
    console.warn('Could not read the notes this device wrote', error);
    return new Set();
  }
}

export function rememberNote(storage: Pick<Storage, 'getItem' | 'setItem'>, boardId: string, noteId: string): void {
  const ids = rememberedNotes(storage, boardId);
  ids.add(noteId);
  try {
    storage.setItem(keyOf(boardId), JSON.stringify([...ids]));
  } catch (error) {
    console.warn('Could not remember the note this device wrote', error);
  }
}

/** A person's own notes: signed with their id, or written on this device. */
export function isMine(
  note: Pick<NoteView, 'id' | 'authorId'>,
  userId: string,
  remembered: ReadonlySet<string>,
): boolean {
  return note.authorId === userId || remembered.has(note.id);
}
