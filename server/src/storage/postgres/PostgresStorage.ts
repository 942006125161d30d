import pg from 'pg';
import type { BoardRecord } from '../contracts/boardTypes.js';
import {
  type CompactionFence,
  type CompactionResult,
  StaleFenceError,
  type Storage,
  type StoredDoc,
  type UpdateAppend,
} from '../contracts/types.js';
import { compactionInput, toBytes } from '../docBytes.js';
import { PostgresAccessStore } from './PostgresAccessStore.js';
import { PostgresAfterDecisionStore } from './PostgresAfterDecisionStore.js';
import { PostgresDecisionHistory } from './PostgresDecisionHistory.js';
import { PostgresEvaluationStore } from './PostgresEvaluationStore.js';
import { PostgresHistoryStore } from './PostgresHistoryStore.js';
import { PostgresIdeaSupportStore } from './PostgresIdeaSupportStore.js';
import { PostgresPlanStore } from './PostgresPlanStore.js';
import { PostgresQuestionStore } from './PostgresQuestionStore.js';
import { PostgresVoteStore } from './PostgresVoteStore.js';
import { insertBoards, PostgresWorkshopStore } from './PostgresWorkshopStore.js';
import { inTransaction, postgresTypes } from './postgresDb.js';
import { migratePostgres } from './postgresMigrations.js';
import { type BoardRow, toBoardRecord } from './postgresRows.js';

/** The database's clock in milliseconds: every instance's lease times are read on one clock. */
const NOW_MS = '(extract(epoch from clock_timestamp()) * 1000)::bigint';

