import { addIdea, mergeIdeas, type Source } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { catalogMarks } from './catalogMarks';

const source = (boardId: string, noteId: string): Source => ({
  boardId,
  boardTitle: 'Bord 1',
  noteId,
  text: 'x',
  sessionId: null,
  sessionTitle: null,
  groupId: null,
  tableName: null,
  authorName: null,
  clusterTitle: null,
});

describe('"in catalog" marks', () => {
  it('marks every note an idea came from with the idea titles, and follows merges', () => {
    const doc = new Y.Doc();
    addIdea(doc, { id: 'i1', title: 'Én indgang', createdAt: 1, provenance: [source('t1', 'n1')] });
    addIdea(doc, {
      id: 'i2',
      title: 'Hurtige svar',
      createdAt: 2,
      provenance: [source('t1', 'n1'), source('t2', 'm1')],
    });
    expect(catalogMarks(doc).get('t1|n1')).toEqual(['Én indgang', 'Hurtige svar']);
    expect(catalogMarks(doc).get('t2|m1')).toEqual(['Hurtige svar']);
    mergeIdeas(doc, 'i1', 'i2');
    expect(catalogMarks(doc).get('t2|m1')).toEqual(['Én indgang']);
    expect(catalogMarks(doc).has('t3|x')).toBe(false);
  });
});
