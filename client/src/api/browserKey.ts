import type { KeyValueStorage } from './grants';

/**
 * A random key this browser keeps and sends when it joins a workshop (by code or
 * invite link). The server remembers it (keyed per workshop) with the person who
 * joined, so joining again from this browser — after clearing a tab, on a new
 * day — returns the same person with the same votes and answers, and a person
 * the facilitator removed is refused instead of coming back under a new name.
 */
export const BROWSER_KEY = 'samle.browserKey';
const PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

function randomKey(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** This browser's key, made and kept on first use. */
export function browserKeyIn(storage: KeyValueStorage): string {
  const kept = storage.getItem(BROWSER_KEY);
  if (kept && PATTERN.test(kept)) return kept;
  const key = randomKey();
  storage.setItem(BROWSER_KEY, key);
  return key;
}
