import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresStorage } from '../src/storage/postgres/PostgresStorage.js';
import { DATABASE_TOO_NEW_EXIT_CODE, DatabaseTooNewError } from '../src/storage/schemaVersion.js';
import { SqliteStorage } from '../src/storage/sqlite/SqliteStorage.js';
import { SqliteDatabase } from '../src/storage/sqlite/sqliteDriver.js';
import { sqliteMigrations } from '../src/storage/sqlite/sqliteMigrations.js';
import { tempDataDir } from './support/samleServer.js';
import { useFileDatabase } from './support/testScope.js';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
/** A migration number no build of Samle knows yet: what a newer version would have recorded. */
const FUTURE_VERSION = 9001;
/** Starting a Node process takes seconds on a loaded CI machine (14 s seen); the default 20 s is too tight. */
const PROCESS_TEST_MS = 120_000;

/** Runs a built entry point to its end and returns its exit code and what it wrote to stderr. */
function runToEnd(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  const file = path.join(dist, script);
  if (!fs.existsSync(file)) throw new Error(`build the server first (pnpm build): ${file}`);
  const child = spawn(process.execPath, [file, ...args], {
    env: { ...process.env, PORT: '0', SAMLE_CLIENT_DIR: '', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

function sqliteVersions(dataDir: string): number[] {
  const db = new SqliteDatabase(path.join(dataDir, 'samle.sqlite'), { readonly: true });
  try {
    return db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version')
      .all()
      .map((row) => row.version);
  } finally {
    db.close();
  }
}

/** A data folder whose SQLite file a newer Samle has migrated (one migration more than this build knows). */
async function sqliteFromTheFuture(): Promise<string> {
  const dataDir = tempDataDir();
  await new SqliteStorage({ dataDir }).close();
  const db = new SqliteDatabase(path.join(dataDir, 'samle.sqlite'));
  db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
    FUTURE_VERSION,
    'a table from a newer Samle',
    Date.now(),
  );
  db.close();
  return dataDir;
}

const known = Math.max(...sqliteMigrations.map((migration) => migration.version));

describe('a database migrated by a newer Samle', () => {
  it(
    'SQLite: the server refuses to start, says which versions and what to do, and leaves the file as it was',
    async () => {
      const dataDir = await sqliteFromTheFuture();
      const before = sqliteVersions(dataDir);

      const { code, stderr } = await runToEnd('main.js', [], { SAMLE_DATA_DIR: dataDir });

      expect(code).toBe(DATABASE_TOO_NEW_EXIT_CODE);
      expect(stderr).toContain(`schema version ${FUTURE_VERSION}`);
      expect(stderr).toContain(`knows schema versions up to ${known}`);
      expect(stderr).toContain('restore a backup');
      expect(stderr).toContain(path.join(dataDir, 'samle.sqlite'));
      expect(stderr).not.toMatch(/\n\s+at /); // a sentence for the operator, not a stack trace
      expect(sqliteVersions(dataDir)).toEqual(before);
    },
    PROCESS_TEST_MS,
  );

  it(
    'SQLite: the operator CLI refuses the same file with the same sentence and exit 1',
    async () => {
      const dataDir = await sqliteFromTheFuture();
      const { code, stderr } = await runToEnd('cli.js', ['create-facilitator', '--email=a@example.dk', '--name=A'], {
        SAMLE_DATA_DIR: dataDir,
      });
      expect(code).toBe(1);
      expect(stderr).toContain(`schema version ${FUTURE_VERSION}`);
      expect(stderr).not.toMatch(/\n\s+at /);
    },
    PROCESS_TEST_MS,
  );

  it('SQLite: a database this build knows opens as before', async () => {
    const dataDir = tempDataDir();
    await new SqliteStorage({ dataDir }).close();
    const again = new SqliteStorage({ dataDir });
    await again.close();
    expect(Math.max(...sqliteVersions(dataDir))).toBe(known);
  });

  describe('PostgreSQL', () => {
    const database = useFileDatabase('newerDatabase.test');

    it(
      'storage refuses to open the schema, and the server exits with the documented code',
      async () => {
        const schema = 'from_the_future';
        const storage = await PostgresStorage.open({ connectionString: database().url, schema, maxConnections: 2 });
        await storage.close();
        const client = new pg.Client({ connectionString: database().url });
        await client.connect();
        try {
          await client.query(
            `INSERT INTO ${schema}.schema_migrations (version, name, applied_at) VALUES ($1, 'a table from a newer Samle', $2)`,
            [FUTURE_VERSION, Date.now()],
          );
        } finally {
          await client.end();
        }

        const opening = PostgresStorage.open({ connectionString: database().url, schema, maxConnections: 2 });
        await expect(opening).rejects.toBeInstanceOf(DatabaseTooNewError);
        await expect(opening).rejects.toThrow(`the PostgreSQL schema "${schema}" has schema version ${FUTURE_VERSION}`);

        const { code, stderr } = await runToEnd('main.js', [], {
          DATABASE_URL: database().url,
          SAMLE_DATABASE_SCHEMA: schema,
          SAMLE_DATA_DIR: tempDataDir(),
        });
        expect(code).toBe(DATABASE_TOO_NEW_EXIT_CODE);
        expect(stderr).toContain(`schema version ${FUTURE_VERSION}`);
        expect(stderr).toContain('restore a backup');
      },
      PROCESS_TEST_MS,
    );
  });
});
