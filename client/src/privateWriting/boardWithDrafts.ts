import type { NoteView } from '@samle/shared';

/**
 * The notes the canvas shows while private writing is on: the board's, then this person's drafts. At the reveal the
 * server moves each draft onto the board under the same id, and the board can show it a moment before the drafts
 * doc is emptied: a note on the board is then no longer a draft. (Both at once would give the canvas two notes with
 * one id — React then keeps a stale copy of the draft in the page.)
 */
export function boardWithDrafts(
  board: readonly NoteView[],
  drafts: readonly NoteView[],
): { notes: readonly NoteView[]; draftIds: ReadonlySet<string> } {
  if (drafts.length === 0) return { notes: board, draftIds: new Set() };
  const onBoard = new Set(board.map((note) => note.id));
  const stillDrafts = drafts.filter((note) => !onBoard.has(note.id));
  return { notes: [...board, ...stillDrafts], draftIds: new Set(stillDrafts.map((note) => note.id)) };
}
