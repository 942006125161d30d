import type { NoteView } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { acceptSuggestion, boardsOf, noteKey, suggestFromBoards } from './suggestions';

const note = (id: string, text: string): NoteView => ({
  id,
  text,
  x: 0,
  y: 0,
  w: 200,
  h: 160,
  color: 'yellow',
  authorId: undefined,
  authorName: undefined,
  clusterId: undefined,
  createdAt: 1,
});

const boards = [
  {
    boardId: 't1',
    notes: [note('a', 'Bedre cykelstier til skolen'), note('b', 'Kantinen skal have bedre kaffe'), note('e', '  ')],
  },
  { boardId: 't2', notes: [note('c', 'Sikre cykelruter for skolebørn'), note('d', 'Flere bænke i parken')] },
];

describe('suggested groups across boards', () => {
  it('suggests notes from different tables that say the same thing, with the shared words', () => {
    const [first, ...rest] = suggestFromBoards(boards);
    expect(rest).toEqual([]);
    expect(first?.notes.map((n) => noteKey(n.boardId, n.noteId))).toEqual(['t1|a', 't2|c']);
    expect(first?.terms).toEqual(expect.arrayContaining(['cykel', 'skole']));
    expect(first && boardsOf(first)).toEqual([
      { boardId: 't1', count: 1 },
      { boardId: 't2', count: 1 },
    ]);
  });

  it('selects the notes of an accepted suggestion and changes nothing else', () => {
    const [first] = suggestFromBoards(boards);
    expect(first && acceptSuggestion(first)).toEqual([
      { kind: 'note', boardId: 't1', id: 'a' },
      { kind: 'note', boardId: 't2', id: 'c' },
    ]);
    expect(boards[0]?.notes[0]?.text).toBe('Bedre cykelstier til skolen');
  });

  it('leaves out notes already in the catalog and suggestions that were dismissed', () => {
    expect(suggestFromBoards(boards, { leaveOut: new Set(['t2|c']) })).toEqual([]);
    const [first] = suggestFromBoards(boards);
    expect(suggestFromBoards(boards, { dismissed: new Set([first?.key ?? '']) })).toEqual([]);
  });
});
