import { describe, expect, it } from 'vitest';
import { splitBoardTitle } from './BoardTitle';

describe('splitBoardTitle', () => {
  it('splits a table board into its session and its table at the last spaced dash', () => {
    expect(splitBoardTitle('Medarbejderdag 1 — Bord 2')).toEqual({
      context: 'Medarbejderdag 1',
      separator: ' — ',
      name: 'Bord 2',
    });
    expect(splitBoardTitle('Dag 2 – A-gruppen – Bord 3')).toEqual({
      context: 'Dag 2 – A-gruppen',
      separator: ' – ',
      name: 'Bord 3',
    });
  });

  it('keeps a title without a spaced dash whole, hyphenated words included', () => {
    expect(splitBoardTitle('Plenum')).toEqual({ name: 'Plenum' });
    expect(splitBoardTitle('Byggesags-forløb')).toEqual({ name: 'Byggesags-forløb' });
    expect(splitBoardTitle(' — Bord 2')).toEqual({ name: ' — Bord 2' });
  });

  it('gives back the whole title when its parts are put together again', () => {
    const title = 'Medarbejderdag 1 — Bord 2';
    const { context = '', separator = '', name } = splitBoardTitle(title);
    expect(context + separator + name).toBe(title);
  });
});