export interface PostgresStorageOptions {
  /** `postgres://user:password@host:5432/database` — the server's `DATABASE_URL`. */
  connectionString: string;
  /**
   * Schema for Samle's tables (created if missing); PostgreSQL's default search_path when unset.
   * Lets several Samle installations, or test runs, share one database.
   */
  schema?: string;
  /** Pool size; default 10. */
  maxConnections?: number;
  /** An idle pooled connection failed (e.g. the database restarted); the pool has already dropped it. */
  onIdleClientError?: (error: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The production adapter: documents, boards and workshops in PostgreSQL, through a pool.
 *
 * The update log is safe with several server instances writing at once. A BIGSERIAL value
 * is taken at insert time, not at commit, so a log entry can become visible after entries
 * with higher numbers. Compaction therefore deletes exactly the rows it merged (never
 * "everything up to N"), and loading reads the snapshot plus every log row left: an entry
 * that commits while a compaction runs is simply merged by the next one.
 */
export class PostgresStorage implements Storage {
  readonly access: PostgresAccessStore;
  readonly workshops: PostgresWorkshopStore;
  readonly decisions: PostgresDecisionHistory;
  readonly evaluations: PostgresEvaluationStore;
  readonly questions: PostgresQuestionStore;
  readonly votes: PostgresVoteStore;
  readonly ideaSupports: PostgresIdeaSupportStore;
  readonly history: PostgresHistoryStore;
  readonly plans: PostgresPlanStore;
  readonly afterDecision: PostgresAfterDecisionStore;
  private closing: Promise<void> | null = null;

  private constructor(private readonly pool: pg.Pool) {
    this.workshops = new PostgresWorkshopStore(pool);
    this.access = new PostgresAccessStore(pool);
    this.votes = new PostgresVoteStore(pool);
    this.ideaSupports = new PostgresIdeaSupportStore(pool);
    this.plans = new PostgresPlanStore(pool);
    this.questions = new PostgresQuestionStore(pool);
    this.evaluations = new PostgresEvaluationStore(pool);
    this.decisions = new PostgresDecisionHistory(pool);
    this.history = new PostgresHistoryStore(pool);
    this.afterDecision = new PostgresAfterDecisionStore(pool);
  }

  /** Connects, creates the schema if asked to, and runs the migrations this database lacks. */
  static async open(options: PostgresStorageOptions): Promise<PostgresStorage> {
    const { schema } = options;
    if (schema !== undefined) {
      if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}"`);
      if (hasUrlOptions(options.connectionString)) {
        throw new Error('give the schema either as an option or in the URL\'s "options", not both');
      }
    }
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      types: postgresTypes,
      application_name: 'samle',
      ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
    });
    pool.on('error', options.onIdleClientError ?? ((error) => process.emitWarning(error)));
    try {
      const client = await pool.connect();
      let failed: Error | undefined;
      try {
        await migratePostgres(client, schema);
      } catch (error) {
        // The connection may still hold the migration lock: destroy it rather than pool it.
        failed = error instanceof Error ? error : new Error(String(error));
        throw error;
      } finally {
        client.release(failed);
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStorage(pool);
  }

  async loadDoc(docId: string): Promise<StoredDoc | null> {
    // One statement sees one snapshot of the database: a compaction that commits meanwhile
    // cannot make us read the old snapshot together with an already-trimmed log.
    const { rows } = await this.pool.query<{ part: number; seq: number; data: Buffer | null }>(
      `SELECT 0 AS part, 0::bigint AS seq, NULL::bytea AS data FROM docs WHERE id = $1
       UNION ALL SELECT 1, 0, data FROM doc_snapshots WHERE doc_id = $1
       UNION ALL SELECT 2, seq, data FROM doc_updates WHERE doc_id = $1
       UNION ALL SELECT 3, appended, NULL FROM doc_log_positions WHERE doc_id = $1
       ORDER BY part, seq`,
      [docId],
    );
    if (rows[0]?.part !== 0) return null;
    let snapshot: Uint8Array | null = null;
    const updates: Uint8Array[] = [];
    let bytes = 0;
    let position = 0;
    for (const row of rows) {
      if (row.part === 3) position = row.seq;
      if (row.part === 0 || !row.data) continue;
      bytes += row.data.byteLength;
      if (row.part === 1) snapshot = toBytes(row.data);
      else updates.push(toBytes(row.data));
    }
    // Counted once anything was appended through appendUpdates (a board's first update is not).
    return { snapshot, updates, bytes, ...(position > 0 ? { position } : {}) };
  }

  async appendUpdates(entries: readonly UpdateAppend[]): Promise<number[]> {
    if (entries.length === 0) return [];
    // One statement is one transaction: every entry is stored, in the given order, or none is.
    // Each doc's log position moves by its entries (position rows are locked in id order, so two
    // instances' batches never deadlock); each entry gets its own position back.
    const { rows } = await this.pool.query<{ position: number }>(
      `WITH input AS (
         SELECT doc_id, data, n FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(doc_id, data, n)
       ), counts AS (
         SELECT doc_id, count(*) AS c FROM input GROUP BY doc_id
       ), moved AS (
         INSERT INTO doc_log_positions AS p (doc_id, appended)
           SELECT doc_id, c FROM counts ORDER BY doc_id
         ON CONFLICT (doc_id) DO UPDATE SET appended = p.appended + excluded.appended
         RETURNING doc_id, appended
       ), stored AS (
         INSERT INTO doc_updates (doc_id, data) SELECT doc_id, data FROM input ORDER BY n RETURNING 1
       )
       SELECT m.appended - c.c + row_number() OVER (PARTITION BY i.doc_id ORDER BY i.n) AS position
       FROM input i JOIN counts c USING (doc_id) JOIN moved m USING (doc_id)
       ORDER BY i.n`,
      [entries.map((entry) => entry.docId), entries.map((entry) => entry.update)],
    );
    return rows.map((row) => Number(row.position));
  }

  async logSize(docId: string): Promise<{ updates: number; bytes: number }> {
    const { rows } = await this.pool.query<{ updates: number; bytes: number }>(
      'SELECT count(*)::int AS updates, coalesce(sum(octet_length(data)), 0)::bigint AS bytes FROM doc_updates WHERE doc_id = $1',
      [docId],
    );
    return { updates: Number(rows[0]?.updates ?? 0), bytes: Number(rows[0]?.bytes ?? 0) };
  }

  async logPositions(docIds: readonly string[]): Promise<Map<string, number>> {
    const positions = new Map<string, number>(docIds.map((id) => [id, 0]));
    if (docIds.length === 0) return positions;
    const { rows } = await this.pool.query<{ doc_id: string; appended: number }>(
      'SELECT doc_id, appended FROM doc_log_positions WHERE doc_id = ANY($1::text[])',
      [docIds],
    );
    for (const row of rows) positions.set(row.doc_id, Number(row.appended));
    return positions;
  }

  async listDocs(prefix: string): Promise<string[]> {
    // starts_with, not LIKE: prefixes may contain `_`, a LIKE wildcard.
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT id FROM docs WHERE starts_with(id, $1) ORDER BY id',
      [prefix],
    );
    return rows.map((row) => row.id);
  }

