import { describe, expect, it } from 'vitest';
import {
  NOTHING,
  notesInRect,
  notesSelection,
  pruneSelection,
  type Selection,
  selectByRect,
  toggleNote,
} from './selection';

const note = (id: string, x: number, y: number) => ({ id, x, y, w: 100, h: 80 });
const notes = [note('a', 0, 0), note('b', 200, 0), note('c', 0, 300)];

describe('selection', () => {
  it('adds a note with shift-click and removes it with another', () => {
    const one = toggleNote(NOTHING, 'a');
    expect(one).toEqual({ kind: 'notes', ids: ['a'] });
    const two = toggleNote(one, 'b');
    expect(two).toEqual({ kind: 'notes', ids: ['a', 'b'] });
    expect(toggleNote(two, 'a')).toEqual({ kind: 'notes', ids: ['b'] });
    expect(toggleNote(toggleNote(one, 'a'), 'a')).toEqual({ kind: 'notes', ids: ['a'] });
  });

  it('leaves nothing selected when the last note is toggled off', () => {
    expect(toggleNote(notesSelection(['a']), 'a')).toBe(NOTHING);
  });

  it('replaces a selected theme when a note is shift-clicked', () => {
    expect(toggleNote({ kind: 'cluster', id: 'k' }, 'a')).toEqual({ kind: 'notes', ids: ['a'] });
  });

  it('selects every note a rubber band touches, even partly', () => {
    expect(notesInRect(notes, { x: 50, y: 50, width: 200, height: 20 })).toEqual(['a', 'b']);
    expect(notesInRect(notes, { x: 500, y: 500, width: 10, height: 10 })).toEqual([]);
  });

  it('replaces the selection with a rubber band, or adds to it with shift', () => {
    const before = notesSelection(['c']);
    expect(selectByRect(before, ['a'], false)).toEqual({ kind: 'notes', ids: ['a'] });
    expect(selectByRect(before, ['a', 'c'], true)).toEqual({ kind: 'notes', ids: ['c', 'a'] });
  });

  it('forgets notes and themes someone else deleted, and keeps its identity otherwise', () => {
    const selection: Selection = notesSelection(['a', 'gone']);
    expect(
      pruneSelection(
        selection,
        (id) => id !== 'gone',
        () => true,
      ),
    ).toEqual({ kind: 'notes', ids: ['a'] });
    const kept = notesSelection(['a']);
    expect(
      pruneSelection(
        kept,
        () => true,
        () => true,
      ),
    ).toBe(kept);
    expect(
      pruneSelection(
        { kind: 'cluster', id: 'k' },
        () => true,
        () => false,
      ),
    ).toBe(NOTHING);
  });
});
