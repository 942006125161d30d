import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStorage } from '../../src/storage/postgres/PostgresStorage.js';

/** Where the tests find PostgreSQL; CI starts it before the tests (`.ci/run`). */
export const testDatabaseUrl = process.env.SAMLE_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL without its password, for messages. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparsable connection string)';
  }
}

/** A database of its own for one test file, dropped by `drop()`. */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** A fresh, migrated storage in a new schema of this database: each test starts empty. */
  openStorage(): Promise<PostgresStorage>;
  drop(): Promise<void>;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${shownUrl(url)} (${(error as Error).message}). ` +
        'The storage tests need a running PostgreSQL: start the service (.ci/run does) ' +
        'or point SAMLE_TEST_DATABASE_URL at one.',
      { cause: error },
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates `samle_test_<random>` through the database in `url` (by default `postgres`), so
 * test files and repeated CI runs never see each other's data.
 */
export async function createTestDatabase(url = testDatabaseUrl): Promise<TestDatabase> {
  const name = `samle_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  const dbUrl = parsed.toString();
  const open = new Set<PostgresStorage>();
  let schemas = 0;
  return {
    name,
    url: dbUrl,
    async openStorage() {
      schemas++;
      const storage = await PostgresStorage.open({ connectionString: dbUrl, schema: `t${schemas}`, maxConnections: 4 });
      open.add(storage);
      return storage;
    },
    async drop() {
      for (const storage of open) await storage.close();
      open.clear();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
