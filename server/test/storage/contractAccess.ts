import { describe, expect, it } from 'vitest';
import type { InviteRecord } from '../../src/storage/contracts/accessTypes.js';
import type { VoteRound } from '../../src/storage/contracts/voteTypes.js';
import { facilitator, metaUpdate, standaloneBoard, T0, workshopPlan } from './fixtures.js';
import { type StorageFactory, useStorage } from './useStorage.js';

/** Invite links, browsers that joined and join codes: what keeps a revoked person out. */
export function accessContract(factory: StorageFactory): void {
  describe('storage contract: credentials', () => {
    const store = useStorage(factory);
    const invite = (id: string, singleUse: boolean, createdAt = T0): InviteRecord => ({
      id,
      workshopId: 'w1',
      role: 'leader',
      singleUse,
      createdAt,
      expiresAt: createdAt + 86_400_000,
      usedAt: null,
      revokedAt: null,
    });
    async function workshop() {
      await store().workshops.createFacilitator(facilitator('f1', 'f1@example.dk'));
      await store().workshops.createWorkshop(workshopPlan());
    }

    it('keeps invite links, claims a single-use one once, revokes, and counts who came in by each', async () => {
      await workshop();
      await store().access.createInvite(invite('i1', true));
      await store().access.createInvite(invite('i2', false, T0 + 1));
      expect(await store().access.getInvite('i1')).toEqual(invite('i1', true));
      const claims = await Promise.all([1, 2, 3].map(() => store().access.claimSingleUse('i1', T0 + 5)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect((await store().access.getInvite('i1'))?.usedAt).toBe(T0 + 5);

      await store().access.recordInvite('p1', 'i2');
      await store().access.recordInvite('p2', 'i2');
      expect(await store().access.inviteOf('p1')).toBe('i2');
      await store().access.revokeInvite('i2', T0 + 9);
      await store().access.revokeInvite('i2', T0 + 20);
      const listed = await store().access.listInvites('w1');
      expect(listed.map((i) => [i.id, i.joined, i.revokedAt])).toEqual([
        ['i2', 2, T0 + 9],
        ['i1', 0, null],
      ]);
      expect(await store().access.claimSingleUse('i2', T0 + 30)).toBe(false);
    });

    it('remembers which person a browser is, moves browsers when people merge, and sets or clears codes', async () => {
      await workshop();
      expect(await store().access.personOfBrowser('w1', 'hash-a')).toBeNull();
      await store().access.rememberBrowser('w1', 'hash-a', 'p1');
      await store().access.rememberBrowser('w1', 'hash-b', 'p2');
      expect(await store().access.personOfBrowser('w1', 'hash-a')).toBe('p1');
      await store().access.moveBrowsers('p2', 'p1');
      expect(await store().access.personOfBrowser('w1', 'hash-b')).toBe('p1');
      await store().access.rememberBrowser('w1', 'hash-a', 'p3');
      expect(await store().access.personOfBrowser('w1', 'hash-a')).toBe('p3');

      await store().access.setJoinCode('s1', null);
      expect((await store().workshops.getSession('s1'))?.joinCode).toBeNull();
      await store().access.setJoinCode('s1', 'XYZ789');
      expect((await store().workshops.findSessionByJoinCode('XYZ789'))?.id).toBe('s1');
    });

    it("merges a duplicate person's votes and answers only where the kept person has none", async () => {
      await workshop();
      await store().createBoard(standaloneBoard('b1', T0), metaUpdate('b1'));
      await store().createBoard(standaloneBoard('b2', T0), metaUpdate('b2'));
      const round = (id: string, boardId: string): VoteRound => ({
        id,
        boardId,
        budget: 3,
        maxPerNote: 3,
        status: 'open',
        openedAt: T0,
        closedAt: null,
      });
      const r1 = round('r1', 'b1');
      const r2 = round('r2', 'b2');
      await store().votes.openRound(r1);
      await store().votes.openRound(r2);
      await store().votes.cast(r1, 'p2', 'n1', 1);
      await store().votes.cast(r2, 'p1', 'n2', 1);
      await store().votes.cast(r2, 'p2', 'n3', 1);
      await store().evaluations.openEvaluation({
        id: 'e1',
        workshopId: 'w1',
        status: 'open',
        ratings: [{ id: 'useful', label: 'Useful' }],
        freeText: null,
        anonymous: true,
        openedAt: T0,
        closedAt: null,
      });
      const answer = (key: string) => ({
        evaluationId: 'e1',
        respondentKey: key,
        respondentName: null,
        ratings: { useful: 4 },
        text: null,
        answeredAt: T0,
      });
      await store().evaluations.saveResponse(answer('key-p2'));

      await store().access.mergeContributions(
        { personId: 'p2', respondentKey: 'key-p2' },
        { personId: 'p1', respondentKey: 'key-p1' },
      );
      expect(await store().votes.votesOf('r1', 'p1')).toEqual({ n1: 1 });
      expect(await store().votes.votesOf('r2', 'p1')).toEqual({ n2: 1 });
      expect(await store().votes.votesOf('r2', 'p2')).toEqual({});
      expect((await store().evaluations.responses('e1')).map((r) => r.respondentKey)).toEqual(['key-p1']);
    });
  });
}
