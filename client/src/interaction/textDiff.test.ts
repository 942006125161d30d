import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextDiff, diffText } from './textDiff';

function textWith(content: string): Y.Text {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, content);
  return text;
}

function syncDocs(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('diffText', () => {
  it('keeps the common prefix and suffix and replaces only the middle', () => {
    expect(diffText('hello', 'help me')).toEqual({ index: 3, deleteCount: 2, insert: 'p me' });
  });

  it('describes a single typed character as one insert', () => {
    expect(diffText('ac', 'abc')).toEqual({ index: 1, deleteCount: 0, insert: 'b' });
  });

  it('describes a backspace as one delete', () => {
    expect(diffText('abc', 'ac')).toEqual({ index: 1, deleteCount: 1, insert: '' });
  });

  it('returns nothing when the text did not change', () => {
    expect(diffText('same', 'same')).toBeUndefined();
  });

  it('does not split an emoji when only its second half differs', () => {
    // 😀 is \ud83d\ude00 and 😁 is \ud83d\ude01: they share the high surrogate.
    const splice = diffText('a😀b', 'a😁b');
    expect(splice).toEqual({ index: 1, deleteCount: 2, insert: '😁' });
  });
});

describe('applyTextDiff', () => {
  it('turns "hello" into "help me"', () => {
    const text = textWith('hello');
    applyTextDiff(text, 'help me');
    expect(text.toString()).toBe('help me');
  });

  it('changes the Y.Text in a single update', () => {
    const text = textWith('hello');
    const doc = text.doc as Y.Doc;
    let updates = 0;
    doc.on('update', () => updates++);
    applyTextDiff(text, 'jello world');
    expect(text.toString()).toBe('jello world');
    expect(updates).toBe(1);
  });

  it('merges with a concurrent edit from another doc instead of overwriting it', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'plan the day');
    syncDocs(a, b);

    // a changes the end, b changes the start, at the same time.
    applyTextDiff(a.getText('t'), 'plan the workshop day');
    applyTextDiff(b.getText('t'), 'Please plan the day');
    syncDocs(a, b);

    expect(a.getText('t').toString()).toBe('Please plan the workshop day');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });
});
