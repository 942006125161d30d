import type { ClusterColor } from '@samle/shared';

/**
 * How each theme colour looks: a calm, light `fill` behind the notes, a
 * slightly deeper `header` strip and `edge`, and `ink` for the title — every
 * ink reads at WCAG AA (≥ 4.5:1) on its header and fill.
 */
export const CLUSTER_COLOR_STYLES: Record<ClusterColor, { fill: string; header: string; edge: string; ink: string }> = {
  sand: { fill: '#f7f1e3', header: '#efe4c8', edge: '#d9c79b', ink: '#4a3b12' },
  sky: { fill: '#eaf3fb', header: '#d9e9f7', edge: '#a9c8e6', ink: '#173e63' },
  mint: { fill: '#e8f5ee', header: '#d3ecdf', edge: '#9fcfb4', ink: '#17472e' },
  rose: { fill: '#fbecef', header: '#f6dae0', edge: '#e2a9b6', ink: '#6b1f31' },
  lilac: { fill: '#f1edfa', header: '#e4dcf5', edge: '#bfaee6', ink: '#3f2a73' },
  slate: { fill: '#eef0f3', header: '#dfe3e9', edge: '#b4bcc8', ink: '#27313f' },
};
