import { NOTE_COLORS } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../presence/presenceColors';
import { NOTE_COLOR_STYLES, NOTE_INK } from './noteColors';

describe('note colours', () => {
  it('cover every colour of the board schema', () => {
    expect(Object.keys(NOTE_COLOR_STYLES).sort()).toEqual([...NOTE_COLORS].sort());
  });

  it('keep note text readable at WCAG AA contrast', () => {
    for (const color of NOTE_COLORS) {
      expect(contrastRatio(NOTE_COLOR_STYLES[color].background, NOTE_INK), color).toBeGreaterThanOrEqual(4.5);
    }
  });
});
