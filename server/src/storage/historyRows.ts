import { type BoardSnapshotInfo, isSnapshotReason } from './contracts/historyTypes.js';

/** A row of board_snapshots as both databases return it (`data` only where the query selects it). */
export interface SnapshotRow {
  id: string;
  board_id: string;
  taken_at: number;
  reason: string;
  note_count: number;
  writer_count: number;
  data?: Buffer;
}

export function toSnapshotInfo(row: SnapshotRow): BoardSnapshotInfo {
  if (!isSnapshotReason(row.reason)) throw new Error(`board snapshot ${row.id} has an unknown reason "${row.reason}"`);
  return {
    id: row.id,
    boardId: row.board_id,
    takenAt: Number(row.taken_at),
    reason: row.reason,
    noteCount: Number(row.note_count),
    writerCount: Number(row.writer_count),
  };
}
