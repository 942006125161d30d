import path from 'node:path';
import type Database from 'better-sqlite3';
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
import { ensurePrivateDir, ensurePrivateFiles } from '../privateFiles.js';
import { toBoardRecord } from '../rows.js';
import { refuseNewerSchema } from '../schemaVersion.js';
import { SqliteAccessStore } from './SqliteAccessStore.js';
import { SqliteAfterDecisionStore } from './SqliteAfterDecisionStore.js';
import { SqliteDecisionHistory } from './SqliteDecisionHistory.js';
import { SqliteEvaluationStore } from './SqliteEvaluationStore.js';
import { SqliteHistoryStore } from './SqliteHistoryStore.js';
import { SqliteIdeaSupportStore } from './SqliteIdeaSupportStore.js';
import { SqlitePlanStore } from './SqlitePlanStore.js';
import { SqliteQuestionStore } from './SqliteQuestionStore.js';
import { SqliteVoteStore } from './SqliteVoteStore.js';
import { SqliteWorkshopStore } from './SqliteWorkshopStore.js';
import { SqliteDatabase } from './sqliteDriver.js';
import { sqliteMigrations } from './sqliteMigrations.js';
import { WalCheckpointer } from './WalCheckpointer.js';

export interface SqliteStorageOptions {
  /** Folder for the database file; created if missing. */
  dataDir: string;
  /** `normal` survives a process crash (kill -9); `full` also survives power loss, at a cost per commit. */
  synchronous?: 'normal' | 'full';
  /** Run WAL checkpoints on a worker thread instead of inside commits (the server does; short-lived tools need not). */
  checkpointInWorker?: boolean;
  onCheckpointError?: (message: string) => void;
}

/**
 * The embedded default: one SQLite file in WAL mode. better-sqlite3 is synchronous,
 * so every method finishes its transaction before it returns; the Promise wrapper
 * exists so the relay can use PostgreSQL through the same interface.
 */
export class SqliteStorage implements Storage {
  readonly file: string;
  readonly access: SqliteAccessStore;
  readonly workshops: SqliteWorkshopStore;
  readonly decisions: SqliteDecisionHistory;
  readonly evaluations: SqliteEvaluationStore;
  readonly questions: SqliteQuestionStore;
  readonly votes: SqliteVoteStore;
  readonly ideaSupports: SqliteIdeaSupportStore;
  readonly history: SqliteHistoryStore;
  readonly plans: SqlitePlanStore;
  readonly afterDecision: SqliteAfterDecisionStore;
  private readonly checkpointer: WalCheckpointer | null;
  private readonly db: Database.Database;
  private readonly statements;
  /**
   * The hot paths' transactions, wrapped once: `db.transaction()` builds a new wrapper function on
   * each call, and for appends that was a large part of a stored update's cost.
   */
  private readonly transactions;

