import type { BoardKind } from '@samle/shared';
import type { DecisionHistoryStore } from './assessmentTypes.js';
import type { EvaluationStore } from './evaluationTypes.js';
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

export interface DocStore {
  /** Loads a doc; null when no such doc exists. Must not write anything. */
  loadDoc(docId: string): Promise<StoredDoc | null>;
  /** Appends all entries in one transaction: either all are durable when this resolves, or it rejects and none are. */
  appendUpdates(entries: readonly UpdateAppend[]): Promise<void>;
  /** Ids of the docs whose id starts with `prefix` (e.g. a board's private drafts). */
  listDocs(prefix: string): Promise<string[]>;
  /** Creates an empty doc if none exists with this id (for docs made on demand, like a board's control doc). */
  ensureDoc(docId: string, createdAt: number): Promise<void>;
  /** Merges the doc's log into its snapshot atomically. A crash at any point leaves either the old or the new state. */
  compactDoc(docId: string, merge: (parts: Uint8Array[]) => Uint8Array): Promise<CompactionResult | null>;
}

export interface BoardRecord {
  id: string;
  title: string;
  kind: BoardKind;
  createdAt: number;
  /** Set for boards that belong to a workshop's session; null for standalone boards. */
  workshopId?: string | null;
  sessionId?: string | null;
  groupId?: string | null;
  /** Notes on this board carry no author: the relay refuses updates that write one. */
  anonymous?: boolean;
}

export interface BoardStore {
  listBoards(): Promise<BoardRecord[]>;
  getBoard(id: string): Promise<BoardRecord | null>;
  setBoardAnonymous(id: string, anonymous: boolean): Promise<void>;
  /** Creates the board row, its doc and the doc's first update in one transaction. */
  createBoard(board: BoardRecord, initialUpdate: Uint8Array): Promise<void>;
}

export interface Storage extends DocStore, BoardStore {
  readonly workshops: WorkshopStore;
  readonly votes: VoteStore;
  readonly questions: QuestionStore;
  readonly evaluations: EvaluationStore;
  readonly decisions: DecisionHistoryStore;
  close(): Promise<void>;
}
