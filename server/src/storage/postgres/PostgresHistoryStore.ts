import type pg from 'pg';
import type { BoardHistoryStore, BoardSnapshot, BoardSnapshotInfo } from '../contracts/historyTypes.js';
import { toBytes } from '../docBytes.js';
import { type SnapshotRow, toSnapshotInfo } from '../historyRows.js';

export class PostgresHistoryStore implements BoardHistoryStore {
  constructor(private readonly pool: pg.Pool) {}

  async addSnapshot(s: BoardSnapshot): Promise<void> {
    await this.pool.query(
      `INSERT INTO board_snapshots (id, board_id, taken_at, reason, note_count, writer_count, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [s.id, s.boardId, s.takenAt, s.reason, s.noteCount, s.writerCount, s.data],
    );
  }

  async listSnapshots(boardId: string): Promise<BoardSnapshotInfo[]> {
    const { rows } = await this.pool.query<SnapshotRow>(
      `SELECT id, board_id, taken_at, reason, note_count, writer_count FROM board_snapshots
        WHERE board_id = $1 ORDER BY taken_at DESC, id DESC`,
      [boardId],
    );
    return rows.map(toSnapshotInfo);
  }

  async getSnapshot(boardId: string, snapshotId: string): Promise<BoardSnapshot | null> {
    const { rows } = await this.pool.query<SnapshotRow>(
      'SELECT * FROM board_snapshots WHERE board_id = $1 AND id = $2',
      [boardId, snapshotId],
    );
    const row = rows[0];
    if (!row?.data) return null;
    return { ...toSnapshotInfo(row), data: toBytes(row.data) };
  }

  async replaceSnapshotData(boardId: string, snapshotId: string, data: Uint8Array): Promise<void> {
    await this.pool.query('UPDATE board_snapshots SET data = $1 WHERE board_id = $2 AND id = $3', [
      data,
      boardId,
      snapshotId,
    ]);
  }

  async deleteSnapshots(boardId: string, snapshotIds: readonly string[]): Promise<void> {
    if (snapshotIds.length === 0) return;
    await this.pool.query('DELETE FROM board_snapshots WHERE board_id = $1 AND id = ANY($2::text[])', [
      boardId,
      [...snapshotIds],
    ]);
  }
}
