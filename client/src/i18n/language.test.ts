import { describe, expect, it } from 'vitest';
import { da } from './da';
import { en } from './en';
import { pickLanguage } from './language';

describe('pickLanguage', () => {
  it('follows the browser', () => {
    expect(pickLanguage(null, ['da-DK', 'en'])).toBe('da');
    expect(pickLanguage(null, ['en-GB'])).toBe('en');
  });

  it('prefers the choice stored by the language switch', () => {
    expect(pickLanguage('en', ['da-DK'])).toBe('en');
  });

  it('ignores a stored value it does not know and falls back to English', () => {
    expect(pickLanguage('xx', ['fr-FR', 'de'])).toBe('en');
  });

  it('uses the first supported browser language in order of preference', () => {
    expect(pickLanguage(null, ['fr', 'da', 'en'])).toBe('da');
  });
});

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('translations', () => {
  it('have the same keys in Danish and English', () => {
    expect(keysOf(da).sort()).toEqual(keysOf(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    const lookup = (root: unknown, path: string) =>
      path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    for (const key of keysOf(en)) {
      expect(placeholders(String(lookup(da, key))), key).toEqual(placeholders(String(lookup(en, key))));
    }
  });

  it('call a board "tavle" and a note "post-it" in Danish', () => {
    expect(da.start.title).toBe('Tavler');
    expect(da.board.addNote).toBe('Tilføj post-it');
  });
});
