import type Database from 'better-sqlite3';
import type { BoardHistoryStore, BoardSnapshot, BoardSnapshotInfo } from '../contracts/historyTypes.js';
import { type SnapshotRow, toSnapshotInfo } from '../historyRows.js';

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
      .prepare<unknown[], SnapshotRow>(
        `SELECT id, board_id, taken_at, reason, note_count, writer_count FROM board_snapshots
          WHERE board_id = ? ORDER BY taken_at DESC, id DESC`,
      )
      .all(boardId);
    return rows.map(toSnapshotInfo);
  }

  async getSnapshot(boardId: string, snapshotId: string): Promise<BoardSnapshot | null> {
    const row = this.db
      .prepare<unknown[], SnapshotRow>('SELECT * FROM board_snapshots WHERE board_id = ? AND id = ?')
      .get(boardId, snapshotId);
    if (!row?.data) return null;
    const data = row.data;
    return { ...toSnapshotInfo(row), data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
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
