/**
 * A read-only external store for `useSyncExternalStore` over something that
 * emits changes (a Y type, an awareness instance).
 *
 * It listens to the source only while React is subscribed, so StrictMode's
 * mount → unmount → mount and late subscribers never see a torn-down store,
 * and there is nothing to destroy. Snapshots keep their identity until the
 * value really changes (by `equals`), which is what React requires.
 */
export interface ExternalStore<T> {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): T;
}

export interface ExternalStoreSource<T> {
  /** Reads the current value. `previous` lets a reader reuse unchanged parts. */
  read(previous: T | undefined, hint: unknown): T;
  equals(a: T, b: T): boolean;
  /** Starts listening; calls `changed(hint)` on every change and returns a function that stops. */
  listen(changed: (hint?: unknown) => void): () => void;
}

export function createExternalStore<T>(source: ExternalStoreSource<T>): ExternalStore<T> {
  const listeners = new Set<() => void>();
  let stop: (() => void) | undefined;
  let snapshot: T | undefined;
  let hasSnapshot = false;

  /** Re-reads; returns true when the snapshot changed. */
  const refresh = (hint: unknown): boolean => {
    const next = source.read(hasSnapshot ? snapshot : undefined, hint);
    if (hasSnapshot && source.equals(snapshot as T, next)) return false;
    snapshot = next;
    hasSnapshot = true;
    return true;
  };

  return {
    subscribe(onChange) {
      listeners.add(onChange);
      if (!stop) {
        stop = source.listen((hint) => {
          if (refresh(hint)) for (const listener of listeners) listener();
        });
        refresh(undefined);
      }
      return () => {
        listeners.delete(onChange);
        if (listeners.size === 0 && stop) {
          stop();
          stop = undefined;
        }
      };
    },
    getSnapshot() {
      // While subscribed the cached value is current; otherwise read afresh.
      if (!stop || !hasSnapshot) refresh(undefined);
      return snapshot as T;
    },
  };
}

/** Element-wise identity: true when two arrays hold the very same items in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
