import { useCallback, useSyncExternalStore } from 'react';

/**
 * What is picked on the synthesis view, as the rows of its columns read it: a
 * set of keys (a note's `boardId|noteId`, a theme's pick key) that each row
 * subscribes to by its own key. A pick then re-renders the rows whose key came
 * or went — one or a theme's few — instead of every column and every row in
 * view. The view keeps the selection itself; this mirrors what it stands for.
 */
export class PickedKeys {
  private keys: ReadonlySet<string> = new Set();
  private readonly listeners = new Map<string, Set<() => void>>();

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** The new picked keys; the rows whose key came or went are told, no one else. */
  replace(next: ReadonlySet<string>): void {
    const before = this.keys;
    if (next === before) return;
    this.keys = next;
    for (const key of before) if (!next.has(key)) this.notify(key);
    for (const key of next) if (!before.has(key)) this.notify(key);
  }

  subscribe(key: string, listener: () => void): () => void {
    let forKey = this.listeners.get(key);
    if (!forKey) {
      forKey = new Set();
      this.listeners.set(key, forKey);
    }
    forKey.add(listener);
    return () => {
      forKey.delete(listener);
      if (forKey.size === 0) this.listeners.delete(key);
    };
  }

  private notify(key: string): void {
    const forKey = this.listeners.get(key);
    if (forKey) for (const listener of [...forKey]) listener();
  }
}

const UNSUBSCRIBED = () => {};

/** Whether `key` is picked, re-rendering only when that changes; false for no key (a loose note's theme). */
export function usePicked(picked: PickedKeys, key: string | null): boolean {
  const subscribe = useCallback(
    (listener: () => void) => (key === null ? UNSUBSCRIBED : picked.subscribe(key, listener)),
    [picked, key],
  );
  return useSyncExternalStore(subscribe, () => key !== null && picked.has(key));
}
