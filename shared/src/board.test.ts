import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BOARD_EXTENT,
  BOARD_SCHEMA_VERSION,
  createNote,
  deleteNote,
  duplicateNotes,
  initBoard,
  moveNote,
  notesOf,
  noteText,
  readBoardMeta,
  readNotes,
  recolorNote,
  resizeNote,
} from './board.js';
import { migrateBoard } from './migrations.js';

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('board operations', () => {
  it('creates a note with text, position, colour and author that another replica reads back', () => {
    const a = new Y.Doc();
    createNote(a, {
      id: 'n1',
      x: 10.4,
      y: -20,
      color: 'pink',
      text: 'Én indgang for virksomheder',
      authorId: 'p1',
      authorName: 'Mette',
      createdAt: 5,
    });
    const b = new Y.Doc();
    sync(a, b);
    expect(readNotes(b)).toEqual([
      {
        id: 'n1',
        text: 'Én indgang for virksomheder',
        x: 10,
        y: -20,
        w: 200,
        h: 160,
        color: 'pink',
        authorId: 'p1',
        authorName: 'Mette',
        createdAt: 5,
      },
    ]);
  });

  it('moves, recolours and deletes a note, and reports unknown ids', () => {
    const doc = new Y.Doc();
    createNote(doc, { id: 'n1', x: 0, y: 0, createdAt: 1 });
    expect(moveNote(doc, 'n1', 300, 400)).toBe(true);
    expect(recolorNote(doc, 'n1', 'green')).toBe(true);
    expect(readNotes(doc)[0]).toMatchObject({ x: 300, y: 400, color: 'green' });
    expect(moveNote(doc, 'missing', 1, 1)).toBe(false);
    expect(deleteNote(doc, 'n1')).toBe(true);
    expect(deleteNote(doc, 'n1')).toBe(false);
    expect(readNotes(doc)).toEqual([]);
  });

  it('clamps positions a bad drag could send to infinity', () => {
    const doc = new Y.Doc();
    createNote(doc, { id: 'n1', x: Number.POSITIVE_INFINITY, y: 1e12, createdAt: 1 });
    expect(readNotes(doc)[0]).toMatchObject({ x: 0, y: BOARD_EXTENT });
  });

  it('merges concurrent text edits to one note from two replicas', () => {
    const a = new Y.Doc();
    createNote(a, { id: 'n1', x: 0, y: 0, text: 'service', createdAt: 1 });
    const b = new Y.Doc();
    sync(a, b);
    const textA = noteText(notesOf(a).get('n1') as Y.Map<unknown>);
    const textB = noteText(notesOf(b).get('n1') as Y.Map<unknown>);
    textA?.insert(0, 'Bedre ');
    textB?.insert(7, ' for alle');
    sync(a, b);
    sync(b, a);
    expect(readNotes(a)[0]?.text).toBe('Bedre service for alle');
    expect(readNotes(b)[0]?.text).toBe('Bedre service for alle');
  });

  it('lists notes oldest first', () => {
    const doc = new Y.Doc();
    createNote(doc, { id: 'late', x: 0, y: 0, createdAt: 20 });
    createNote(doc, { id: 'early', x: 0, y: 0, createdAt: 10 });
    expect(readNotes(doc).map((note) => note.id)).toEqual(['early', 'late']);
  });

  it('reads hostile field values as safe defaults instead of throwing', () => {
    const doc = new Y.Doc();
    const note = new Y.Map<unknown>();
    notesOf(doc).set('weird', note);
    note.set('x', 'far away');
    note.set('color', '#ff0000');
    note.set('text', 42);
    expect(readNotes(doc)[0]).toMatchObject({ x: 0, color: 'yellow', text: '' });
  });
});

describe('note sizes and duplicates', () => {
  it('resizes a note to a preset', () => {
    const doc = new Y.Doc();
    createNote(doc, { id: 'n1', x: 0, y: 0, createdAt: 1 });
    expect(resizeNote(doc, 'n1', 'l')).toBe(true);
    expect(readNotes(doc)[0]).toMatchObject({ w: 280, h: 220 });
  });

  it('duplicates notes with text, colour, size and cluster, offset, authored by the one duplicating', () => {
    const doc = new Y.Doc();
    createNote(doc, { id: 'a', x: 10, y: 10, color: 'blue', text: 'Tjekliste', authorName: 'Ada', createdAt: 1 });
    resizeNote(doc, 'a', 's');
    notesOf(doc).get('a')?.set('clusterId', 'c1');
    let n = 0;
    const [copyId] = duplicateNotes(doc, ['a', 'missing'], { newId: () => `copy${++n}`, now: 50, authorName: 'Bo' });
    expect(copyId).toBe('copy1');
    expect(readNotes(doc).find((note) => note.id === 'copy1')).toMatchObject({
      text: 'Tjekliste',
      color: 'blue',
      x: 34,
      y: 34,
      w: 160,
      h: 120,
      clusterId: 'c1',
      authorName: 'Bo',
    });
    expect(readNotes(doc)).toHaveLength(2);
  });
});

describe('board meta and migrations', () => {
  it('initialises meta once and keeps an existing title', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Plenum', boardKind: 'plenum' });
    initBoard(doc, { title: 'Other', boardKind: 'group' });
    expect(readBoardMeta(doc)).toEqual({
      schemaVersion: BOARD_SCHEMA_VERSION,
      title: 'Plenum',
      boardKind: 'plenum',
      anonymous: false,
    });
  });

  it('brings a doc without a schema version up to the current one, once', () => {
    const doc = new Y.Doc();
    expect(migrateBoard(doc)).toEqual([1, 2]);
    expect(readBoardMeta(doc).schemaVersion).toBe(BOARD_SCHEMA_VERSION);
    expect(migrateBoard(doc)).toEqual([]);
  });
});
