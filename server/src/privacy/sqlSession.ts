import path from 'node:path';
import type Database from 'better-sqlite3';
import pg from 'pg';
import { postgresTypes } from '../storage/postgres/postgresDb.js';
import { SqliteDatabase } from '../storage/sqlite/sqliteDriver.js';

/** A row as the database returns it. */
export type SqlRow = Record<string, unknown>;

/** A foreign key: `child.column` refers to `parent.parentColumn`. */
export interface ForeignKey {
  child: string;
  column: string;
  parent: string;
  parentColumn: string;
}

export interface TableShape {
  name: string;
  columns: string[];
  /** Columns that hold text (names can be in them). */
  textColumns: string[];
}

/**
 * Plain SQL on Samle's database, for the privacy tools (purge, export, erasure), which work
 * on every table the schema has (including tables added later) rather than through the
 * typed stores. SQL is written with `?` placeholders; `idIn(column, n)` says "column is one
 * of the ids in parameter n" in the database's own way.
 */
export interface SqlQueries {
  readonly dialect: 'sqlite' | 'postgres';
  all(sql: string, params?: unknown[]): Promise<SqlRow[]>;
  /** Runs a statement and returns how many rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** `column` is one of the ids passed as one parameter (`ids(list)` makes that parameter). */
  idIn(column: string): string;
  ids(list: readonly string[]): unknown;
}

export interface SqlSession extends SqlQueries {
  tables(): Promise<TableShape[]>;
  foreignKeys(): Promise<ForeignKey[]>;
  /** Runs `work` in one transaction: everything it changed is kept, or (when it throws) nothing. */
  transaction<T>(work: (sql: SqlQueries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the database is: the SQLite file, or PostgreSQL's connection string (and schema). */
export type DatabaseTarget = { sqliteFile: string } | { databaseUrl: string; databaseSchema?: string | undefined };

/** The server's configuration as a target (the CLI's way: same environment as the server). */
export function targetOf(config: {
  dataDir: string;
  databaseUrl: string | null;
  databaseSchema?: string | undefined;
}): DatabaseTarget {
  return config.databaseUrl
    ? { databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema }
    : { sqliteFile: path.join(config.dataDir, 'samle.sqlite') };
}

/** A connection of its own to the database the server uses (SQLite file in WAL mode, or a small PostgreSQL pool). */
export function openSqlSession(target: DatabaseTarget): SqlSession {
  if ('databaseUrl' in target) {
    const pool = new pg.Pool({
      connectionString: target.databaseUrl,
      max: 2,
      types: postgresTypes,
      application_name: 'samle-privacy',
      ...(target.databaseSchema ? { options: `-c search_path=${target.databaseSchema}` } : {}),
    });
    pool.on('error', (error) => process.emitWarning(error));
    return new PostgresSession(pool);
  }
  const db = new SqliteDatabase(target.sqliteFile, { fileMustExist: true });
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return new SqliteSession(db);
}

class SqliteSession implements SqlSession {
  readonly dialect = 'sqlite' as const;

  constructor(private readonly db: Database.Database) {}

  async all(sql: string, params: unknown[] = []): Promise<SqlRow[]> {
    return this.db.prepare(sql).all(...params) as SqlRow[];
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    return this.db.prepare(sql).run(...params).changes;
  }

  idIn(column: string): string {
    return `${column} IN (SELECT value FROM json_each(?))`;
  }

  ids(list: readonly string[]): unknown {
    return JSON.stringify(list);
  }

  async tables(): Promise<TableShape[]> {
    const names = this.db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    return names.map(({ name }) => {
      const columns = this.db.pragma(`table_info(${quote(name)})`) as Array<{ name: string; type: string }>;
      return {
        name,
        columns: columns.map((c) => c.name),
        textColumns: columns.filter((c) => /TEXT|CHAR|CLOB/i.test(c.type)).map((c) => c.name),
      };
    });
  }

  async foreignKeys(): Promise<ForeignKey[]> {
    const keys: ForeignKey[] = [];
    for (const table of await this.tables()) {
      const rows = this.db.pragma(`foreign_key_list(${quote(table.name)})`) as Array<{
        table: string;
        from: string;
        to: string | null;
      }>;
      for (const row of rows)
        keys.push({ child: table.name, column: row.from, parent: row.table, parentColumn: row.to ?? 'id' });
    }
    return keys;
  }

  /**
   * better-sqlite3 is synchronous, so every `await` inside `work` resolves at once: the whole
   * transaction runs in one turn of the event loop and the server's own connection (in the same
   * process) never waits on a lock this one holds across I/O.
   */
  async transaction<T>(work: (sql: SqlQueries) => Promise<T>): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(this);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** `?` placeholders as PostgreSQL's `$1, $2, …` (Samle's SQL has no `?` inside literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

class PostgresQueries implements SqlQueries {
  readonly dialect = 'postgres' as const;

  constructor(protected readonly runner: Pick<pg.PoolClient, 'query'>) {}

  async all(sql: string, params: unknown[] = []): Promise<SqlRow[]> {
    return (await this.runner.query(numbered(sql), params)).rows as SqlRow[];
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.runner.query(numbered(sql), params)).rowCount ?? 0;
  }

  idIn(column: string): string {
    return `${column}::text = ANY(?::text[])`;
  }

  ids(list: readonly string[]): unknown {
    return [...list];
  }
}

class PostgresSession extends PostgresQueries implements SqlSession {
  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  async tables(): Promise<TableShape[]> {
    const rows = await this.all(
      `SELECT c.table_name AS name, c.column_name AS col, c.data_type AS type FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`,
    );
    const byName = new Map<string, TableShape>();
    for (const row of rows) {
      const name = String(row.name);
      const shape = byName.get(name) ?? { name, columns: [], textColumns: [] };
      shape.columns.push(String(row.col));
      if (row.type === 'text' || row.type === 'character varying') shape.textColumns.push(String(row.col));
      byName.set(name, shape);
    }
    return [...byName.values()];
  }

  async foreignKeys(): Promise<ForeignKey[]> {
    const rows = await this.all(
      `SELECT child.relname AS child, ca.attname AS col, parent.relname AS parent, pa.attname AS parent_col
       FROM pg_constraint c
       JOIN pg_class child ON child.oid = c.conrelid
       JOIN pg_class parent ON parent.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
       JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = c.conkey[1]
       JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
       WHERE c.contype = 'f' AND n.nspname = current_schema()`,
    );
    return rows.map((row) => ({
      child: String(row.child),
      column: String(row.col),
      parent: String(row.parent),
      parentColumn: String(row.parent_col),
    }));
  }

  async transaction<T>(work: (sql: SqlQueries) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(new PostgresQueries(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** A table or column name as an SQL identifier (names come from the schema, never from input). */
export function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
