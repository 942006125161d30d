import type { Grant } from '@samle/shared';

/**
 * The grants this browser holds: one per workshop, in localStorage under
 * `samle.grant.<workshopId>`, dropped once expired. Also remembers which
 * workshop a board belongs to (`samle.boardWorkshops`), so the board page can
 * pick the right token without asking the server with each one in turn.
 */
export const GRANT_PREFIX = 'samle.grant.';
export const BOARD_INDEX_KEY = 'samle.boardWorkshops';
/** Enough for a long process with many tables; oldest entries fall out first. */
const BOARD_INDEX_MAX = 400;

/** The part of Storage we use, so tests can pass a Map-backed fake. */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function isGrant(value: unknown): value is Grant {
  if (typeof value !== 'object' || value === null) return false;
  const grant = value as Partial<Grant>;
  return (
    typeof grant.token === 'string' &&
    typeof grant.expiresAt === 'string' &&
    typeof grant.workshopId === 'string' &&
    typeof grant.person === 'object' &&
    grant.person !== null
  );
}

function parse(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    // Not ours or damaged: treated as absent, and overwritten on the next save.
    return undefined;
  }
}

export function isExpired(grant: Grant, now: number): boolean {
  const expires = Date.parse(grant.expiresAt);
  return Number.isNaN(expires) || expires <= now;
}

export function createGrantStore(storage: KeyValueStorage, clock: () => number = Date.now) {
  const readIndex = (): Record<string, string> => {
    const index = parse(storage.getItem(BOARD_INDEX_KEY));
    return typeof index === 'object' && index !== null ? (index as Record<string, string>) : {};
  };

  const store = {
    save(grant: Grant): void {
      storage.setItem(GRANT_PREFIX + grant.workshopId, JSON.stringify(grant));
      if (grant.landingBoardId) store.rememberBoards(grant.workshopId, [grant.landingBoardId]);
    },

    /** The workshop's grant, unless it has expired (then it is removed). */
    get(workshopId: string): Grant | undefined {
      const key = GRANT_PREFIX + workshopId;
      const grant = parse(storage.getItem(key));
      if (!isGrant(grant)) return undefined;
      if (isExpired(grant, clock())) {
        storage.removeItem(key);
        return undefined;
      }
      return grant;
    },

    /** Every live grant, the most recently expiring (≈ most recently made) first. */
    all(): Grant[] {
      const ids: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(GRANT_PREFIX)) ids.push(key.slice(GRANT_PREFIX.length));
      }
      return ids
        .map((id) => store.get(id))
        .filter((grant): grant is Grant => grant !== undefined)
        .sort((a, b) => Date.parse(b.expiresAt) - Date.parse(a.expiresAt));
    },

    remove(workshopId: string): void {
      storage.removeItem(GRANT_PREFIX + workshopId);
    },

    rememberBoards(workshopId: string, boardIds: readonly string[]): void {
      const index = readIndex();
      let changed = false;
      for (const boardId of boardIds) {
        if (index[boardId] === workshopId) continue;
        delete index[boardId];
        index[boardId] = workshopId;
        changed = true;
      }
      if (!changed) return;
      const entries = Object.entries(index);
      storage.setItem(BOARD_INDEX_KEY, JSON.stringify(Object.fromEntries(entries.slice(-BOARD_INDEX_MAX))));
    },

    workshopOfBoard(boardId: string): string | undefined {
      return readIndex()[boardId];
    },
  };
  return store;
}

export type GrantStore = ReturnType<typeof createGrantStore>;

/** A storage that forgets everything, for browsers where localStorage is disabled. */
function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

function browserStorage(): KeyValueStorage {
  try {
    const storage = window.localStorage;
    storage.getItem(BOARD_INDEX_KEY);
    return storage;
  } catch (error) {
    console.warn('localStorage is unavailable; access to workshops lasts only for this page', error);
    return memoryStorage();
  }
}

let storageOfBrowser: KeyValueStorage | undefined;
/** localStorage, or (when it is disabled) a memory that lasts for this page. */
export function browserStorageOnce(): KeyValueStorage {
  storageOfBrowser ??= browserStorage();
  return storageOfBrowser;
}

let browserGrants: GrantStore | undefined;
/** The grant store of this browser (created on first use, so node tests never touch `window`). */
export function grants(): GrantStore {
  browserGrants ??= createGrantStore(browserStorageOnce());
  return browserGrants;
}

export { memoryStorage };
