import { afterAll, afterEach, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from './postgres.js';

export type Cleanup = () => Promise<void> | void;

/**
 * Cleanups a test registers as it starts things (servers, clients, proxies), run after each
 * test, last registered first. Call once, at the top of a test file (it registers the hook).
 */
export function useCleanups(): (cleanup: Cleanup) => void {
  const cleanups: Cleanup[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return (cleanup) => {
    cleanups.push(cleanup);
  };
}

/**
 * The file's (or describe block's) own PostgreSQL database: made before its tests, dropped after
 * them. Call once, at the top of the file or block; the getter throws if read outside the tests
 * (before `beforeAll`). Without PostgreSQL every test that reads the getter fails with the reason:
 * a throwing `beforeAll` would mark them skipped instead, and CI starts the service, so a missing
 * one is a broken setup to be seen.
 */
export function useFileDatabase(caller: string): () => TestDatabase {
  let database: TestDatabase | undefined;
  let unreachable: unknown;
  beforeAll(async () => {
    try {
      database = await createTestDatabase();
    } catch (error) {
      unreachable = error;
    }
  }, 30_000);
  afterAll(async () => {
    await database?.drop();
  });
  return () => {
    if (!database) throw unreachable ?? new Error(`${caller}: the test database is made in beforeAll`);
    return database;
  };
}