  constructor(options: SqliteStorageOptions) {
    ensurePrivateDir(options.dataDir);
    this.file = path.join(options.dataDir, 'samle.sqlite');
    ensurePrivateFiles(this.file, [`${this.file}-wal`, `${this.file}-shm`]);
    this.db = new SqliteDatabase(this.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    try {
      migrate(this.db, `the SQLite file ${this.file}`);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.workshops = new SqliteWorkshopStore(this.db);
    this.access = new SqliteAccessStore(this.db);
    this.votes = new SqliteVoteStore(this.db);
    this.ideaSupports = new SqliteIdeaSupportStore(this.db);
    this.plans = new SqlitePlanStore(this.db);
    this.questions = new SqliteQuestionStore(this.db);
    this.evaluations = new SqliteEvaluationStore(this.db);
    this.decisions = new SqliteDecisionHistory(this.db);
    this.history = new SqliteHistoryStore(this.db);
    this.afterDecision = new SqliteAfterDecisionStore(this.db);
    this.checkpointer = options.checkpointInWorker
      ? new WalCheckpointer(this.db, this.file, options.onCheckpointError ?? (() => {}))
      : null;
    this.statements = {
      docExists: this.db.prepare<[string], { one: number }>('SELECT 1 AS one FROM docs WHERE id = ?'),
      snapshot: this.db.prepare<[string], { data: Buffer; through_seq: number }>(
        'SELECT data, through_seq FROM doc_snapshots WHERE doc_id = ?',
      ),
      updatesAfter: this.db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
      ),
      insertUpdate: this.db.prepare<[string, Uint8Array]>('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)'),
      insertDoc: this.db.prepare<[string, number]>('INSERT INTO docs (id, created_at) VALUES (?, ?)'),
      upsertSnapshot: this.db.prepare<[string, Uint8Array, number]>(
        `INSERT INTO doc_snapshots (doc_id, data, through_seq) VALUES (?, ?, ?)
         ON CONFLICT(doc_id) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq`,
      ),
      deleteUpdatesThrough: this.db.prepare<[string, number]>('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?'),
      listBoards: this.db.prepare<[], Parameters<typeof toBoardRecord>[0]>(
        'SELECT * FROM boards WHERE workshop_id IS NULL ORDER BY created_at DESC, id',
      ),
      getBoard: this.db.prepare<[string], Parameters<typeof toBoardRecord>[0]>('SELECT * FROM boards WHERE id = ?'),
      insertBoard: this.db.prepare<[string, string, string, number]>(
        'INSERT INTO boards (id, title, kind, created_at) VALUES (?, ?, ?, ?)',
      ),
      // A range on the primary key, not LIKE: prefixes may contain `_`, a LIKE wildcard.
      docIdsInRange: this.db.prepare<[string, string], { id: string }>(
        'SELECT id FROM docs WHERE id >= ? AND id < ? ORDER BY id',
      ),
      ensureDoc: this.db.prepare<[string, number]>('INSERT OR IGNORE INTO docs (id, created_at) VALUES (?, ?)'),
      leaseToken: this.db.prepare<[string], { token: number }>(
        'SELECT token FROM doc_compaction_leases WHERE doc_id = ?',
      ),
    };
    this.transactions = {
      loadDoc: this.db.transaction((id: string): StoredDoc | null => {
        if (!this.statements.docExists.get(id)) return null;
        const snapshot = this.statements.snapshot.get(id);
        const rows = this.statements.updatesAfter.all(id, snapshot?.through_seq ?? 0);
        const updates = rows.map((row) => toBytes(row.data));
        const bytes = (snapshot?.data.byteLength ?? 0) + updates.reduce((sum, update) => sum + update.byteLength, 0);
        return { snapshot: snapshot ? toBytes(snapshot.data) : null, updates, bytes };
      }),
      appendUpdates: this.db.transaction((batch: readonly UpdateAppend[]) => {
        for (const entry of batch) this.statements.insertUpdate.run(entry.docId, entry.update);
      }),
      compactionRead: this.db.transaction((id: string, fence: CompactionFence | undefined) => {
        if (fence) this.checkFence(id, fence);
        const snapshot = this.statements.snapshot.get(id);
        return { snapshot, rows: this.statements.updatesAfter.all(id, snapshot?.through_seq ?? 0) };
      }),
      compactionWrite: this.db.transaction(
        (id: string, fence: CompactionFence | undefined, write: CompactionWrite): CompactionResult | null => {
          if (fence) this.checkFence(id, fence);
          if (!this.statements.docExists.get(id)) return null;
          // Another compaction wrote since the read: it merged these rows, and ours would undo its work.
          if ((this.statements.snapshot.get(id)?.through_seq ?? 0) !== write.readThroughSeq) return null;
          this.statements.upsertSnapshot.run(id, write.merged, write.lastSeq);
          const deleted = this.statements.deleteUpdatesThrough.run(id, write.lastSeq).changes;
          if (deleted !== write.rowCount) {
            // Only compaction deletes log rows; should it ever differ, keep the old state (the transaction rolls back).
            throw new Error(`compaction of ${id} merged ${write.rowCount} log entries but deleted ${deleted}`);
          }
          return {
            docId: id,
            mergedUpdates: write.rowCount,
            mergedLogBytes: write.mergedLogBytes,
            bytesBefore: write.bytesBefore,
            bytesAfter: write.merged.byteLength,
          };
        },
      ),
      createBoard: this.db.transaction((board: BoardRecord, initialUpdate: Uint8Array) => {
        this.statements.insertDoc.run(board.id, board.createdAt);
        this.statements.insertUpdate.run(board.id, initialUpdate);
        this.statements.insertBoard.run(board.id, board.title, board.kind, board.createdAt);
      }),
    };
  }

  async loadDoc(docId: string): Promise<StoredDoc | null> {
    return this.transactions.loadDoc(docId);
  }

  async appendUpdates(entries: readonly UpdateAppend[]): Promise<void> {
    if (entries.length === 0) return;
    this.transactions.appendUpdates(entries);
  }

  async listDocs(prefix: string): Promise<string[]> {
    return this.statements.docIdsInRange.all(prefix, `${prefix}\uffff`).map((row) => row.id);
  }

  async ensureDoc(docId: string, createdAt: number): Promise<void> {
    this.statements.ensureDoc.run(docId, createdAt);
  }

  /**
   * Two short transactions around the merge, which may run elsewhere (a worker thread) meanwhile:
   * the first reads the snapshot and the log, the second writes the merged snapshot and deletes the
   * rows merged — only if no compaction wrote in between (the snapshot's `through_seq` is unchanged;
   * sequence numbers only grow, so the rows up to the last one read are exactly those merged).
   * Appends made during the merge stay in the log, after the new snapshot.
   */
  async compactDoc(
    docId: string,
    merge: (parts: Uint8Array[]) => Uint8Array | Promise<Uint8Array>,
    fence?: CompactionFence,
  ): Promise<CompactionResult | null> {
    const { snapshot, rows } = this.transactions.compactionRead(docId, fence);
    const last = rows.at(-1);
    if (!last) return null;
    const { parts, mergedLogBytes, bytesBefore } = compactionInput(snapshot, rows);
    const merged = await merge(parts);
    return this.transactions.compactionWrite(docId, fence, {
      readThroughSeq: snapshot?.through_seq ?? 0,
      lastSeq: last.seq,
      rowCount: rows.length,
      merged,
      mergedLogBytes,
      bytesBefore,
    });
  }

  /** Throws StaleFenceError unless `fence` holds the doc's current lease token (call inside a transaction). */
  private checkFence(docId: string, fence: CompactionFence): void {
    const lease = this.statements.leaseToken.get(docId);
    if (lease?.token !== fence.token) {
      throw new StaleFenceError(`compaction lease token ${fence.token} of ${docId} is stale (now ${lease?.token})`);
    }
  }

  async acquireCompactionLease(docId: string, holder: string, ttlMs: number): Promise<CompactionFence | null> {
    const now = Date.now();
    const row = this.db
      .prepare<[{ docId: string; holder: string; now: number; ttlMs: number }], { token: number }>(
        `INSERT INTO doc_compaction_leases (doc_id, holder, token, expires_at) VALUES (@docId, @holder, 1, @now + @ttlMs)
         ON CONFLICT (doc_id) DO UPDATE SET holder = excluded.holder, token = token + 1, expires_at = excluded.expires_at
           WHERE doc_compaction_leases.expires_at <= @now OR doc_compaction_leases.holder = excluded.holder
         RETURNING token`,
      )
      .get({ docId, holder, now, ttlMs });
    return row ? { docId, holder, token: row.token } : null;
  }

  async releaseCompactionLease(fence: CompactionFence): Promise<void> {
    this.db
      .prepare('UPDATE doc_compaction_leases SET expires_at = 0 WHERE doc_id = ? AND holder = ? AND token = ?')
      .run(fence.docId, fence.holder, fence.token);
  }

  async listBoards(): Promise<BoardRecord[]> {
    return this.statements.listBoards.all().map(toBoardRecord);
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const row = this.statements.getBoard.get(id);
    return row ? toBoardRecord(row) : null;
  }

  async setBoardAnonymous(id: string, anonymous: boolean): Promise<void> {
    this.db.prepare('UPDATE boards SET anonymous = ? WHERE id = ?').run(anonymous ? 1 : 0, id);
  }

  async createBoard(board: BoardRecord, initialUpdate: Uint8Array): Promise<void> {
    this.transactions.createBoard(board, initialUpdate);
  }

  async close(): Promise<void> {
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}

/** What the second transaction of a compaction writes, and what the first one read. */
interface CompactionWrite {
  /** The snapshot's `through_seq` when the log was read (0 without a snapshot). */
  readThroughSeq: number;
  lastSeq: number;
  rowCount: number;
  merged: Uint8Array;
  mergedLogBytes: number;
  bytesBefore: number;
}

function migrate(db: Database.Database, where: string): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const applied = new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version),
  );
  refuseNewerSchema(applied, sqliteMigrations, where);
  for (const migration of sqliteMigrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
    })();
  }
}
