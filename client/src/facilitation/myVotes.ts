import type { CastVoteBody, MyVotes } from '@samle/shared';
import { ApiRequestError } from '../api/http';

/**
 * This person's own votes in the open round. The server is the truth: counts
 * change only from its answers (`MyVotes`), never optimistically, and a refused
 * cast leaves them as they were and says why. Casts go one at a time, so
 * answers cannot arrive out of order and overwrite a newer count.
 */
export interface MyVotesState {
  /** The round these counts belong to; null before the first answer. */
  roundId: string | null;
  votes: Readonly<Record<string, number>>;
  /** Votes left to give; null until the server has answered. */
  remaining: number | null;
  /** The note whose cast is on its way, if any. */
  pending: string | null;
  /** The last refusal, until the next accepted cast or until dismissed. */
  refusal: VoteRefusal | null;
}

export interface VoteRefusal {
  code: string;
  noteId: string | null;
  /** Increases with every refusal, so the same refusal twice is announced twice. */
  serial: number;
}

export interface MyVotesApi {
  mine(): Promise<MyVotes>;
  cast(body: CastVoteBody): Promise<MyVotes>;
}

export interface MyVotesStore {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): MyVotesState;
  /** Asks the server for this person's votes (on load, and when a new round opens). */
  load(): Promise<void>;
  cast(noteId: string, delta: 1 | -1): Promise<void>;
  dismissRefusal(): void;
}

export const NO_VOTES: MyVotesState = { roundId: null, votes: {}, remaining: null, pending: null, refusal: null };

function codeOf(error: unknown): string {
  return error instanceof ApiRequestError ? error.code : 'UNKNOWN';
}

export function createMyVotesStore(api: MyVotesApi): MyVotesStore {
  let state = NO_VOTES;
  let serial = 0;
  let queue: Promise<void> = Promise.resolve();
  let loads = 0;
  const listeners = new Set<() => void>();

  const set = (patch: Partial<MyVotesState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };
  const accept = (answer: MyVotes) =>
    set({ roundId: answer.roundId, votes: answer.votes, remaining: answer.remaining, refusal: null });
  const refuse = (error: unknown, noteId: string | null) => {
    serial += 1;
    set({ refusal: { code: codeOf(error), noteId, serial } });
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,

    load() {
      const ticket = ++loads;
      const run = async () => {
        try {
          const answer = await api.mine();
          // A later load (a newer round) has already answered or will: keep its word.
          if (ticket === loads) accept(answer);
        } catch (error) {
          if (ticket === loads) refuse(error, null);
        }
      };
      queue = queue.then(run);
      return queue;
    },

    cast(noteId, delta) {
      const run = async () => {
        set({ pending: noteId });
        try {
          accept(await api.cast({ noteId, delta }));
        } catch (error) {
          refuse(error, noteId);
        } finally {
          set({ pending: null });
        }
      };
      queue = queue.then(run);
      return queue;
    },

    dismissRefusal() {
      if (state.refusal) set({ refusal: null });
    },
  };
}
