import { nanoid } from 'nanoid';
import { MAX_NAME_LENGTH } from './peers';
import { presenceColorFor } from './presenceColors';

/**
 * Who "I" am in this browser: a display name the person chose, a random id
 * that marks the notes they write, and a colour derived from that id. Kept in
 * localStorage; `samle.name` being set skips the name prompt (end-to-end tests
 * rely on that).
 */
export const NAME_KEY = 'samle.name';
export const USER_ID_KEY = 'samle.userId';

export interface Identity {
  userId: string;
  name: string | undefined;
  color: string;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    // Storage disabled: behave like a first visit.
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch (error) {
    console.warn(`Could not store ${key}; it will be asked again next visit`, error);
  }
}

export function normaliseName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

function loadIdentity(): Identity {
  let userId = read(USER_ID_KEY);
  if (!userId) {
    userId = nanoid();
    write(USER_ID_KEY, userId);
  }
  const name = normaliseName(read(NAME_KEY) ?? '');
  return { userId, name: name || undefined, color: presenceColorFor(userId) };
}

const listeners = new Set<() => void>();
let current: Identity | undefined;

/** A tiny external store so the header, prompt and awareness all see the same name. */
export const identityStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot(): Identity {
    current ??= loadIdentity();
    return current;
  },
  setName(raw: string): void {
    const name = normaliseName(raw);
    if (!name) return;
    write(NAME_KEY, name);
    current = { ...identityStore.getSnapshot(), name };
    for (const listener of listeners) listener();
  },
};
