import type { NoteColor } from '@samle/shared';

/**
 * How each note colour looks, as references to the custom properties of
 * client/src/styles/tokens.css: that file is the one place the colours are
 * written (tokens.test.ts checks every reference names a token there, and the
 * note text's contrast on each). Backgrounds are soft so that the note ink
 * reads at WCAG AA (≥ 4.5:1) on every one; `edge` is the darker rim and swatch border.
 * Every use is a CSS value (inline style or custom property), where var() resolves.
 */
export const NOTE_INK = 'var(--note-ink)';

export const NOTE_COLOR_STYLES: Record<NoteColor, { background: string; edge: string }> = {
  yellow: { background: 'var(--note-yellow)', edge: 'var(--note-yellow-edge)' },
  pink: { background: 'var(--note-pink)', edge: 'var(--note-pink-edge)' },
  green: { background: 'var(--note-green)', edge: 'var(--note-green-edge)' },
  blue: { background: 'var(--note-blue)', edge: 'var(--note-blue-edge)' },
  orange: { background: 'var(--note-orange)', edge: 'var(--note-orange-edge)' },
  purple: { background: 'var(--note-purple)', edge: 'var(--note-purple-edge)' },
};
