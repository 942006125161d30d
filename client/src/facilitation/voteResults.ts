import type { NoteView } from '@samle/shared';

/** A note with the votes it got when the round closed. */
export interface RankedNote {
  note: NoteView;
  votes: number;
}

/**
 * Notes by votes, highest first; ties keep the board's own order, so the
 * ranking does not jump around between renders or between people.
 */
export function rankByVotes(notes: readonly NoteView[], results: Readonly<Record<string, number>>): RankedNote[] {
  return notes
    .map((note, index) => ({ note, votes: results[note.id] ?? 0, index }))
    .sort((a, b) => b.votes - a.votes || a.index - b.index)
    .map(({ note, votes }) => ({ note, votes }));
}

export interface VoteSummary {
  /** All votes given, on notes still on the board. */
  total: number;
  /** How many notes got at least one vote. */
  notesWithVotes: number;
  /** The notes with the most votes (only notes that got any). */
  top: RankedNote[];
}

export function summarizeVotes(
  notes: readonly NoteView[],
  results: Readonly<Record<string, number>>,
  topCount = 3,
): VoteSummary {
  const ranked = rankByVotes(notes, results).filter((entry) => entry.votes > 0);
  return {
    total: ranked.reduce((sum, entry) => sum + entry.votes, 0),
    notesWithVotes: ranked.length,
    top: ranked.slice(0, topCount),
  };
}