  async ensureDoc(docId: string, createdAt: number): Promise<void> {
    await this.pool.query('INSERT INTO docs (id, created_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
      docId,
      createdAt,
    ]);
  }

  /**
   * The read and the write are apart, so the merge (a worker thread's, seconds for a huge board)
   * holds neither a pooled connection nor the doc's row lock. The read is one statement (one
   * snapshot of the database); the write takes the doc's row lock (compactions of a doc take turns,
   * across instances too; appends are not blocked, their foreign-key check takes only a KEY SHARE
   * lock), checks the fence, and deletes exactly the rows merged. If any of them is gone, another
   * compaction merged it since the read (every compaction deletes all the rows it read, and those
   * include some of ours whichever read first): nothing is written, and this one merged nothing.
   */
  async compactDoc(
    docId: string,
    merge: (parts: Uint8Array[]) => Uint8Array | Promise<Uint8Array>,
    fence?: CompactionFence,
  ): Promise<CompactionResult | null> {
    const { rows: stored } = await this.pool.query<{ part: number; seq: number; data: Buffer }>(
      `SELECT 1 AS part, through_seq AS seq, data FROM doc_snapshots WHERE doc_id = $1
       UNION ALL SELECT 2, seq, data FROM doc_updates WHERE doc_id = $1
       ORDER BY part, seq`,
      [docId],
    );
    const snapshot = stored[0]?.part === 1 ? stored[0] : undefined;
    const rows = snapshot ? stored.slice(1) : stored;
    const last = rows.at(-1);
    if (!last) return null;
    const { parts, mergedLogBytes, bytesBefore } = compactionInput(snapshot, rows);
    const merged = await merge(parts);
    const seqs = rows.map((row) => row.seq);
    const overtaken = new Error('overtaken by another compaction');
    try {
      return await inTransaction(this.pool, async (client) => {
        const doc = await client.query('SELECT 1 FROM docs WHERE id = $1 FOR NO KEY UPDATE', [docId]);
        if (doc.rowCount === 0) return null;
        if (fence) {
          // The fencing check: the lease row stays locked until COMMIT, so no one can take the
          // lease (and a newer token) between this check and our write.
          const lease = await client.query<{ token: number }>(
            'SELECT token FROM doc_compaction_leases WHERE doc_id = $1 FOR UPDATE',
            [docId],
          );
          const current = lease.rows[0]?.token;
          if (current !== fence.token) {
            throw new StaleFenceError(`compaction lease token ${fence.token} of ${docId} is stale (now ${current})`);
          }
        }
        const deleted = await client.query('DELETE FROM doc_updates WHERE doc_id = $1 AND seq = ANY($2::bigint[])', [
          docId,
          seqs,
        ]);
        if (deleted.rowCount !== rows.length) throw overtaken; // rolls the delete back
        await client.query(
          `INSERT INTO doc_snapshots (doc_id, data, through_seq) VALUES ($1, $2, $3)
           ON CONFLICT (doc_id) DO UPDATE
             SET data = excluded.data, through_seq = GREATEST(doc_snapshots.through_seq, excluded.through_seq)`,
          [docId, merged, last.seq],
        );
        return { docId, mergedUpdates: rows.length, mergedLogBytes, bytesBefore, bytesAfter: merged.byteLength };
      });
    } catch (error) {
      if (error === overtaken) return null;
      throw error;
    }
  }

  async acquireCompactionLease(docId: string, holder: string, ttlMs: number): Promise<CompactionFence | null> {
    const { rows } = await this.pool.query<{ token: number }>(
      `INSERT INTO doc_compaction_leases AS l (doc_id, holder, token, expires_at)
         VALUES ($1, $2, 1, ${NOW_MS} + $3)
       ON CONFLICT (doc_id) DO UPDATE
         SET holder = excluded.holder, token = l.token + 1, expires_at = excluded.expires_at
         WHERE l.expires_at <= ${NOW_MS} OR l.holder = excluded.holder
       RETURNING token`,
      [docId, holder, ttlMs],
    );
    const token = rows[0]?.token;
    return token === undefined ? null : { docId, holder, token };
  }

  async releaseCompactionLease(fence: CompactionFence): Promise<void> {
    await this.pool.query(
      'UPDATE doc_compaction_leases SET expires_at = 0 WHERE doc_id = $1 AND holder = $2 AND token = $3',
      [fence.docId, fence.holder, fence.token],
    );
  }

  async listBoards(): Promise<BoardRecord[]> {
    const { rows } = await this.pool.query<BoardRow>(
      'SELECT * FROM boards WHERE workshop_id IS NULL ORDER BY created_at DESC, id',
    );
    return rows.map(toBoardRecord);
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const { rows } = await this.pool.query<BoardRow>('SELECT * FROM boards WHERE id = $1', [id]);
    return rows[0] ? toBoardRecord(rows[0]) : null;
  }

  async setBoardAnonymous(id: string, anonymous: boolean): Promise<void> {
    await this.pool.query('UPDATE boards SET anonymous = $1 WHERE id = $2', [anonymous, id]);
  }

  async createBoard(board: BoardRecord, initialUpdate: Uint8Array): Promise<void> {
    await inTransaction(this.pool, (client) => insertBoards(client, [{ board, initialUpdate }]));
  }

  /** Waits for queries in flight, then closes every connection. Safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}

function hasUrlOptions(connectionString: string): boolean {
  try {
    return new URL(connectionString).searchParams.has('options');
  } catch {
    // Not a URL (e.g. a key=value string): pg parses it; we cannot tell, so do not refuse.
    return false;
  }
}
