import { CLUSTER_COLORS } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../presence/presenceColors';
import { CLUSTER_COLOR_STYLES } from './clusterColors';

describe('theme colours', () => {
  it('cover every theme colour of the board schema', () => {
    expect(Object.keys(CLUSTER_COLOR_STYLES).sort()).toEqual([...CLUSTER_COLORS].sort());
  });

  it('keep the theme title readable at WCAG AA contrast on its header and fill', () => {
    for (const color of CLUSTER_COLORS) {
      const style = CLUSTER_COLOR_STYLES[color];
      expect(contrastRatio(style.header, style.ink), color).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(style.fill, style.ink), color).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('stay light enough that notes stand out in front of them', () => {
    for (const color of CLUSTER_COLORS) {
      expect(contrastRatio(CLUSTER_COLOR_STYLES[color].fill, '#ffffff'), color).toBeLessThan(1.2);
    }
  });
});
