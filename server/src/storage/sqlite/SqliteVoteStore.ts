import type Database from 'better-sqlite3';
import { type CastResult, castRefusal, totalsByBoard, type VoteRound, type VoteStore } from '../contracts/voteTypes.js';
import { type RoundRow, toRound } from '../rows.js';

/** SQLite serialises writers, so a cast's check and write in one transaction cannot race another cast. */
export class SqliteVoteStore implements VoteStore {
  constructor(private readonly db: Database.Database) {}

  async openRound(round: VoteRound): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO vote_rounds (id, board_id, budget, max_per_note, status, opened_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(round.id, round.boardId, round.budget, round.maxPerNote, round.status, round.openedAt, round.closedAt);
  }

  async openRoundOf(boardId: string): Promise<VoteRound | null> {
    const row = this.db
      .prepare<unknown[], RoundRow>(
        "SELECT * FROM vote_rounds WHERE board_id = ? AND status = 'open' ORDER BY opened_at DESC LIMIT 1",
      )
      .get(boardId);
    return row ? toRound(row) : null;
  }

  private votes(roundId: string, voterId: string): Record<string, number> {
    const rows = this.db
      .prepare<unknown[], { note_id: string; count: number }>(
        'SELECT note_id, count FROM votes WHERE round_id = ? AND voter_id = ? AND count > 0 ORDER BY note_id',
      )
      .all(roundId, voterId);
    return Object.fromEntries(rows.map((row) => [row.note_id, row.count]));
  }

  async cast(round: VoteRound, voterId: string, noteId: string, delta: 1 | -1): Promise<CastResult> {
    return this.db.transaction(() => {
      const mine = this.votes(round.id, voterId);
      const refusal = castRefusal(round, mine, noteId, delta);
      if (refusal) return { ok: false as const, reason: refusal };
      this.db
        .prepare(
          `INSERT INTO votes (round_id, voter_id, note_id, count) VALUES (?, ?, ?, ?)
           ON CONFLICT(round_id, voter_id, note_id) DO UPDATE SET count = count + excluded.count`,
        )
        .run(round.id, voterId, noteId, delta);
      return { ok: true as const, votes: this.votes(round.id, voterId) };
    })();
  }

  async votesOf(roundId: string, voterId: string): Promise<Record<string, number>> {
    return this.votes(roundId, voterId);
  }

  async voterCount(roundId: string): Promise<number> {
    const row = this.db
      .prepare<unknown[], { voters: number }>(
        'SELECT COUNT(DISTINCT voter_id) AS voters FROM votes WHERE round_id = ? AND count > 0',
      )
      .get(roundId);
    return row?.voters ?? 0;
  }

  async closeRound(roundId: string, closedAt: number): Promise<Record<string, number>> {
    return this.db.transaction(() => {
      this.db.prepare("UPDATE vote_rounds SET status = 'closed', closed_at = ? WHERE id = ?").run(closedAt, roundId);
      const rows = this.db
        .prepare<unknown[], { note_id: string; total: number }>(
          'SELECT note_id, SUM(count) AS total FROM votes WHERE round_id = ? GROUP BY note_id HAVING total > 0',
        )
        .all(roundId);
      return Object.fromEntries(rows.map((row) => [row.note_id, row.total]));
    })();
  }

  async closedTotals(boardIds: readonly string[]): Promise<Record<string, Record<string, number>>> {
    if (boardIds.length === 0) return {};
    const rows = this.db
      .prepare<unknown[], { board_id: string; note_id: string; total: number }>(
        `SELECT r.board_id, v.note_id, SUM(v.count) AS total FROM votes v JOIN vote_rounds r ON r.id = v.round_id
         WHERE r.status = 'closed' AND r.board_id IN (SELECT value FROM json_each(?))
         GROUP BY r.board_id, v.note_id HAVING total > 0`,
      )
      .all(JSON.stringify(boardIds));
    return totalsByBoard(rows);
  }
}
