import type { NoteView } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { rankByVotes, summarizeVotes } from './voteResults';

function notes(...ids: string[]): NoteView[] {
  return ids.map((id, i) => ({
    id,
    text: `note ${id}`,
    x: i * 200,
    y: 0,
    w: 180,
    h: 140,
    color: 'yellow',
    authorId: undefined,
    authorName: undefined,
    clusterId: undefined,
    createdAt: i,
  }));
}

describe('rankByVotes', () => {
  it('puts the notes with the most votes first and notes without votes last', () => {
    const ranked = rankByVotes(notes('a', 'b', 'c', 'd'), { c: 4, a: 1, d: 7 });
    expect(ranked.map((r) => [r.note.id, r.votes])).toEqual([
      ['d', 7],
      ['c', 4],
      ['a', 1],
      ['b', 0],
    ]);
  });

  it('keeps the board order between notes with equal votes', () => {
    expect(rankByVotes(notes('a', 'b', 'c'), { c: 2, b: 2 }).map((r) => r.note.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('summarizeVotes', () => {
  it('names the top notes and counts only votes on notes still on the board', () => {
    const summary = summarizeVotes(notes('a', 'b', 'c', 'd', 'e'), { a: 1, b: 5, c: 3, d: 2, gone: 9 });
    expect(summary.total).toBe(11);
    expect(summary.notesWithVotes).toBe(4);
    expect(summary.top.map((r) => r.note.id)).toEqual(['b', 'c', 'd']);
  });

  it('has no top notes when nobody voted', () => {
    expect(summarizeVotes(notes('a'), {})).toEqual({ total: 0, notesWithVotes: 0, top: [] });
  });
});
