import { describe, expect, it } from 'vitest';
import { SHARE_TEXT_MAX, shareableParagraphs } from './paragraphs';

describe('paragraphs to share', () => {
  it('lists the paragraphs with words in them, trimmed, in order', () => {
    expect(
      shareableParagraphs([
        { key: '1', text: '  Ring tilbage samme dag ' },
        { key: '2', text: '' },
        { key: '3', text: '   ' },
        { key: '4', text: 'Fast kontaktperson' },
      ]),
    ).toEqual([
      { key: '1', text: 'Ring tilbage samme dag', tooLong: false },
      { key: '4', text: 'Fast kontaktperson', tooLong: false },
    ]);
  });

  it('marks a paragraph longer than a note may be', () => {
    const [long] = shareableParagraphs([{ key: '1', text: 'x'.repeat(SHARE_TEXT_MAX + 1) }]);
    expect(long?.tooLong).toBe(true);
  });
});
