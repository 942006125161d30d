import { createNote, readNotes } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { noteAuthor } from './authorship';

const me = { userId: 'u1', name: 'Mette' };

describe('who a new note is by', () => {
  it('records the author on a normal board', () => {
    const doc = new Y.Doc();
    createNote(doc, { id: 'a', x: 0, y: 0, createdAt: 1, ...noteAuthor(me, false) });
    expect(readNotes(doc)[0]).toMatchObject({ authorId: 'u1', authorName: 'Mette' });
  });

  it('writes no author at all on an anonymous board', () => {
    const doc = new Y.Doc();
    createNote(doc, { id: 'a', x: 0, y: 0, createdAt: 1, ...noteAuthor(me, true) });
    const stored = doc.getMap('notes').get('a') as Y.Map<unknown>;
    expect(stored.has('authorId')).toBe(false);
    expect(stored.has('authorName')).toBe(false);
  });

  it('leaves the name out when the person has not given one', () => {
    expect(noteAuthor({ userId: 'u1', name: undefined }, false)).toEqual({ authorId: 'u1' });
  });
});
