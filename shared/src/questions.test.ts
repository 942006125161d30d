import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type QuestionView, readQuestions, writeQuestions } from './questions.js';

function post(id: string, createdAt: number, overrides: Partial<QuestionView> = {}): QuestionView {
  return {
    id,
    kind: 'question',
    text: `Spørgsmål ${id}`,
    authorName: null,
    createdAt,
    supports: 0,
    status: 'new',
    answer: null,
    answeredBy: null,
    answeredAt: null,
    ideaId: null,
    ...overrides,
  };
}

/** What one write changes in the array: Yjs's delta (retain / delete / insert counts). */
function deltaOf(doc: Y.Doc, write: () => void): Array<Record<string, number>> {
  const array = doc.getArray<QuestionView>('questions');
  let delta: Array<Record<string, number>> = [];
  const observe = (event: Y.YArrayEvent<QuestionView>) => {
    delta = event.changes.delta.map((op) =>
      Object.fromEntries(Object.entries(op).map(([k, v]) => [k, Array.isArray(v) ? v.length : Number(v)])),
    );
  };
  array.observe(observe);
  write();
  array.unobserve(observe);
  return delta;
}

describe('the public questions list', () => {
  const three = [post('a', 1), post('b', 2), post('c', 3)];

  it('is written whole the first time', () => {
    const doc = new Y.Doc();
    writeQuestions(doc, three);
    expect(readQuestions(doc).map((q) => q.id)).toEqual(['c', 'b', 'a']);
  });

  it('is left alone (no update at all) when nothing changed', () => {
    const doc = new Y.Doc();
    writeQuestions(doc, three);
    let updates = 0;
    doc.on('update', () => updates++);
    writeQuestions(
      doc,
      three.map((q) => ({ ...q })),
    );
    expect(updates).toBe(0);
  });

  it('gets one insert for a new post, and keeps every other entry', () => {
    const doc = new Y.Doc();
    writeQuestions(doc, three);
    expect(deltaOf(doc, () => writeQuestions(doc, [...three, post('d', 4)]))).toEqual([{ retain: 3 }, { insert: 1 }]);
    expect(readQuestions(doc).map((q) => q.id)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('replaces only the answered post', () => {
    const doc = new Y.Doc();
    writeQuestions(doc, three);
    const answered = post('b', 2, { status: 'answered', answer: 'Ja', answeredBy: 'Dorthe', answeredAt: 9 });
    expect(
      deltaOf(doc, () => writeQuestions(doc, [three[0] as QuestionView, answered, three[2] as QuestionView])),
    ).toEqual([{ retain: 1 }, { insert: 1 }, { delete: 1 }]);
    expect(readQuestions(doc).find((q) => q.id === 'b')?.answer).toBe('Ja');
  });

  it('drops a hidden post with one delete', () => {
    const doc = new Y.Doc();
    writeQuestions(doc, three);
    expect(deltaOf(doc, () => writeQuestions(doc, [three[0] as QuestionView, three[2] as QuestionView]))).toEqual([
      { retain: 1 },
      { delete: 1 },
    ]);
    expect(readQuestions(doc).map((q) => q.id)).toEqual(['c', 'a']);
  });
});
