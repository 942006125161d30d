import { HISTORY_REASONS, type HistoryReason } from '@samle/shared';

/**
 * Board history: restorable snapshots of a board document. Each holds the board's whole
 * state, garbage-collected (no deleted text), as one encoded Yjs update. See
 * server/src/history/ for when they are taken and which are kept.
 */

/** Why a snapshot was taken; shown to the facilitator next to its time. */
export type SnapshotReason = HistoryReason;

/** A snapshot without its bytes: what the history list shows. */
export interface BoardSnapshotInfo {
  id: string;
  boardId: string;
  takenAt: number;
  reason: SnapshotReason;
  noteCount: number;
  /** How many people wrote to the board since the snapshot before this one (the server counts as none). */
  writerCount: number;
}

export interface BoardSnapshot extends BoardSnapshotInfo {
  /** The board doc's state: one encoded, garbage-collected Yjs update. */
  data: Uint8Array;
}

export interface BoardHistoryStore {
  addSnapshot(snapshot: BoardSnapshot): Promise<void>;
  /** A board's snapshots, newest first (ties by id). */
  listSnapshots(boardId: string): Promise<BoardSnapshotInfo[]>;
  /** One snapshot of this board with its bytes; null when there is none with this id on this board. */
  getSnapshot(boardId: string, snapshotId: string): Promise<BoardSnapshot | null>;
  /** Replaces a snapshot's bytes (e.g. without authors, once the board is anonymous); its other fields stay. */
  replaceSnapshotData(boardId: string, snapshotId: string, data: Uint8Array): Promise<void>;
  /** Removes these snapshots of this board (ids of other boards are left alone). */
  deleteSnapshots(boardId: string, snapshotIds: readonly string[]): Promise<void>;
}

export function isSnapshotReason(value: string): value is SnapshotReason {
  return (HISTORY_REASONS as readonly string[]).includes(value);
}
