import fs from 'node:fs';
import { NOTE_COLORS } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { NOTE_COLOR_STYLES, NOTE_INK } from '../board/noteColors';
import { contrastRatio } from '../presence/presenceColors';

/** The custom properties of tokens.css whose value is a plain hex colour. */
function hexTokens(): Map<string, string> {
  const text = fs.readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');
  const tokens = new Map<string, string>();
  for (const [, name, value] of text.matchAll(/^\s*--([\w-]+):\s*(#[0-9a-fA-F]{6});/gm)) {
    if (name && value) tokens.set(name, value.toLowerCase());
  }
  return tokens;
}

const tokens = hexTokens();
const token = (name: string): string => {
  const value = tokens.get(name);
  if (!value) throw new Error(`tokens.css has no hex token --${name}`);
  return value;
};

/** Text tokens and the surfaces the stylesheets put them on. */
const TEXT_ON_SURFACE: [text: string, surfaces: string[]][] = [
  ['ink', ['surface', 'paper', 'surface-sunken', 'surface-strong', 'brand-soft']],
  ['ink-muted', ['surface', 'paper', 'surface-sunken', 'surface-strong', 'surface-raised']],
  ['ink-faint', ['surface', 'paper', 'surface-sunken', 'surface-strong']],
  ['ink-soft', ['surface', 'surface-paper-note']],
  ['ink-chip', ['surface-inset']],
  ['ink-chip-strong', ['surface-grey']],
  ['ink-inverse', ['brand', 'brand-strong', 'danger', 'danger-strong', 'ok', 'violet', 'violet-fill', 'surface-dark']],
  ['ink-on-dark-muted', ['surface-dark']],
  ['danger', ['surface', 'danger-soft']],
  ['danger-ink', ['danger-soft', 'surface']],
  ['danger-on-dark', ['surface-dark']],
  ['ok', ['surface', 'ok-tint']],
  ['ok-ink', ['ok-soft', 'ok-faint']],
  ['warning', ['surface', 'warning-tint']],
  ['warning-ink', ['attention-soft', 'amber-chip', 'warning-faint']],
  ['warning-ink-soft', ['warning-notice']],
  ['warning-ink-strong', ['warning-soft', 'amber-soft']],
  ['warning-ink-deep', ['amber-panel']],
  ['warning-ink-gold', ['amber-tag']],
  ['info-ink', ['info-soft']],
  ['tag-cool-ink', ['tag-cool']],
  ['violet-ink', ['violet-soft']],
  ['violet-ink-soft', ['violet-soft']],
  ['violet-text', ['tag-soft', 'surface']],
  ['decision-start_now', ['surface', 'decision-start_now-soft']],
  ['decision-council', ['surface', 'decision-council-soft']],
  ['decision-on_hold', ['surface', 'decision-on_hold-soft']],
  ['decision-undecided', ['surface', 'decision-undecided-soft']],
];

describe('design tokens', () => {
  it.each(TEXT_ON_SURFACE)('keep --%s readable at WCAG AA (4.5:1) on its surfaces', (text, surfaces) => {
    for (const surface of surfaces) {
      expect(contrastRatio(token(text), token(surface)), `--${text} on --${surface}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('define every note colour the board draws (noteColors.ts names them, only tokens.css holds them)', () => {
    const named = (value: string): string => {
      const match = /^var\(--([\w-]+)\)$/.exec(value);
      if (!match?.[1]) throw new Error(`${value} is not a reference to a token`);
      return match[1];
    };
    expect(token(named(NOTE_INK))).toMatch(/^#[0-9a-f]{6}$/);
    for (const color of NOTE_COLORS) {
      expect(named(NOTE_COLOR_STYLES[color].background), color).toBe(`note-${color}`);
      expect(named(NOTE_COLOR_STYLES[color].edge), color).toBe(`note-${color}-edge`);
      expect(token(`note-${color}`), color).toMatch(/^#[0-9a-f]{6}$/);
      expect(token(`note-${color}-edge`), color).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it.each([...NOTE_COLORS])('keep note text readable at WCAG AA (4.5:1) on a %s note', (color) => {
    expect(contrastRatio(token('note-ink'), token(`note-${color}`))).toBeGreaterThanOrEqual(4.5);
  });
});
