import { BOARD_TITLE_MAX } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { validateBoardTitle } from './validateTitle';

describe('validateBoardTitle', () => {
  it('trims the title', () => {
    expect(validateBoardTitle('  Medarbejderdag 1 ')).toEqual({ title: 'Medarbejderdag 1' });
  });

  it('asks for a title when it is empty or only spaces', () => {
    expect(validateBoardTitle('   ')).toEqual({ problem: 'required' });
  });

  it('rejects titles the server would reject as too long', () => {
    expect(validateBoardTitle('x'.repeat(BOARD_TITLE_MAX + 1))).toEqual({ problem: 'tooLong' });
    expect(validateBoardTitle('x'.repeat(BOARD_TITLE_MAX))).toHaveProperty('title');
  });
});
