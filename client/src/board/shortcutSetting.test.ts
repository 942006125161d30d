import { describe, expect, it } from 'vitest';
import { isCharacterKey } from './shortcutSetting';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('character key shortcuts (WCAG 2.1.4)', () => {
  it('are the one-character keys without a modifier', () => {
    for (const key of ['n', 'N', 'c', 'f', '1', '+', '-', '0']) expect(isCharacterKey(press(key))).toBe(true);
  });

  it('leave out Ctrl/⌘ combinations and named keys', () => {
    expect(isCharacterKey(press('z', { ctrlKey: true }))).toBe(false);
    expect(isCharacterKey(press('d', { metaKey: true }))).toBe(false);
    for (const key of ['Delete', 'Enter', 'Escape', 'ArrowLeft', ' ']) expect(isCharacterKey(press(key))).toBe(false);
  });
});
