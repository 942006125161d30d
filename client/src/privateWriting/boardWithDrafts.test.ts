import type { NoteView } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { boardWithDrafts } from './boardWithDrafts';

const note = (id: string, text: string): NoteView => ({
  id,
  text,
  x: 0,
  y: 0,
  w: 160,
  h: 120,
  color: 'yellow',
  authorId: 'ada',
  authorName: 'Ada',
  clusterId: undefined,
  createdAt: 1,
});

describe('the notes the canvas shows during private writing', () => {
  it("shows the board's notes and this person's drafts, and knows which are drafts", () => {
    const { notes, draftIds } = boardWithDrafts([note('a', 'on the board')], [note('d', 'a draft')]);
    expect(notes.map((n) => n.id)).toEqual(['a', 'd']);
    expect([...draftIds]).toEqual(['d']);
  });

  it('shows a revealed note once, as a board note, while the drafts doc still holds it', () => {
    const { notes, draftIds } = boardWithDrafts(
      [note('a', 'on the board'), note('d', 'revealed')],
      [note('d', 'revealed'), note('e', 'still private')],
    );
    expect(notes.map((n) => n.id)).toEqual(['a', 'd', 'e']);
    expect(new Set(notes.map((n) => n.id)).size).toBe(notes.length);
    expect(draftIds.has('d')).toBe(false);
    expect(draftIds.has('e')).toBe(true);
  });
});
