import { parseDocId } from '@samle/shared';
import type pg from 'pg';
import { ApiFailure } from '../errors.js';

/**
 * Server commands that read a document, decide, and write it back (merging two
 * ideas, publishing the catalog, rewriting the questions list) are correct only
 * if no other command on the same documents runs in between — on any instance.
 * A command lock runs such commands one at a time per key, and before each one
 * brings the documents it selects up to what storage holds, so it never decides
 * from a copy that lacks the previous command's result (Redis may be slow or down).
 */
export interface CommandLock {
  run<T>(key: string, work: () => Promise<T>, fresh?: (docId: string) => boolean): Promise<T>;
}

/** What can bring loaded docs up to storage (the cluster bus: `RedisBus.refresh`). */
export interface FreshDocs {
  refresh(which: (docId: string) => boolean): Promise<void>;
}

/** Every document of a workshop's own (catalog, ideas, assessments, published, questions, reflections). */
export function docsOfWorkshop(workshopId: string): (docId: string) => boolean {
  return (docId) => {
    const address = parseDocId(docId);
    return 'workshopId' in address && address.workshopId === workshopId;
  };
}

/** Runs work for one key after the work queued before it for that key (on this instance); a failure does not hold up the next. */
export function inProcessQueue(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return async (key, work) => {
    const run = (tails.get(key) ?? Promise.resolve()).then(work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

/** One instance (SQLite, or PostgreSQL without others): the in-process queue is the whole lock. */
export function inProcessCommandLock(): CommandLock {
  const queue = inProcessQueue();
  return { run: (key, work) => queue(key, work) };
}

export interface PostgresCommandLockOptions {
  /** A pool of the lock's own: a waiting lock holds its connection, and must not starve storage's pool. */
  pool: pg.Pool;
  /** Separates lock keys of different Samle databases/schemas on one PostgreSQL server. */
  namespace: string;
  /** Re-reads the selected loaded docs from storage (the cluster bus's `refresh`). */
  refresh: (which: (docId: string) => boolean) => Promise<void>;
  /** How long a command waits for the lock before it is refused as busy. */
  lockTimeoutMs?: number;
  /** A lock whose connection broke during the command (the command's writes are stored either way). */
  onLostLock: (key: string, error: Error) => void;
}

/**
 * Several instances: the in-process queue first (so one instance holds at most one
 * connection per key), then a transaction-scoped PostgreSQL advisory lock on the key,
 * held while the command runs. If the instance dies, PostgreSQL ends its session and
 * the lock with it.
 */
export function postgresCommandLock(options: PostgresCommandLockOptions): CommandLock {
  const queue = inProcessQueue();
  const timeout = options.lockTimeoutMs ?? 15_000;
  const locked = async <T>(key: string, work: () => Promise<T>, fresh?: (docId: string) => boolean): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await options.pool.connect();
    } catch (error) {
      throw unavailable(error);
    }
    let broken: Error | undefined;
    let open = false;
    try {
      try {
        await client.query('BEGIN');
        open = true;
        await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(timeout))}`);
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${options.namespace}:${key}`]);
      } catch (error) {
        broken = error as Error;
        if ((error as { code?: string }).code === '55P03') {
          throw new ApiFailure(503, 'COMMAND_BUSY', 'Someone else is changing this right now; try again in a moment.');
        }
        throw unavailable(error);
      }
      if (fresh) await options.refresh(fresh);
      const result = await work();
      try {
        open = false;
        await client.query('COMMIT');
      } catch (error) {
        broken = error as Error;
        options.onLostLock(key, broken);
      }
      return result;
    } finally {
      if (open && !broken) {
        // Work that failed leaves the transaction open: end it before the connection is reused.
        await client.query('ROLLBACK').catch((error: Error) => {
          broken = error;
        });
      }
      client.release(broken);
    }
  };
  return { run: (key, work, fresh) => queue(key, () => locked(key, work, fresh)) };
}

function unavailable(error: unknown): ApiFailure {
  const failure = new ApiFailure(
    503,
    'DATABASE_UNAVAILABLE',
    'The database cannot be reached right now; nothing was changed. Try again shortly.',
  );
  failure.cause = error;
  return failure;
}
