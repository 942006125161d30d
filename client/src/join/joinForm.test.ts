import { describe, expect, it } from 'vitest';
import { landingPath, normaliseJoinCode, validateJoin } from './joinForm';

describe('normaliseJoinCode', () => {
  it('accepts the code however it was typed', () => {
    expect(normaliseJoinCode(' ab1 2-cd ')).toBe('AB12CD');
    expect(normaliseJoinCode('ABCDEFGH')).toBe('ABCDEF');
  });
});

describe('validateJoin', () => {
  it('asks for a complete code and a name', () => {
    expect(validateJoin({ code: '', name: '' })).toEqual(['codeRequired', 'nameRequired']);
    expect(validateJoin({ code: 'AB1', name: 'Mette' })).toEqual(['codeShort']);
    expect(validateJoin({ code: 'ab12cd', name: ' Mette ' })).toEqual([]);
  });

  it('refuses names longer than the server accepts', () => {
    expect(validateJoin({ code: 'AB12CD', name: 'x'.repeat(81) })).toEqual(['nameTooLong']);
  });
});

describe('landingPath', () => {
  it('opens the landing board when there is one, else the workshop home', () => {
    expect(landingPath({ landingBoardId: 'b1', workshopId: 'w1' })).toBe('/b/b1');
    expect(landingPath({ landingBoardId: null, workshopId: 'w1' })).toBe('/w/w1');
  });
});
