import pg from 'pg';
import type { Column } from '../insertColumns.js';

/** A pool or a client inside a transaction: anything that runs a query. */
export type Queryable = Pick<pg.PoolClient, 'query'>;

const INT8_OID = 20;

/**
 * BIGINT (timestamps, sequence numbers, COUNT) as a JavaScript number instead of pg's
 * default string. Millisecond timestamps and log sequences stay far below 2^53; a value
 * that does not fit fails loudly rather than being rounded.
 */
export const postgresTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID && format !== 'binary') return parseInt8;
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`BIGINT ${text} does not fit a JavaScript number`);
  return value;
}

/**
 * Runs `work` in one transaction on one pooled connection: COMMIT when it resolves,
 * ROLLBACK when it throws (the error is rethrown). A connection whose ROLLBACK failed
 * is destroyed rather than returned to the pool, which ends its transaction server-side.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  begin: 'BEGIN' | 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Inserts many rows with one statement: one array parameter per column, zipped by
 * `unnest` and inserted in the order given. Table and column names come from our code,
 * never from input.
 */
export async function insertRows(
  db: Queryable,
  table: string,
  columns: readonly Column[],
  rows: ReadonlyArray<readonly unknown[]>,
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => name).join(', ');
  const params = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const values = columns.map((_, i) => rows.map((row) => row[i] ?? null));
  await db.query(
    `INSERT INTO ${table} (${names})
     SELECT ${aliases} FROM unnest(${params}) WITH ORDINALITY AS t(${aliases}, n) ORDER BY n`,
    values,
  );
}
