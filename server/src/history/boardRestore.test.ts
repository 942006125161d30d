import { createCluster, createNote, notesOf } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { previewOf, restoreOneNote, restoreWholeBoard } from './boardRestore.js';

function boardWith(notes: Array<{ id: string; text: string; authorName?: string }>): Y.Doc {
  const doc = new Y.Doc();
  for (const note of notes) {
    createNote(doc, {
      id: note.id,
      x: 0,
      y: 0,
      text: note.text,
      createdAt: 1,
      ...(note.authorName ? { authorName: note.authorName } : {}),
    });
  }
  return doc;
}

const textOf = (doc: Y.Doc, id: string) => String(notesOf(doc).get(id)?.get('text') ?? '');

describe('restoring a board from a snapshot', () => {
  it('makes the notes what they were: deleted ones back, later ones off, edited text reverted', () => {
    const snapshot = boardWith([
      { id: 'a', text: 'Første' },
      { id: 'b', text: 'Anden' },
    ]);
    const live = new Y.Doc();
    Y.applyUpdate(live, Y.encodeStateAsUpdate(snapshot));
    live.transact(() => {
      notesOf(live).delete('a');
      const text = notesOf(live).get('b')?.get('text') as Y.Text;
      text.insert(text.length, ' ændret');
    });
    createNote(live, { id: 'c', x: 0, y: 0, text: 'Senere', createdAt: 2 });

    const counts = restoreWholeBoard(live, snapshot, { anonymous: false });
    expect(counts).toEqual({ restored: 1, removed: 1, changed: 1 });
    expect([...notesOf(live).keys()].sort()).toEqual(['a', 'b']);
    expect(textOf(live, 'a')).toBe('Første');
    expect(textOf(live, 'b')).toBe('Anden');
  });

  it('brings no author back onto a board that has become anonymous', () => {
    const snapshot = boardWith([{ id: 'a', text: 'Navngivet', authorName: 'Ada' }]);
    const live = new Y.Doc();
    restoreWholeBoard(live, snapshot, { anonymous: true });
    expect(notesOf(live).get('a')?.get('authorName')).toBeUndefined();
    const other = new Y.Doc();
    expect(restoreOneNote(other, snapshot, 'a', { anonymous: true })).toBe('restored');
    expect(notesOf(other).get('a')?.get('authorName')).toBeUndefined();
    expect(restoreOneNote(other, snapshot, 'a', { anonymous: true })).toBe('on-board');
    expect(restoreOneNote(other, snapshot, 'zz', { anonymous: true })).toBe('not-in-snapshot');
  });

  it('puts a note back outside its theme when the theme is gone from the board', () => {
    const snapshot = boardWith([{ id: 'a', text: 'I et tema' }]);
    createCluster(snapshot, { id: 'c1', x: 0, y: 0, title: 'Tema', createdAt: 1 });
    notesOf(snapshot).get('a')?.set('clusterId', 'c1');
    const live = new Y.Doc();
    restoreOneNote(live, snapshot, 'a', { anonymous: false });
    expect(notesOf(live).get('a')?.get('clusterId')).toBeUndefined();
    const preview = previewOf(snapshot, live);
    expect(preview.clusters).toEqual([{ id: 'c1', title: 'Tema', color: expect.any(String) }]);
    expect(preview.notes[0]).toMatchObject({ id: 'a', clusterId: 'c1', deletedSince: false });
  });
});
