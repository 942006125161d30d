import { describe, expect, it } from 'vitest';
import type { InviteRecord } from '../../src/storage/accessTypes.js';
import { facilitator, T0, workshopPlan } from './fixtures.js';
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
  });
}
