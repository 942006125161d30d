import path from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/privacy/sqlSession.js';
import { SqliteDatabase } from '../../src/storage/sqlite/sqliteDriver.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';
import { type RunningSamle, startSamle, tempDataDir } from './samleServer.js';

/** A cell of a table, read with the database's own driver (not Samle's code): text as is, bytes as bytes. */
export interface Cell {
  table: string;
  text: string | null;
  bytes: Uint8Array | null;
}

export interface RunningOn {
  samle: RunningSamle;
  target: DatabaseTarget;
  /** The environment `samle` (the CLI) needs to reach the same database. */
  env: Record<string, string>;
  /** Every cell of every table. */
  cells(): Promise<Cell[]>;
}

/** One of the databases Samle runs on, for tests that check what is stored, whatever the engine. */
export interface DatabaseKind {
  name: string;
  start(): Promise<RunningOn>;
  cleanup(): Promise<void>;
}

function cellsOf(table: string, rows: Array<Record<string, unknown>>): Cell[] {
  const cells: Cell[] = [];
  for (const row of rows) {
    for (const value of Object.values(row)) {
      if (typeof value === 'string') cells.push({ table, text: value, bytes: null });
      else if (value instanceof Uint8Array) cells.push({ table, text: null, bytes: value });
    }
  }
  return cells;
}

export const sqliteKind: DatabaseKind = {
  name: 'SQLite',
  async start() {
    const dataDir = tempDataDir();
    const samle = await startSamle({ dataDir });
    const file = path.join(dataDir, 'samle.sqlite');
    return {
      samle,
      target: { sqliteFile: file },
      env: { SAMLE_DATA_DIR: dataDir },
      async cells() {
        const db = new SqliteDatabase(file, { readonly: true });
        try {
          const tables = db
            .prepare<[], { name: string }>(
              "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .all();
          return tables.flatMap(({ name }) =>
            cellsOf(name, db.prepare(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>),
          );
        } finally {
          db.close();
        }
      },
    };
  },
  async cleanup() {},
};

/** PostgreSQL in a database of its own per test file (support/postgres.ts), one schema per start. */
export function postgresKind(): DatabaseKind {
  let database: TestDatabase | undefined;
  let starts = 0;
  return {
    name: 'PostgreSQL',
    async start() {
      database ??= await createTestDatabase();
      const storage = await database.openStorage();
      // Each storage of a test database lives in its own schema, t1, t2, … (support/postgres.ts).
      starts++;
      const schema = `t${starts}`;
      const env = { DATABASE_URL: database.url, SAMLE_DATABASE_SCHEMA: schema };
      const samle = await startSamle({ storage, env });
      const url = database.url;
      return {
        samle,
        target: { databaseUrl: url, databaseSchema: schema },
        env,
        async cells() {
          const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
          await client.connect();
          try {
            const { rows: tables } = await client.query<{ name: string }>(
              "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'",
              [schema],
            );
            const cells: Cell[] = [];
            for (const { name } of tables)
              cells.push(...cellsOf(name, (await client.query(`SELECT * FROM "${name}"`)).rows));
            return cells;
          } finally {
            await client.end();
          }
        },
      };
    },
    async cleanup() {
      await database?.drop();
    },
  };
}

/** Cells whose text contains `needle`, or whose bytes contain it as UTF-8 (Yjs updates keep strings as UTF-8). */
export function cellsMentioning(cells: Cell[], needle: string): Cell[] {
  const bytes = Buffer.from(needle, 'utf8');
  return cells.filter((cell) =>
    cell.text !== null ? cell.text.includes(needle) : Buffer.from(cell.bytes ?? new Uint8Array()).includes(bytes),
  );
}
