import type { NoteVotes } from '@samle/shared';
import { useEffect, useState } from 'react';
import { fetchNoteVotes } from '../api/evidenceApi';
import type { Credential } from '../api/http';

const NONE: NoteVotes = { boards: {} };

/**
 * Dot votes per note on the workshop's boards (closed rounds, counted by the
 * server), for the synthesis view. Asked when the view opens and when the tab
 * comes back into view (a round may have closed meanwhile).
 */
export function useNoteVotes(workshopId: string, credential: Credential): NoteVotes {
  const [votes, setVotes] = useState<NoteVotes>(NONE);
  useEffect(() => {
    let live = true;
    const load = () =>
      fetchNoteVotes(workshopId, credential).then(
        (answer) => live && setVotes(answer),
        // Without the counts the boards are still there to gather from.
        (error: unknown) => console.warn('vote counts could not be fetched', error),
      );
    void load();
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [workshopId, credential]);
  return votes;
}

/** Notes with the most votes first; equal counts keep their order on the board. */
export function byVotes<T extends { id: string }>(notes: readonly T[], votes: Readonly<Record<string, number>>): T[] {
  return notes
    .map((note, index) => ({ note, index, n: votes[note.id] ?? 0 }))
    .sort((a, b) => b.n - a.n || a.index - b.index)
    .map((x) => x.note);
}
