import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Resolves once the page's copy of the board on the device (IndexedDB, `samle.doc.<boardId>`) holds `text`
 * (Yjs stores strings as UTF-8). Asked again every 200 ms from here: page.waitForFunction takes the promise an
 * async predicate returns for a truthy answer, so it would not wait at all.
 */
export async function untilDeviceCopyHolds(page: Page, boardId: string, text: string): Promise<void> {
  const holds = () =>
    page.evaluate(
      async ({ name, wanted }) => {
        // Opening a database that is not there yet would create it without the page's stores.
        if (!(await indexedDB.databases()).some((db) => db.name === name)) return false;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        try {
          if (!db.objectStoreNames.contains('updates')) return false;
          const entries = await new Promise<Uint8Array[]>((resolve, reject) => {
            const all = db.transaction('updates').objectStore('updates').getAll();
            all.onsuccess = () => resolve(all.result as Uint8Array[]);
            all.onerror = () => reject(all.error);
          });
          const bytes = new TextEncoder().encode(wanted);
          return entries.some((entry) => entry.some((_, i) => bytes.every((byte, j) => entry[i + j] === byte)));
        } finally {
          db.close();
        }
      },
      { name: `samle.doc.${boardId}`, wanted: text },
    );
  await expect.poll(holds, { timeout: 30_000, interval: 200 }).toBe(true);
}
