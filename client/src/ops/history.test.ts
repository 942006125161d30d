import { createNote, moveNote, notesOf, noteText, readNotes } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindText, type TextField } from '../interaction/textBinding';
import { createBoardHistory } from './history';

/** Two people on one board, their docs connected directly. */
function twoPeople(): [Y.Doc, Y.Doc] {
  const mine = new Y.Doc();
  const theirs = new Y.Doc();
  mine.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(theirs, update, 'remote');
  });
  theirs.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(mine, update, 'remote');
  });
  return [mine, theirs];
}

const positionOf = (doc: Y.Doc, id: string) => {
  const note = readNotes(doc).find((n) => n.id === id);
  return note && { x: note.x, y: note.y };
};

describe('undo on a shared board', () => {
  it('undoes my own move but leaves the move someone else made', () => {
    const [mine, theirs] = twoPeople();
    createNote(mine, { id: 'a', x: 0, y: 0, createdAt: 1 });
    createNote(theirs, { id: 'b', x: 0, y: 0, createdAt: 2 });
    const history = createBoardHistory(mine);
    moveNote(mine, 'a', 100, 100);
    moveNote(theirs, 'b', 300, 300);
    history.undo();
    expect(positionOf(theirs, 'a')).toEqual({ x: 0, y: 0 });
    expect(positionOf(mine, 'b')).toEqual({ x: 300, y: 300 });
    history.redo();
    expect(positionOf(theirs, 'a')).toEqual({ x: 100, y: 100 });
  });

  it('has nothing to undo when only others changed the board', () => {
    const [mine, theirs] = twoPeople();
    const history = createBoardHistory(mine);
    createNote(theirs, { id: 'b', x: 0, y: 0, createdAt: 2 });
    expect(history.canUndo()).toBe(false);
  });

  it('undoes a burst of typing as one step, and a separate change as another', () => {
    const doc = new Y.Doc();
    createNote(doc, { id: 'a', x: 0, y: 0, createdAt: 1 });
    const history = createBoardHistory(doc);
    const text = noteText(notesOf(doc).get('a') as Y.Map<unknown>) as Y.Text;
    let value = '';
    const field: TextField = {
      getValue: () => value,
      setValue: (next) => {
        value = next;
      },
      getSelection: () => undefined,
      setSelection: () => undefined,
    };
    const binding = bindText(text, field);
    for (const letter of 'Hej') {
      value += letter;
      binding.handleInput();
    }
    history.stopCapturing();
    moveNote(doc, 'a', 50, 50);
    history.undo();
    expect(text.toString()).toBe('Hej');
    history.undo();
    expect(text.toString()).toBe('');
    expect(value).toBe('');
    binding.destroy();
  });
});
