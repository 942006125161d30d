import { type NoteView, suggestGroups } from '@samle/shared';
import type { Selection } from './selection';

/**
 * "Suggest groups": the session's notes from every board go through the local
 * text similarity (`@samle/shared` suggestGroups); each suggestion names its
 * notes and the shared words. Nothing on a board changes — accepting one only
 * selects its notes, ready to gather.
 */

export interface SuggestedNote {
  boardId: string;
  noteId: string;
  text: string;
}

export interface Suggestion {
  /** Stable for the same notes, so a dismissed suggestion stays dismissed when asked again. */
  key: string;
  notes: SuggestedNote[];
  terms: string[];
  score: number;
}

export const noteKey = (boardId: string, noteId: string) => `${boardId}|${noteId}`;

export function suggestFromBoards(
  boards: ReadonlyArray<{ boardId: string; notes: readonly NoteView[] }>,
  options: { leaveOut?: ReadonlySet<string>; dismissed?: ReadonlySet<string> } = {},
): Suggestion[] {
  const byKey = new Map<string, SuggestedNote>();
  for (const board of boards)
    for (const note of board.notes) {
      const key = noteKey(board.boardId, note.id);
      if (!note.text.trim() || options.leaveOut?.has(key)) continue;
      byKey.set(key, { boardId: board.boardId, noteId: note.id, text: note.text });
    }
  const groups = suggestGroups([...byKey.entries()].map(([id, note]) => ({ id, text: note.text })));
  return groups
    .map((group) => ({
      key: [...group.ids].sort().join(' '),
      notes: group.ids.map((id) => byKey.get(id)).filter((note): note is SuggestedNote => note !== undefined),
      terms: group.terms,
      score: group.score,
    }))
    .filter((suggestion) => !options.dismissed?.has(suggestion.key));
}

/** Accepting a suggestion: its notes become the selection. */
export function acceptSuggestion(suggestion: Suggestion): Selection {
  return suggestion.notes.map((note) => ({ kind: 'note' as const, boardId: note.boardId, id: note.noteId }));
}

/** How many of the suggestion's notes sit on each board, for "2 from Bord 1, 1 from Bord 2". */
export function boardsOf(suggestion: Suggestion): Array<{ boardId: string; count: number }> {
  const counts = new Map<string, number>();
  for (const note of suggestion.notes) counts.set(note.boardId, (counts.get(note.boardId) ?? 0) + 1);
  return [...counts.entries()].map(([boardId, count]) => ({ boardId, count }));
}
