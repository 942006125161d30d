import { describe, expect, it } from 'vitest';
import type { VoteRound } from '../../src/storage/contracts/voteTypes.js';
import { metaUpdate, standaloneBoard, T0 } from './fixtures.js';
import { type StorageFactory, useStorage } from './useStorage.js';

/** Dot-vote rounds: budgets hold under the store's own transaction, totals are exact, ensureDoc is idempotent. */
export function voteContract(factory: StorageFactory): void {
  describe('storage contract: votes and on-demand docs', () => {
    const store = useStorage(factory);
    const round = (id: string, boardId = 'b1'): VoteRound => ({
      id,
      boardId,
      budget: 3,
      maxPerNote: 2,
      status: 'open',
      openedAt: T0,
      closedAt: null,
    });

    it('holds a voter to the budget and the per-note limit, lets votes be taken back, and totals on close', async () => {
      await store().createBoard(standaloneBoard('b1', T0), metaUpdate('b1'));
      const open = round('r1');
      await store().votes.openRound(open);
      expect(await store().votes.openRoundOf('b1')).toEqual(open);
      const v = store().votes;
      expect(await v.cast(open, 'ada', 'n1', 1)).toEqual({ ok: true, votes: { n1: 1 } });
      expect(await v.cast(open, 'ada', 'n1', 1)).toEqual({ ok: true, votes: { n1: 2 } });
      expect(await v.cast(open, 'ada', 'n1', 1)).toEqual({ ok: false, reason: 'NOTE_LIMIT' });
      expect(await v.cast(open, 'ada', 'n2', 1)).toEqual({ ok: true, votes: { n1: 2, n2: 1 } });
      expect(await v.cast(open, 'ada', 'n3', 1)).toEqual({ ok: false, reason: 'BUDGET_EXHAUSTED' });
      expect(await v.cast(open, 'ada', 'n3', -1)).toEqual({ ok: false, reason: 'NOTHING_TO_TAKE_BACK' });
      expect(await v.cast(open, 'ada', 'n2', -1)).toEqual({ ok: true, votes: { n1: 2 } });
      expect(await v.cast(open, 'bo', 'n2', 1)).toEqual({ ok: true, votes: { n2: 1 } });
      expect(await v.votesOf('r1', 'ada')).toEqual({ n1: 2 });
      // Two voters have dots down; one who takes every dot back again no longer counts.
      expect(await v.voterCount('r1')).toBe(2);
      expect(await v.cast(open, 'cai', 'n2', 1)).toEqual({ ok: true, votes: { n2: 1 } });
      expect(await v.cast(open, 'cai', 'n2', -1)).toEqual({ ok: true, votes: {} });
      expect(await v.voterCount('r1')).toBe(2);
      expect(await v.closeRound('r1', T0 + 10)).toEqual({ n1: 2, n2: 1 });
      expect(await v.openRoundOf('b1')).toBeNull();
    });

    it('sums every closed round per board and note, leaves an open round secret and other boards out', async () => {
      for (const id of ['b1', 'b2', 'b3']) await store().createBoard(standaloneBoard(id, T0), metaUpdate(id));
      const v = store().votes;
      await v.openRound(round('r1', 'b1'));
      await v.cast(round('r1', 'b1'), 'ada', 'n1', 1);
      await v.cast(round('r1', 'b1'), 'bo', 'n1', 1);
      await v.cast(round('r1', 'b1'), 'bo', 'n2', 1);
      await v.closeRound('r1', T0 + 1);
      await v.openRound(round('r2', 'b1'));
      await v.cast(round('r2', 'b1'), 'ada', 'n1', 1);
      await v.closeRound('r2', T0 + 2);
      await v.openRound(round('r3', 'b1'));
      await v.cast(round('r3', 'b1'), 'cy', 'n2', 1);
      await v.openRound(round('r4', 'b2'));
      await v.cast(round('r4', 'b2'), 'ada', 'm1', 1);
      await v.cast(round('r4', 'b2'), 'ada', 'm1', -1);
      await v.cast(round('r4', 'b2'), 'ada', 'm2', 1);
      await v.closeRound('r4', T0 + 3);
      await v.openRound(round('r5', 'b3'));
      await v.cast(round('r5', 'b3'), 'ada', 'x', 1);
      await v.closeRound('r5', T0 + 4);
      expect(await v.closedTotals(['b1', 'b2'])).toEqual({ b1: { n1: 3, n2: 1 }, b2: { m2: 1 } });
      expect(await v.closedTotals([])).toEqual({});
    });

    it('never lets concurrent casts by one voter spend more than the budget', async () => {
      await store().createBoard(standaloneBoard('b1', T0), metaUpdate('b1'));
      const open = round('r2');
      await store().votes.openRound(open);
      const results = await Promise.all(
        ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map((note) => store().votes.cast(open, 'ada', note, 1)),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(3);
      const total = Object.values(await store().votes.votesOf('r2', 'ada')).reduce((a, b) => a + b, 0);
      expect(total).toBe(3);
    });

    it('creates a doc on demand once, and it loads empty', async () => {
      await store().ensureDoc('b1-ctl', T0);
      await store().ensureDoc('b1-ctl', T0 + 1);
      expect(await store().loadDoc('b1-ctl')).toEqual({ snapshot: null, updates: [], bytes: 0 });
      await store().appendUpdates([{ docId: 'b1-ctl', update: metaUpdate('ctl') }]);
      expect((await store().loadDoc('b1-ctl'))?.updates).toHaveLength(1);
    });

    it('lists docs by id prefix exactly (an underscore is not a wildcard)', async () => {
      for (const id of ['b1-draft-p1', 'b1-draft-p2', 'b1-ctl', 'b1Xdraft-p3', 'b2-draft-p1'])
        await store().ensureDoc(id, T0);
      expect(await store().listDocs('b1-draft-')).toEqual(['b1-draft-p1', 'b1-draft-p2']);
      await store().ensureDoc('a_b-draft-x', T0);
      await store().ensureDoc('aXb-draft-y', T0);
      expect(await store().listDocs('a_b-draft-')).toEqual(['a_b-draft-x']);
    });
  });
}
