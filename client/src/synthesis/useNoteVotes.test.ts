import { describe, expect, it } from 'vitest';
import { byVotes } from './useNoteVotes';

describe('sorting notes by votes', () => {
  it('puts the most voted first and keeps the board order among equals', () => {
    const notes = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    expect(byVotes(notes, { c: 3, b: 1, d: 1 }).map((n) => n.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});
