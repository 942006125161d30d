import { describe, expect, it } from 'vitest';
import { charactersLeft, pasteWithin } from './textLimit';

describe('pasting into a note near its limit', () => {
  it('keeps a paste that fits whole', () => {
    expect(pasteWithin('ab', 1, 1, 'XY', 10)).toEqual({ text: 'aXYb', caret: 3, cut: 0 });
  });

  it('cuts a 5,000-character paste to what fits and says how much was cut', () => {
    const result = pasteWithin('', 0, 0, 'x'.repeat(5000), 2000);
    expect(result.text).toHaveLength(2000);
    expect(result.cut).toBe(3000);
  });

  it('keeps the text around the caret and replaces the selection', () => {
    expect(pasteWithin('hello world', 6, 11, 'there, long text', 14)).toEqual({
      text: 'hello there, l',
      caret: 14,
      cut: 8,
    });
    expect(pasteWithin('hello world', 6, 6, 'big ', 12)).toEqual({ text: 'hello bworld', caret: 7, cut: 3 });
  });

  it('never splits an emoji in half', () => {
    const result = pasteWithin('', 0, 0, 'ab😀', 3);
    expect(result.text).toBe('ab');
    expect(result.cut).toBe(2);
  });
});

describe('the count of characters left', () => {
  it('appears only near the limit', () => {
    expect(charactersLeft(100, 2000)).toBeUndefined();
    expect(charactersLeft(1850, 2000)).toBe(150);
    expect(charactersLeft(2000, 2000)).toBe(0);
  });
});
