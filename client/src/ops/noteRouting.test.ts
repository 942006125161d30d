import { createNote, readNotes } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteNotes, recolorNotes } from './noteBatch';
import { docOfNote, forEachDoc, type NoteDocs } from './noteRouting';

function boardWithDrafts(): NoteDocs & { draftIds: Set<string> } {
  const board = new Y.Doc();
  const drafts = new Y.Doc();
  createNote(board, { id: 'shared', x: 0, y: 0, text: 'on the board', createdAt: 1 });
  createNote(drafts, { id: 'mine', x: 0, y: 0, text: 'only me', createdAt: 2 });
  const draftIds = new Set(['mine']);
  return { board, drafts, isDraft: (id) => draftIds.has(id), draftIds };
}

describe('note routing during private writing', () => {
  it('deletes a mixed selection from the board and from the drafts, each in its own doc', () => {
    const docs = boardWithDrafts();
    forEachDoc(docs, ['shared', 'mine'], (doc, ids) => deleteNotes(doc, ids));
    expect(readNotes(docs.board)).toEqual([]);
    expect(docs.drafts && readNotes(docs.drafts)).toEqual([]);
  });

  it('never writes a draft into the board, where everyone would see it', () => {
    const docs = boardWithDrafts();
    forEachDoc(docs, ['mine'], (doc, ids) => recolorNotes(doc, ids, 'pink'));
    expect(readNotes(docs.board).map((n) => n.id)).toEqual(['shared']);
    expect(docs.drafts && readNotes(docs.drafts)[0]?.color).toBe('pink');
  });

  it('finds the doc a note lives in', () => {
    const docs = boardWithDrafts();
    expect(docOfNote(docs, 'mine')).toBe(docs.drafts);
    expect(docOfNote(docs, 'shared')).toBe(docs.board);
    expect(docOfNote({ ...docs, drafts: undefined }, 'mine')).toBe(docs.board);
  });
});
