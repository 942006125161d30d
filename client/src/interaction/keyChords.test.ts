import { describe, expect, it } from 'vitest';
import { chordMatches, formatChords, parseChord } from './keyChords';

const press = (
  key: string,
  over: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...over,
});

describe('key chords', () => {
  it('reads aria-keyshortcuts chords, "+" as a key too', () => {
    expect(parseChord('Control+Shift+Z')).toEqual({ key: 'Z', control: true, meta: false, alt: false, shift: true });
    expect(parseChord('+')).toMatchObject({ key: '+', control: false });
    expect(parseChord('Control++')).toMatchObject({ key: '+', control: true });
    expect(() => parseChord('Ctrl+Z')).toThrow(/unknown modifier/);
  });

  it('matches letters in either case and modifiers exactly', () => {
    expect(chordMatches(parseChord('N'), press('n'), 'exact')).toBe(true);
    expect(chordMatches(parseChord('N'), press('n', { ctrlKey: true }), 'loose')).toBe(false);
    expect(chordMatches(parseChord('Control+D'), press('d', { ctrlKey: true }), 'exact')).toBe(true);
    expect(chordMatches(parseChord('Control+D'), press('d', { metaKey: true }), 'exact')).toBe(false);
  });

  it('lets a held Shift through only loosely, and only for a chord without modifiers', () => {
    expect(chordMatches(parseChord('N'), press('N', { shiftKey: true }), 'exact')).toBe(false);
    expect(chordMatches(parseChord('N'), press('N', { shiftKey: true }), 'loose')).toBe(true);
    expect(chordMatches(parseChord('Control+Y'), press('Y', { ctrlKey: true, shiftKey: true }), 'loose')).toBe(false);
    expect(chordMatches(parseChord('Shift+ArrowLeft'), press('ArrowLeft', { shiftKey: true }), 'exact')).toBe(true);
    expect(chordMatches(parseChord('Shift+ArrowLeft'), press('ArrowLeft'), 'loose')).toBe(false);
  });

  it('shows chords as people read them, one name for Ctrl and ⌘', () => {
    const chords = ['Control+Shift+Z', 'Meta+Shift+Z', 'Control+Y'].map(parseChord);
    expect(formatChords(chords, 'Ctrl')).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
    expect(formatChords([parseChord('Shift+ArrowUp'), parseChord('f')], 'Ctrl')).toEqual(['Shift+↑', 'F']);
    expect(formatChords([parseChord('Meta+K')], 'Ctrl')).toEqual(['⌘+K']);
  });
});
