import { describe, expect, it } from 'vitest';
import { commandForKey, type KeyPress, PAN_KEY_STEP } from './boardKeys';

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: 'board',
  hasSelection: false,
  ...over,
});

describe('board shortcuts', () => {
  it('adds a note with N', () => {
    expect(commandForKey(press('n'))).toEqual({ kind: 'addNote' });
  });

  it('never steals keys while the user types in a note, except Escape', () => {
    expect(commandForKey(press('n', { target: 'text', hasSelection: true }))).toBeUndefined();
    expect(commandForKey(press('Delete', { target: 'text', hasSelection: true }))).toBeUndefined();
    expect(commandForKey(press('Escape', { target: 'text', hasSelection: true }))).toEqual({ kind: 'stopEditing' });
  });

  it('deletes the selected note with Delete or Backspace, and nothing without a selection', () => {
    expect(commandForKey(press('Delete', { hasSelection: true }))).toEqual({ kind: 'deleteSelected' });
    expect(commandForKey(press('Backspace', { hasSelection: true }))).toEqual({ kind: 'deleteSelected' });
    expect(commandForKey(press('Delete'))).toBeUndefined();
  });

  it('edits the selected note with Enter', () => {
    expect(commandForKey(press('Enter', { hasSelection: true }))).toEqual({ kind: 'editSelected' });
  });

  it('leaves Enter to a focused button', () => {
    expect(commandForKey(press('Enter', { target: 'control', hasSelection: true }))).toBeUndefined();
  });

  it('pans with arrows when nothing is selected and nudges the note when one is', () => {
    expect(commandForKey(press('ArrowRight'))).toEqual({ kind: 'pan', dx: -80, dy: 0 });
    expect(commandForKey(press('ArrowUp', { hasSelection: true }))).toEqual({ kind: 'moveSelected', dx: 0, dy: -8 });
    expect(commandForKey(press('ArrowLeft', { hasSelection: true, shiftKey: true }))).toEqual({
      kind: 'moveSelected',
      dx: -40,
      dy: 0,
    });
  });

  it('zooms with + and - and resets with 0', () => {
    expect(commandForKey(press('+'))).toEqual({ kind: 'zoomIn' });
    expect(commandForKey(press('='))).toEqual({ kind: 'zoomIn' });
    expect(commandForKey(press('-'))).toEqual({ kind: 'zoomOut' });
    expect(commandForKey(press('0'))).toEqual({ kind: 'zoomReset' });
  });

  it('leaves browser shortcuts alone', () => {
    expect(commandForKey(press('+', { ctrlKey: true }))).toBeUndefined();
    expect(commandForKey(press('n', { metaKey: true }))).toBeUndefined();
  });

  it('recolours the selected note with the digit keys, in palette order', () => {
    expect(commandForKey(press('2', { hasSelection: true }))).toEqual({ kind: 'recolorSelected', index: 1 });
    expect(commandForKey(press('9', { hasSelection: true }))).toBeUndefined();
    expect(commandForKey(press('2'))).toBeUndefined();
  });
});

describe('selection, themes and history shortcuts', () => {
  it('undoes with ctrl/⌘+Z and redoes with ctrl/⌘+shift+Z or ctrl+Y, even while typing', () => {
    expect(commandForKey(press('z', { ctrlKey: true }))).toEqual({ kind: 'undo' });
    expect(commandForKey(press('z', { metaKey: true, target: 'text' }))).toEqual({ kind: 'undo' });
    expect(commandForKey(press('Z', { metaKey: true, shiftKey: true }))).toEqual({ kind: 'redo' });
    expect(commandForKey(press('y', { ctrlKey: true }))).toEqual({ kind: 'redo' });
  });

  it('duplicates selected notes with ctrl/⌘+D, and leaves the key to the browser otherwise', () => {
    expect(commandForKey(press('d', { ctrlKey: true, hasSelection: true, selectionKind: 'notes' }))).toEqual({
      kind: 'duplicateSelected',
    });
    expect(commandForKey(press('d', { ctrlKey: true }))).toBeUndefined();
    expect(commandForKey(press('d', { ctrlKey: true, target: 'text', selectionKind: 'notes' }))).toBeUndefined();
  });

  it('selects every note with ctrl/⌘+A, but not while typing', () => {
    expect(commandForKey(press('a', { metaKey: true }))).toEqual({ kind: 'selectAll' });
    expect(commandForKey(press('a', { metaKey: true, target: 'text' }))).toBeUndefined();
  });

  it('makes a theme with C and tidies the selected theme with T', () => {
    expect(commandForKey(press('c'))).toEqual({ kind: 'addCluster' });
    expect(commandForKey(press('t', { hasSelection: true, selectionKind: 'cluster' }))).toEqual({
      kind: 'tidySelected',
    });
    expect(commandForKey(press('t', { hasSelection: true, selectionKind: 'notes' }))).toBeUndefined();
  });
});

describe('commandForKey on a read-only board', () => {
  it('never undoes, duplicates or makes themes', () => {
    for (const over of [{ key: 'z', ctrlKey: true }, { key: 'd', ctrlKey: true }, { key: 'c' }])
      expect(
        commandForKey(press(over.key, { ...over, hasSelection: true, selectionKind: 'notes', readOnly: true })),
      ).toBeUndefined();
  });

  const readOnly = (key: string) => press(key, { hasSelection: true, readOnly: true });

  it('never adds, edits, recolours, deletes or moves a note', () => {
    for (const key of ['n', 'Enter', 'Delete', 'Backspace', '1'])
      expect(commandForKey(readOnly(key)), key).toBeUndefined();
  });

  it('pans with the arrows even when a note is selected, and still zooms and fits', () => {
    expect(commandForKey(readOnly('ArrowRight'))).toEqual({ kind: 'pan', dx: -PAN_KEY_STEP, dy: 0 });
    expect(commandForKey(readOnly('+'))).toEqual({ kind: 'zoomIn' });
    expect(commandForKey(readOnly('f'))).toEqual({ kind: 'fit' });
    expect(commandForKey(readOnly('Escape'))).toEqual({ kind: 'clearSelection' });
  });
});
