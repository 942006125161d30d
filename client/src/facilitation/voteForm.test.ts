import { describe, expect, it } from 'vitest';
import { parseVoteNumber } from './voteForm';

describe('parseVoteNumber', () => {
  it('accepts whole numbers from 1 to 50', () => {
    expect(parseVoteNumber('5')).toBe(5);
    expect(parseVoteNumber(' 50 ')).toBe(50);
  });

  it('refuses what the server would refuse', () => {
    for (const input of ['', '0', '51', '2.5', '-1', 'fem']) expect(parseVoteNumber(input), input).toBeNull();
  });
});
