import { NOTE_COLORS } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { NOTE_COLOR_STYLES } from './noteColors';

describe('note colours', () => {
  it('cover every colour of the board schema', () => {
    expect(Object.keys(NOTE_COLOR_STYLES).sort()).toEqual([...NOTE_COLORS].sort());
  });
});
