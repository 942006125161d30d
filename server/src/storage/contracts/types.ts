import type { AccessStore } from './accessTypes.js';
import type { AfterDecisionStore } from './afterDecisionTypes.js';
import type { DecisionHistoryStore } from './assessmentTypes.js';
import type { BoardStore } from './boardTypes.js';
import type { EvaluationStore } from './evaluationTypes.js';
import type { BoardHistoryStore } from './historyTypes.js';
import type { IdeaSupportStore } from './ideaSupportTypes.js';
import type { PlanStore } from './planTypes.js';
import type { QuestionStore } from './questionTypes.js';
import type { VoteStore } from './voteTypes.js';
import type { WorkshopStore } from './workshopTypes.js';

/** What the relay needs from storage: an append-only update log per doc, plus snapshots. */
export interface StoredDoc {
  /** The compacted state, or null when the doc has never been compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Bytes of snapshot + updates: what the document occupies on disk. */
  bytes: number;
  /**
   * How many updates were ever appended to this doc's log, read together with them (stores
   * that count, PostgreSQL: instances compare it with what they hold, `server/src/sync/LogPosition.ts`).
   */
  position?: number;
}

export interface UpdateAppend {
  docId: string;
  update: Uint8Array;
}

export interface CompactionResult {
  docId: string;
  /** Log entries merged into the snapshot. */
  mergedUpdates: number;
  /** Bytes of those log entries. */
  mergedLogBytes: number;
  bytesBefore: number;
  bytesAfter: number;
}

/** A compaction lease: who holds it and its fencing token (higher for every new holder). */
export interface CompactionFence {
  docId: string;
  holder: string;
  token: number;
}

/** A compaction whose fencing token is no longer the doc's current one: its write was refused. */
export class StaleFenceError extends Error {
  readonly code = 'SAMLE_STALE_FENCE';
}

export interface DocStore {
  /** Loads a doc; null when no such doc exists. Must not write anything. */
  loadDoc(docId: string): Promise<StoredDoc | null>;
  /**
   * Appends all entries in one transaction: either all are durable when this resolves, or it rejects and none are.
   * Stores that count log positions resolve with each entry's position (1, 2, 3 … per doc), in order.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: stores that do not count (SQLite, test doubles) resolve with nothing.
  appendUpdates(entries: readonly UpdateAppend[]): Promise<readonly number[] | undefined | void>;
  /** How many entries (and bytes) a doc's log holds now, whoever compacted it last. Several instances only. */
  logSize?(docId: string): Promise<{ updates: number; bytes: number }>;
  /** Each doc's current log position (see StoredDoc.position); 0 for a doc with none. Counting stores only. */
  logPositions?(docIds: readonly string[]): Promise<Map<string, number>>;
  /** Ids of the docs whose id starts with `prefix` (e.g. a board's private drafts). */
  listDocs(prefix: string): Promise<string[]>;
  /** Creates an empty doc if none exists with this id (for docs made on demand, like a board's control doc). */
  ensureDoc(docId: string, createdAt: number): Promise<void>;
  /**
   * Merges the doc's log into its snapshot atomically. A crash at any point leaves either the old or the new state.
   * `merge` may be asynchronous (a worker thread's): appends made meanwhile stay in the log, after the
   * new snapshot; if another compaction of the doc wrote meanwhile, nothing is written and this resolves
   * with null. With a fence, the write happens only if that fence's token is still the doc's current lease token
   * (checked inside the transaction); otherwise it rejects with StaleFenceError and changes nothing.
   */
  compactDoc(
    docId: string,
    merge: (parts: Uint8Array[]) => Uint8Array | Promise<Uint8Array>,
    fence?: CompactionFence,
  ): Promise<CompactionResult | null>;
  /**
   * Takes the doc's compaction lease for `ttlMs` (the database's clock) with a new, higher fencing
   * token, unless another holder's lease is still running: then null. Several instances use it so
   * that one compacts a doc at a time.
   */
  acquireCompactionLease?(docId: string, holder: string, ttlMs: number): Promise<CompactionFence | null>;
  /** Ends a lease early (its token stays the current one until someone else takes the lease). */
  releaseCompactionLease?(fence: CompactionFence): Promise<void>;
}

export interface Storage extends DocStore, BoardStore {
  /** Invite links, browsers that joined, join codes. */
  readonly access: AccessStore;
  readonly workshops: WorkshopStore;
  readonly votes: VoteStore;
  readonly questions: QuestionStore;
  /** Participants' support for catalog ideas. */
  readonly ideaSupports: IdeaSupportStore;
  readonly evaluations: EvaluationStore;
  readonly decisions: DecisionHistoryStore;
  /** Restorable snapshots of boards (board history). */
  readonly history: BoardHistoryStore;
  readonly plans: PlanStore;
  /** Agenda runs for the session report, impact pulse answers. */
  readonly afterDecision: AfterDecisionStore;
  close(): Promise<void>;
}
