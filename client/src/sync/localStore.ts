import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import type * as Y from 'yjs';

/**
 * A doc's copy in this browser's IndexedDB (y-indexeddb), so edits made while
 * disconnected survive a reload and merge when the connection returns.
 *
 * A store can be wiped (`forgetLocalCopy`) after the server refused a write
 * (4403) or withdrew access (4410): the refused change must not come back from
 * disk into the fresh doc that replaces it. A store opened while a wipe of the
 * same name is under way waits for it to finish.
 */
export interface LocalStore {
  /** Settles once what was stored has been applied to the doc (or at once when there is no IndexedDB). */
  readonly loaded: Promise<void>;
  /** The origin of the updates this store applies to the doc (they are not new local changes). */
  readonly origin: unknown;
  /**
   * Writes the doc's whole state as one entry, replacing the entries before it, once the copy has been read
   * and the page is idle: for a first sync the store did not see (quietFirstSync).
   */
  storeWhole(): void;
  destroy(): void;
}

/** After the page has painted and has a moment: the whole-state write encodes the whole doc (~0.3 s at 10,000 notes). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 3000 });
  else setTimeout(task, 500);
}

const pendingWipes = new Map<string, Promise<void>>();

export function localStoreName(docId: string): string {
  return `samle.doc.${docId}`;
}

export function openLocalStore(docId: string, doc: Y.Doc): LocalStore {
  if (typeof indexedDB === 'undefined') {
    return { loaded: Promise.resolve(), origin: undefined, storeWhole: () => {}, destroy: () => {} };
  }
  const name = localStoreName(docId);
  let persistence: IndexeddbPersistence | undefined;
  let destroyed = false;
  const loaded = (pendingWipes.get(name) ?? Promise.resolve()).then(async () => {
    if (destroyed || doc.isDestroyed) return;
    persistence = new IndexeddbPersistence(name, doc);
    await persistence.whenSynced;
  });
  const settled = loaded.catch((error: unknown) => {
    console.error(`Could not read the local copy of ${docId}`, error);
  });
  return {
    loaded: settled,
    // y-indexeddb applies stored updates with itself as origin.
    get origin() {
      return persistence;
    },
    storeWhole() {
      void settled.then(() =>
        whenIdle(() => {
          if (destroyed || !persistence || doc.isDestroyed) return;
          storeState(persistence, true).catch((error: unknown) => {
            console.error(`Could not write the local copy of ${docId}`, error);
          });
        }),
      );
    },
    destroy() {
      destroyed = true;
      void persistence?.destroy();
    },
  };
}

/** Deletes the doc's local copy; stores of the same doc opened meanwhile start after it is gone. */
export function forgetLocalCopy(docId: string, open?: LocalStore): Promise<void> {
  const name = localStoreName(docId);
  open?.destroy();
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  const wipe = new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => {
      console.error(`Could not delete the local copy of ${docId}`, request.error);
      resolve();
    };
    // Another tab still has it open: it is deleted once that tab closes it.
    request.onblocked = () => resolve();
  }).finally(() => {
    if (pendingWipes.get(name) === wipe) pendingWipes.delete(name);
  });
  pendingWipes.set(name, wipe);
  return wipe;
}
