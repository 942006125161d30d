/** Dot-vote rounds and ballots: the server keeps them, so budgets hold and votes stay secret until the round closes. */
export interface VoteRound {
  id: string;
  boardId: string;
  budget: number;
  maxPerNote: number;
  status: 'open' | 'closed';
  openedAt: number;
  closedAt: number | null;
}

export type CastRefusal = 'BUDGET_EXHAUSTED' | 'NOTE_LIMIT' | 'NOTHING_TO_TAKE_BACK';

/** A cast's outcome: the voter's votes after it, or why it was refused. */
export type CastResult = { ok: true; votes: Record<string, number> } | { ok: false; reason: CastRefusal };

export interface VoteStore {
  openRound(round: VoteRound): Promise<void>;
  openRoundOf(boardId: string): Promise<VoteRound | null>;
  /**
   * Adds one vote (+1) or takes one back (−1) for a voter on a note, atomically
   * within the round's budget and per-note limit. Returns the voter's votes after.
   */
  cast(round: VoteRound, voterId: string, noteId: string, delta: 1 | -1): Promise<CastResult>;
  votesOf(roundId: string, voterId: string): Promise<Record<string, number>>;
  /** How many voters have at least one dot on a note in the round (the turnout while it is open). */
  voterCount(roundId: string): Promise<number>;
  /** Closes the round and returns the totals per note. */
  closeRound(roundId: string, closedAt: number): Promise<Record<string, number>>;
  /**
   * Votes per note over every closed round of these boards, by board:
   * `{ [boardId]: { [noteId]: votes } }`. An open round's votes are secret and not counted.
   */
  closedTotals(boardIds: readonly string[]): Promise<Record<string, Record<string, number>>>;
}

/**
 * Why a voter's vote (+1) or taking one back (−1) on a note is refused, given the votes the voter
 * has in the round now (`mine`: votes by note); null when it may be cast.
 */
export function castRefusal(
  round: Pick<VoteRound, 'budget' | 'maxPerNote'>,
  mine: Record<string, number>,
  noteId: string,
  delta: 1 | -1,
): CastRefusal | null {
  const used = Object.values(mine).reduce((sum, n) => sum + n, 0);
  const onNote = mine[noteId] ?? 0;
  if (delta === 1 && used >= round.budget) return 'BUDGET_EXHAUSTED';
  if (delta === 1 && onNote >= round.maxPerNote) return 'NOTE_LIMIT';
  if (delta === -1 && onNote === 0) return 'NOTHING_TO_TAKE_BACK';
  return null;
}

/** Rows of (board, note, total) as `{ [boardId]: { [noteId]: total } }`. */
export function totalsByBoard(
  rows: ReadonlyArray<{ board_id: string; note_id: string; total: number }>,
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    const board = out[row.board_id] ?? {};
    board[row.note_id] = row.total;
    out[row.board_id] = board;
  }
  return out;
}
