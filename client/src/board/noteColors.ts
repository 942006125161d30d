import type { NoteColor } from '@samle/shared';

/**
 * How each note colour looks. Backgrounds are soft so that `NOTE_INK` reads at
 * WCAG AA (≥ 4.5:1) on every one; `edge` is the darker rim and swatch border.
 */
export const NOTE_INK = '#1f2328';

export const NOTE_COLOR_STYLES: Record<NoteColor, { background: string; edge: string }> = {
  yellow: { background: '#fff1a8', edge: '#e0c341' },
  pink: { background: '#ffd6e5', edge: '#e88aad' },
  green: { background: '#cdeec9', edge: '#78bd72' },
  blue: { background: '#cfe4ff', edge: '#7aa9e6' },
  orange: { background: '#ffdcb8', edge: '#eb9a4f' },
  purple: { background: '#e4d9ff', edge: '#a48ae6' },
};
