import type { BoardView, VoteView } from '@samle/shared';
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import { meStore } from '../account/meStore';
import { castVote, myVotes } from '../api/facilitationApi';
import type { Credential } from '../api/http';
import { createMyVotesStore, type MyVotesState, NO_VOTES } from './myVotes';

/** Everything a note needs to show its vote control or its result, shared by the canvas and the list view. */
export interface Voting {
  /** The latest round on this board, open or closed; null when there has been none. */
  vote: VoteView | null;
  /** A round is open and this person may write the board, so they may vote. */
  canVote: boolean;
  mine: MyVotesState;
  cast(noteId: string, delta: 1 | -1): void;
  dismissRefusal(): void;
}

const NOBODY_VOTES: Voting = {
  vote: null,
  canVote: false,
  mine: NO_VOTES,
  cast: () => undefined,
  dismissRefusal: () => undefined,
};

export const VotingContext = createContext<Voting>(NOBODY_VOTES);

export function useVoting(): Voting {
  return useContext(VotingContext);
}

/** This person's votes on the board: fetched when a round opens (or on load), changed only by the server's answers. */
export function useMyVoting(board: BoardView, credential: Credential, vote: VoteView | null): Voting {
  const boardId = board.id;
  const store = useMemo(
    () =>
      createMyVotesStore({
        mine: () => myVotes(boardId, credential),
        cast: (body) => castVote(boardId, body, credential),
      }),
    [boardId, credential],
  );
  const mine = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const openRound = vote?.status === 'open' ? vote.id : null;
  const canVote = openRound !== null && board.access === 'write';
  useEffect(() => {
    // load() reports its failure as state; it never rejects.
    if (openRound && canVote) void store.load();
  }, [store, openRound, canVote]);

  return useMemo(
    () => ({
      vote,
      canVote,
      // Counts from an earlier round are not this round's.
      mine: mine.roundId === openRound ? mine : { ...NO_VOTES, refusal: mine.refusal, pending: mine.pending },
      cast: (noteId, delta) => void store.cast(noteId, delta),
      dismissRefusal: store.dismissRefusal,
    }),
    [vote, canVote, mine, openRound, store],
  );
}

/**
 * Whether this person runs the board's timer and votes: a signed-in
 * facilitator who opened the board with their account and may write it.
 */
export function useIsFacilitator(board: BoardView, credential: Credential): boolean {
  const me = useSyncExternalStore(meStore.subscribe, meStore.getSnapshot);
  useEffect(() => meStore.ensureLoaded(), []);
  return (
    board.access === 'write' && credential.kind === 'session' && me.status === 'ready' && me.me.facilitator !== null
  );
}
