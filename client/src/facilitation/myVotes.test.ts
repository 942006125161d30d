import type { CastVoteBody, MyVotes } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/http';
import { createMyVotesStore, type MyVotesApi } from './myVotes';

/** A server with a budget of 3 and at most 2 votes per note, like the real one's rules. */
function fakeServer(budget = 3, maxPerNote = 2): MyVotesApi & { calls: CastVoteBody[] } {
  const votes: Record<string, number> = {};
  const calls: CastVoteBody[] = [];
  const answer = (): MyVotes => ({
    roundId: 'r1',
    votes: { ...votes },
    remaining: budget - Object.values(votes).reduce((a, b) => a + b, 0),
  });
  const refuse = (code: string) => Promise.reject(new ApiRequestError(code, code, 409));
  return {
    calls,
    mine: async () => answer(),
    async cast(body) {
      calls.push(body);
      const current = votes[body.noteId] ?? 0;
      if (body.delta === 1 && answer().remaining === 0) return refuse('BUDGET_EXHAUSTED');
      if (body.delta === 1 && current >= maxPerNote) return refuse('NOTE_LIMIT');
      if (body.delta === -1 && current === 0) return refuse('NOTHING_TO_TAKE_BACK');
      if (current + body.delta === 0) delete votes[body.noteId];
      else votes[body.noteId] = current + body.delta;
      return answer();
    },
  };
}

describe('my votes', () => {
  it('shows the whole budget once the server has answered on load', async () => {
    const store = createMyVotesStore(fakeServer());
    expect(store.getSnapshot().remaining).toBeNull();
    await store.load();
    expect(store.getSnapshot()).toMatchObject({ roundId: 'r1', votes: {}, remaining: 3 });
  });

  it('counts a vote only when the server accepted it', async () => {
    const store = createMyVotesStore(fakeServer());
    await store.cast('a', 1);
    await store.cast('a', 1);
    expect(store.getSnapshot()).toMatchObject({ votes: { a: 2 }, remaining: 1, refusal: null });
  });

  it('leaves the counts unchanged and says why when a cast is refused', async () => {
    const store = createMyVotesStore(fakeServer());
    await store.cast('a', 1);
    await store.cast('a', 1);
    await store.cast('a', 1);
    expect(store.getSnapshot()).toMatchObject({
      votes: { a: 2 },
      remaining: 1,
      refusal: { code: 'NOTE_LIMIT', noteId: 'a' },
    });
    await store.cast('b', -1);
    expect(store.getSnapshot().refusal?.code).toBe('NOTHING_TO_TAKE_BACK');
  });

  it('clears the message after the next accepted cast', async () => {
    const store = createMyVotesStore(fakeServer());
    await store.cast('a', -1);
    expect(store.getSnapshot().refusal).not.toBeNull();
    await store.cast('a', 1);
    expect(store.getSnapshot().refusal).toBeNull();
  });

  it('applies rapid clicks in order, so the last answer is the newest count', async () => {
    const server = fakeServer(5, 5);
    const store = createMyVotesStore(server);
    await Promise.all([store.cast('a', 1), store.cast('a', 1), store.cast('a', 1), store.cast('a', -1)]);
    expect(server.calls.map((c) => c.delta)).toEqual([1, 1, 1, -1]);
    expect(store.getSnapshot()).toMatchObject({ votes: { a: 2 }, remaining: 3, pending: null });
  });

  it('numbers refusals so the same refusal twice is announced twice', async () => {
    const store = createMyVotesStore(fakeServer(1, 1));
    await store.cast('a', 1);
    await store.cast('b', 1);
    const first = store.getSnapshot().refusal?.serial ?? 0;
    await store.cast('b', 1);
    expect(store.getSnapshot().refusal?.serial).toBe(first + 1);
  });

  it('reports a network failure instead of losing it', async () => {
    const store = createMyVotesStore({
      mine: () => Promise.reject(new ApiRequestError('NETWORK', 'offline', undefined)),
      cast: () => Promise.reject(new Error('boom')),
    });
    await store.load();
    expect(store.getSnapshot().refusal?.code).toBe('NETWORK');
    await store.cast('a', 1);
    expect(store.getSnapshot()).toMatchObject({ remaining: null, refusal: { code: 'UNKNOWN', noteId: 'a' } });
  });
});
