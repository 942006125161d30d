import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindText, type TextField } from './textBinding';

/** A textarea stand-in: a value and a selection, like the DOM element. */
class FakeField implements TextField {
  value = '';
  selection: [number, number] | undefined;
  getValue() {
    return this.value;
  }
  setValue(value: string) {
    this.value = value;
    // Like a real textarea, assigning the value moves the caret to the end.
    if (this.selection) this.selection = [value.length, value.length];
  }
  getSelection() {
    return this.selection;
  }
  setSelection(start: number, end: number) {
    this.selection = [start, end];
  }
  type(next: string, caret: number) {
    this.value = next;
    this.selection = [caret, caret];
  }
}

function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update, 'remote'));
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(a, update, 'remote');
  });
  return [a, b];
}

describe('bindText', () => {
  it('fills the field with the current text when bound', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'existing note');
    const field = new FakeField();
    bindText(doc.getText('t'), field);
    expect(field.value).toBe('existing note');
  });

  it('writes local typing to the Y.Text', () => {
    const doc = new Y.Doc();
    const field = new FakeField();
    const binding = bindText(doc.getText('t'), field);
    field.type('hi', 2);
    binding.handleInput();
    field.type('hi there', 8);
    binding.handleInput();
    expect(doc.getText('t').toString()).toBe('hi there');
  });

  it('shows a remote edit and keeps the caret next to the same words', () => {
    const [a, b] = pair();
    a.getText('t').insert(0, 'world');
    const field = new FakeField();
    bindText(b.getText('t'), field);
    field.selection = [5, 5]; // caret after "world"

    a.getText('t').insert(0, 'hello ');

    expect(field.value).toBe('hello world');
    expect(field.selection).toEqual([11, 11]);
  });

  it('keeps a selection range around the same text when a remote edit lands after it', () => {
    const [a, b] = pair();
    a.getText('t').insert(0, 'pick me');
    const field = new FakeField();
    bindText(b.getText('t'), field);
    field.selection = [0, 4]; // "pick"

    a.getText('t').insert(7, ' please');

    expect(field.value).toBe('pick me please');
    expect(field.selection).toEqual([0, 4]);
  });

  it('stops following the Y.Text once destroyed', () => {
    const doc = new Y.Doc();
    const field = new FakeField();
    const binding = bindText(doc.getText('t'), field);
    binding.destroy();
    doc.getText('t').insert(0, 'late');
    expect(field.value).toBe('');
  });
});
