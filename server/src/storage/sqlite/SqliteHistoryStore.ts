import type Database from 'better-sqlite3';
import {
  type BoardHistoryStore,
  type BoardSnapshot,
  type BoardSnapshotInfo,
  isSnapshotReason,
} from '../contracts/historyTypes.js';

interface SnapshotRow {
  id: string;
  board_id: string;
  taken_at: number;
  reason: string;
  note_count: number;
  writer_count: number;
  data?: Buffer;
}

export class SqliteHistoryStore implements BoardHistoryStore {
  constructor(private readonly db: Database.Database) {}

  async addSnapshot(s: BoardSnapshot): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO board_snapshots (id, board_id, taken_at, reason, note_count, writer_count, data)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.id, s.boardId, s.takenAt, s.reason, s.noteCount, s.writerCount, s.data);
  }

  async listSnapshots(boardId: string): Promise<BoardSnapshotInfo[]> {
    const rows = this.db
      .prepare(
        `SELECT id, board_id, taken_at, reason, note_count, writer_count FROM board_snapshots
          WHERE board_id = ? ORDER BY taken_at DESC, id DESC`,
      )
      .all(boardId) as SnapshotRow[];
    return rows.map(toInfo);
  }

  async getSnapshot(boardId: string, snapshotId: string): Promise<BoardSnapshot | null> {
    const row = this.db
      .prepare('SELECT * FROM board_snapshots WHERE board_id = ? AND id = ?')
      .get(boardId, snapshotId) as SnapshotRow | undefined;
    if (!row?.data) return null;
    const data = row.data;
    return { ...toInfo(row), data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  }

  async replaceSnapshotData(boardId: string, snapshotId: string, data: Uint8Array): Promise<void> {
    this.db.prepare('UPDATE board_snapshots SET data = ? WHERE board_id = ? AND id = ?').run(data, boardId, snapshotId);
  }

  async deleteSnapshots(boardId: string, snapshotIds: readonly string[]): Promise<void> {
    const remove = this.db.prepare('DELETE FROM board_snapshots WHERE board_id = ? AND id = ?');
    this.db.transaction(() => {
      for (const id of snapshotIds) remove.run(boardId, id);
    })();
  }
}

export function toInfo(row: SnapshotRow): BoardSnapshotInfo {
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

export type { SnapshotRow };
