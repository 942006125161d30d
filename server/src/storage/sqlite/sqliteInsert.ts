import type Database from 'better-sqlite3';
import type { Column } from '../insertColumns.js';

/** `INSERT INTO table (…) VALUES (?, …)` for one row of a shared column list (storage/insertColumns.ts). */
export function insertSql(table: string, columns: readonly Column[]): string {
  const names = columns.map(([name]) => name).join(', ');
  return `INSERT INTO ${table} (${names}) VALUES (${columns.map(() => '?').join(', ')})`;
}

/** A row's values as SQLite binds them: better-sqlite3 binds no booleans, so a boolean column gets 1 or 0. */
export function sqliteValues(columns: readonly Column[], values: readonly unknown[]): unknown[] {
  return values.map((value, i) => (columns[i]?.[1] === 'boolean' ? (value ? 1 : 0) : value));
}

/** Inserts one row. Table and column names come from our code, never from input. */
export function insertRow(db: Database.Database, table: string, columns: readonly Column[], values: unknown[]): void {
  db.prepare(insertSql(table, columns)).run(...sqliteValues(columns, values));
}
