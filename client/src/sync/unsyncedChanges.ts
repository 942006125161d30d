/**
 * How many of this person's changes the server may not have yet.
 *
 * y-websocket has no acknowledgements, so this is an approximation: a change
 * made while the connection is not live (not connected and synced, or the
 * browser is offline) counts as unsynced until the next completed sync round,
 * which sends the server everything it lacks. A change made while live goes out
 * on the open socket at once and is not counted. Like the undo history, a
 * burst of updates less than `BURST_MS` apart (typing a note) is one change.
 * The count is kept in localStorage per doc, so it survives a reload made while offline.
 */
export interface UnsyncedCounter {
  /** A change made on this device at `now` (ms). */
  localChange(live: boolean, now?: number): void;
  /** A sync round with the server finished: it has everything. */
  synced(): void;
  get(): number;
  subscribe(listener: () => void): () => void;
}

export interface CounterStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const UNSYNCED_PREFIX = 'samle.unsynced.';
export const BURST_MS = 800;

export function createUnsyncedCounter(storage: CounterStorage | undefined, docId: string): UnsyncedCounter {
  const key = UNSYNCED_PREFIX + docId;
  const stored = Number.parseInt(safeRead(storage, key) ?? '', 10);
  let count = Number.isFinite(stored) && stored > 0 ? stored : 0;
  const listeners = new Set<() => void>();
  let lastChange = Number.NEGATIVE_INFINITY;

  const set = (next: number) => {
    if (next === count) return;
    count = next;
    safeWrite(storage, key, count);
    for (const listener of listeners) listener();
  };

  return {
    localChange(live, now = Date.now()) {
      if (live) return;
      if (now - lastChange >= BURST_MS) set(count + 1);
      lastChange = now;
    },
    synced() {
      lastChange = Number.NEGATIVE_INFINITY;
      set(0);
    },
    get: () => count,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function safeRead(storage: CounterStorage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch (error) {
    // Storage can be disabled; the count then lives for this page only.
    console.warn('Could not read the unsynced count', error);
    return null;
  }
}

function safeWrite(storage: CounterStorage | undefined, key: string, count: number): void {
  try {
    if (count === 0) storage?.removeItem(key);
    else storage?.setItem(key, String(count));
  } catch (error) {
    console.warn('Could not store the unsynced count', error);
  }
}
