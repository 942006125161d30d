import type pg from 'pg';
import { type CastResult, castRefusal, totalsByBoard, type VoteRound, type VoteStore } from '../contracts/voteTypes.js';
import { type RoundRow, toRound } from '../rows.js';
import { inTransaction, type Queryable } from './postgresDb.js';

async function votesOf(db: Queryable, roundId: string, voterId: string): Promise<Record<string, number>> {
  const { rows } = await db.query<{ note_id: string; count: number }>(
    'SELECT note_id, count FROM votes WHERE round_id = $1 AND voter_id = $2 AND count > 0 ORDER BY note_id',
    [roundId, voterId],
  );
  return Object.fromEntries(rows.map((row) => [row.note_id, row.count]));
}

/**
 * Casts lock the round row (FOR UPDATE) for the voter's check-and-write, so two
 * casts by the same person on two instances cannot both spend the last vote.
 */
export class PostgresVoteStore implements VoteStore {
  constructor(private readonly pool: pg.Pool) {}

  async openRound(round: VoteRound): Promise<void> {
    await this.pool.query(
      `INSERT INTO vote_rounds (id, board_id, budget, max_per_note, status, opened_at, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [round.id, round.boardId, round.budget, round.maxPerNote, round.status, round.openedAt, round.closedAt],
    );
  }

  async openRoundOf(boardId: string): Promise<VoteRound | null> {
    const { rows } = await this.pool.query<RoundRow>(
      "SELECT * FROM vote_rounds WHERE board_id = $1 AND status = 'open' ORDER BY opened_at DESC LIMIT 1",
      [boardId],
    );
    return rows[0] ? toRound(rows[0]) : null;
  }

  async cast(round: VoteRound, voterId: string, noteId: string, delta: 1 | -1): Promise<CastResult> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT 1 FROM vote_rounds WHERE id = $1 FOR UPDATE', [round.id]);
      const mine = await votesOf(client, round.id, voterId);
      const refusal = castRefusal(round, mine, noteId, delta);
      if (refusal) return { ok: false as const, reason: refusal };
      await client.query(
        `INSERT INTO votes (round_id, voter_id, note_id, count) VALUES ($1, $2, $3, $4)
         ON CONFLICT (round_id, voter_id, note_id) DO UPDATE SET count = votes.count + EXCLUDED.count`,
        [round.id, voterId, noteId, delta],
      );
      return { ok: true as const, votes: await votesOf(client, round.id, voterId) };
    });
  }

  async votesOf(roundId: string, voterId: string): Promise<Record<string, number>> {
    return votesOf(this.pool, roundId, voterId);
  }

  async voterCount(roundId: string): Promise<number> {
    const { rows } = await this.pool.query<{ voters: number }>(
      'SELECT COUNT(DISTINCT voter_id)::int AS voters FROM votes WHERE round_id = $1 AND count > 0',
      [roundId],
    );
    return rows[0]?.voters ?? 0;
  }

  async closeRound(roundId: string, closedAt: number): Promise<Record<string, number>> {
    return inTransaction(this.pool, async (client) => {
      await client.query("UPDATE vote_rounds SET status = 'closed', closed_at = $1 WHERE id = $2", [closedAt, roundId]);
      const { rows } = await client.query<{ note_id: string; total: number }>(
        'SELECT note_id, SUM(count)::int AS total FROM votes WHERE round_id = $1 GROUP BY note_id HAVING SUM(count) > 0',
        [roundId],
      );
      return Object.fromEntries(rows.map((row) => [row.note_id, row.total]));
    });
  }

  async closedTotals(boardIds: readonly string[]): Promise<Record<string, Record<string, number>>> {
    if (boardIds.length === 0) return {};
    const { rows } = await this.pool.query<{ board_id: string; note_id: string; total: number }>(
      `SELECT r.board_id, v.note_id, SUM(v.count)::int AS total FROM votes v JOIN vote_rounds r ON r.id = v.round_id
       WHERE r.status = 'closed' AND r.board_id = ANY($1::text[])
       GROUP BY r.board_id, v.note_id HAVING SUM(v.count) > 0`,
      [[...boardIds]],
    );
    return totalsByBoard(rows);
  }
}
