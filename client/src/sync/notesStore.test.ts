import {
  createCluster,
  createNote,
  deleteNote,
  moveNote,
  notesOf,
  noteText,
  recolorNote,
  setNoteCluster,
} from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNotesStore } from './notesStore';

function boardWithNotes(count: number): Y.Doc {
  const doc = new Y.Doc();
  for (let i = 0; i < count; i++) createNote(doc, { id: `n${i}`, x: i * 10, y: 0, createdAt: i });
  return doc;
}

describe('notes store', () => {
  it('lists the notes of the doc in creation order', () => {
    const doc = boardWithNotes(3);
    const store = createNotesStore(doc);
    expect(store.getSnapshot().map((n) => n.id)).toEqual(['n0', 'n1', 'n2']);
  });

  it('returns the same snapshot until something changes', () => {
    const store = createNotesStore(boardWithNotes(2));
    expect(store.getSnapshot()).toBe(store.getSnapshot());
  });

  it('notifies and re-reads only the note that moved', () => {
    const doc = boardWithNotes(3);
    const store = createNotesStore(doc);
    let calls = 0;
    store.subscribe(() => calls++);
    const before = store.getSnapshot();

    moveNote(doc, 'n1', 500, 600);

    const after = store.getSnapshot();
    expect(calls).toBe(1);
    expect(after).not.toBe(before);
    expect(after[1]).toMatchObject({ id: 'n1', x: 500, y: 600 });
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
  });

  it('keeps the stacking order when a move comes with a new or a deleted note in one transaction', () => {
    const doc = boardWithNotes(3);
    const store = createNotesStore(doc);
    store.subscribe(() => {});
    doc.transact(() => {
      moveNote(doc, 'n2', 5, 5);
      createNote(doc, { id: 'early', x: 0, y: 0, createdAt: -1 });
    });
    expect(store.getSnapshot().map((n) => [n.id, n.x])).toEqual([
      ['early', 0],
      ['n0', 0],
      ['n1', 10],
      ['n2', 5],
    ]);
    doc.transact(() => {
      moveNote(doc, 'n0', 7, 7);
      deleteNote(doc, 'n1');
    });
    expect(store.getSnapshot().map((n) => [n.id, n.x])).toEqual([
      ['early', 0],
      ['n0', 7],
      ['n2', 5],
    ]);
  });

  it('follows text edits, colour changes, creation and deletion', () => {
    const doc = boardWithNotes(1);
    const store = createNotesStore(doc);
    const note = notesOf(doc).get('n0');
    if (!note) throw new Error('note missing');
    noteText(note)?.insert(0, 'Flere indgange for erhverv');
    recolorNote(doc, 'n0', 'green');
    createNote(doc, { id: 'late', x: 0, y: 0, createdAt: 99 });
    expect(store.getSnapshot().map((n) => [n.id, n.text, n.color])).toEqual([
      ['n0', 'Flere indgange for erhverv', 'green'],
      ['late', '', 'yellow'],
    ]);
    deleteNote(doc, 'n0');
    expect(store.getSnapshot().map((n) => n.id)).toEqual(['late']);
  });

  it('shows notes that arrive from a remote peer', () => {
    const remote = boardWithNotes(2);
    const local = new Y.Doc();
    const store = createNotesStore(local);
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
    expect(store.getSnapshot().map((n) => n.id)).toEqual(['n0', 'n1']);
  });

  it('stops listening when the last subscriber leaves, and is current again on resubscribe', () => {
    const doc = boardWithNotes(1);
    const store = createNotesStore(doc);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    unsubscribe();
    moveNote(doc, 'n0', 1, 1);
    expect(calls).toBe(0);
    store.subscribe(() => calls++);
    expect(store.getSnapshot()[0]).toMatchObject({ x: 1, y: 1 });
  });

  it('keeps the snapshot identity when read without a subscriber and nothing changed', () => {
    const store = createNotesStore(boardWithNotes(3));
    expect(store.getSnapshot()).toBe(store.getSnapshot());
  });

  it('shows a note joining a theme', () => {
    const doc = boardWithNotes(1);
    createCluster(doc, { id: 'k', x: 0, y: 0, createdAt: 1 });
    const store = createNotesStore(doc);
    store.subscribe(() => undefined);
    setNoteCluster(doc, 'n0', 'k');
    expect(store.getSnapshot()[0]?.clusterId).toBe('k');
  });
});
