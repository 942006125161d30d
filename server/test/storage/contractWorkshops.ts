import { describe, expect, it } from 'vitest';
import type { GroupRecord } from '../../src/storage/contracts/workshopTypes.js';
import { facilitator, metaUpdate, person, standaloneBoard, T0, workshopPlan } from './fixtures.js';
import { type StorageFactory, useStorage } from './useStorage.js';

/** The relational half of the contract: accounts, workshops, sessions, people and tables. */
export function workshopContract(factory: StorageFactory): void {
  describe('storage contract: workshops', () => {
    const store = useStorage(factory);
    const ws = () => store().workshops;

    async function seedWorkshop() {
      await ws().createFacilitator(facilitator('f1', 'ada@example.com'));
      const plan = workshopPlan();
      await ws().createWorkshop(plan);
      return plan;
    }

    describe('facilitators and auth sessions', () => {
      it('finds facilitators by id and by email in any case; the email is unique regardless of case', async () => {
        expect(await ws().countFacilitators()).toBe(0);
        await ws().createFacilitator(facilitator('f1', 'Ada@Example.com'));
        expect(await ws().countFacilitators()).toBe(1);
        expect(await ws().getFacilitator('f1')).toEqual(facilitator('f1', 'Ada@Example.com'));
        expect((await ws().findFacilitatorByEmail('ada@example.com'))?.id).toBe('f1');
        expect((await ws().findFacilitatorByEmail('ADA@EXAMPLE.COM'))?.id).toBe('f1');
        expect(await ws().findFacilitatorByEmail('bo@example.com')).toBeNull();
        expect(await ws().getFacilitator('f2')).toBeNull();
        await expect(ws().createFacilitator(facilitator('f2', 'ada@EXAMPLE.com'))).rejects.toThrow();
        expect(await ws().countFacilitators()).toBe(1);
      });

      it('answers an auth session until it expires, drops expired ones on the next login, and deletes on logout', async () => {
        await ws().createFacilitator(facilitator('f1', 'ada@example.com'));
        await ws().createAuthSession('tok-1', 'f1', T0, T0 + 1000);
        expect(await ws().findAuthSession('tok-1', T0 + 999)).toBe('f1');
        expect(await ws().findAuthSession('tok-1', T0 + 1000)).toBeNull();
        expect(await ws().findAuthSession('tok-x', T0)).toBeNull();
        // A login after tok-1 expired removes it for good, even for a clock that reads earlier.
        await ws().createAuthSession('tok-2', 'f1', T0 + 2000, T0 + 5000);
        expect(await ws().findAuthSession('tok-1', T0)).toBeNull();
        expect(await ws().findAuthSession('tok-2', T0 + 2000)).toBe('f1');
        await ws().deleteAuthSession('tok-2');
        expect(await ws().findAuthSession('tok-2', T0 + 2000)).toBeNull();
        await expect(ws().createAuthSession('tok-3', 'nobody', T0, T0 + 1)).rejects.toThrow();
      });
    });

    describe('workshop graph', () => {
      it('round-trips the workshop graph, sorted: sessions and agenda by position, people by arrival', async () => {
        const plan = await seedWorkshop();
        const graph = await ws().getWorkshopGraph('w1');
        expect(graph?.workshop).toEqual(plan.workshop);
        expect(graph?.sessions.map((s) => s.id)).toEqual(['s1', 's2']);
        expect(graph?.sessions[0]).toEqual(plan.sessions[1]);
        expect(graph?.sessions[1]).toEqual(plan.sessions[0]);
        expect(graph?.agenda.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
        expect(graph?.agenda[1]).toEqual(plan.agenda[0]);
        expect(graph?.people.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
        expect(graph?.people[0]).toEqual(person('p1', 'w1', T0 + 1));
        expect(graph?.groups).toEqual([
          { id: 'g1', sessionId: 's1', position: 0, name: 'Table 1', memberIds: ['p1', 'p2'] },
          { id: 'g2', sessionId: 's1', position: 1, name: 'Table 2', memberIds: ['p3'] },
        ]);
        expect(graph?.boards).toEqual(plan.boards.map((b) => b.board));
        expect(await ws().getWorkshopGraph('w-missing')).toBeNull();
      });

      it('creates each workshop board with its doc, and keeps them out of the standalone board list', async () => {
        const plan = await seedWorkshop();
        await store().createBoard(standaloneBoard('solo', T0), metaUpdate('solo'));
        for (const { board, initialUpdate } of plan.boards) {
          expect(await store().getBoard(board.id)).toEqual(board);
          expect((await store().loadDoc(board.id))?.updates).toEqual([initialUpdate]);
        }
        expect((await store().listBoards()).map((b) => b.id)).toEqual(['solo']);
      });

      it('lists a facilitator’s workshops with their session count, newest first', async () => {
        await seedWorkshop();
        await ws().createFacilitator(facilitator('f2', 'bo@example.com'));
        expect(await ws().listWorkshopsFor('f1')).toEqual([{ ...workshopPlan().workshop, sessionCount: 2 }]);
        expect(await ws().listWorkshopsFor('f2')).toEqual([]);
        expect(await ws().isFacilitatorOf('w1', 'f1')).toBe(true);
        expect(await ws().isFacilitatorOf('w1', 'f2')).toBe(false);
        const later = { ...workshopPlan(), workshop: { ...workshopPlan().workshop, id: 'w2', createdAt: T0 + 1 } };
        await ws().createWorkshop({ ...later, sessions: [], agenda: [], people: [], groups: [], boards: [] });
        expect((await ws().listWorkshopsFor('f1')).map((w) => [w.id, w.sessionCount])).toEqual([
          ['w2', 0],
          ['w1', 2],
        ]);
      });

      it('creates a workshop all or nothing', async () => {
        await ws().createFacilitator(facilitator('f1', 'ada@example.com'));
        const plan = workshopPlan();
        const broken = { ...plan, groups: [{ ...plan.groups[0], memberIds: ['nobody'] } as GroupRecord] };
        await expect(ws().createWorkshop(broken)).rejects.toThrow();
        expect(await ws().getWorkshopGraph('w1')).toBeNull();
        expect(await ws().getSession('s1')).toBeNull();
        expect(await store().getBoard('b-plenum')).toBeNull();
        expect(await store().loadDoc('b-plenum')).toBeNull();
        await ws().createWorkshop(plan);
        expect((await ws().getWorkshopGraph('w1'))?.boards).toHaveLength(4);
      });

      it('creates boards all or nothing', async () => {
        await seedWorkshop();
        const extra = (id: string) => ({
          board: { ...standaloneBoard(id, T0), workshopId: 'w1', sessionId: 's2' },
          initialUpdate: metaUpdate(id),
        });
        await expect(ws().createBoards([extra('b-new'), extra('b-lead')])).rejects.toThrow();
        expect(await store().getBoard('b-new')).toBeNull();
        expect(await store().loadDoc('b-new')).toBeNull();
        await ws().createBoards([extra('b-new'), extra('b-new-2')]);
        expect((await store().getBoard('b-new-2'))?.sessionId).toBe('s2');
        expect((await store().loadDoc('b-new'))?.updates).toHaveLength(1);
      });
    });

    describe('sessions, tables and people', () => {
      it('finds a session by its join code and applies partial updates', async () => {
        const plan = await seedWorkshop();
        expect(await ws().findSessionByJoinCode('ABC123')).toEqual(plan.sessions[1]);
        expect(await ws().findSessionByJoinCode('abc123')).toBeNull();
        expect(await ws().findSessionByJoinCode('ZZZ999')).toBeNull();
        await ws().updateSession('s1', { mode: 'plenum', currentItemId: null, currentItemStartedAt: null });
        await ws().updateSession('s1', {});
        expect(await ws().getSession('s1')).toEqual({
          ...plan.sessions[1],
          mode: 'plenum',
          currentItemId: null,
          currentItemStartedAt: null,
        });
        await ws().updateSession('s2', { status: 'open', currentItemId: 'a3', currentItemStartedAt: T0 + 99 });
        expect(await ws().getSession('s2')).toMatchObject({
          status: 'open',
          currentItemId: 'a3',
          currentItemStartedAt: T0 + 99,
        });
        expect(await ws().getSession('s-missing')).toBeNull();
      });

      it('reads a session back with every column it was written with, from a new plan and when added later', async () => {
        const plan = await seedWorkshop();
        const [first, second] = plan.sessions;
        if (!first || !second) throw new Error('the seeded plan has two sessions');
        expect(await ws().getSession('s2')).toEqual(first);
        // Every column set, a true boolean among them (SQLite stores it as 1, PostgreSQL as true).
        const added = {
          ...second,
          id: 's3',
          position: 2,
          title: 'Employee day 2',
          joinCode: 'XYZ789',
          currentItemId: null,
          tablesOpen: true,
        } as const;
        await store().plans.addSession(added);
        expect(await ws().getSession('s3')).toEqual(added);
      });

      it('replaces tables: reused ids keep their boards, removed tables unlink theirs, members are replaced', async () => {
        await seedWorkshop();
        const next: GroupRecord[] = [
          { id: 'g3', sessionId: 's1', position: 0, name: 'New table', memberIds: ['p2'] },
          { id: 'g1', sessionId: 's1', position: 1, name: 'Table 1, renamed', memberIds: ['p3', 'p1'] },
        ];
        await ws().replaceGroups('s1', next);
        const graph = await ws().getWorkshopGraph('w1');
        expect(graph?.groups).toEqual([
          { id: 'g3', sessionId: 's1', position: 0, name: 'New table', memberIds: ['p2'] },
          { id: 'g1', sessionId: 's1', position: 1, name: 'Table 1, renamed', memberIds: ['p1', 'p3'] },
        ]);
        expect((await store().getBoard('b-g1'))?.groupId).toBe('g1');
        // The removed table's board stays (it may hold work); it just has no table now.
        expect((await store().getBoard('b-g2'))?.groupId).toBeNull();
        expect((await store().loadDoc('b-g2'))?.updates).toHaveLength(1);
        expect(await ws().groupIdsOf('p3', 's1')).toEqual(['g1']);
        await ws().replaceGroups('s1', []);
        expect((await ws().getWorkshopGraph('w1'))?.groups).toEqual([]);
        expect((await store().getBoard('b-g1'))?.groupId).toBeNull();
      });

      it('replaces tables all or nothing', async () => {
        await seedWorkshop();
        const before = await ws().getWorkshopGraph('w1');
        const bad: GroupRecord[] = [{ id: 'g9', sessionId: 's1', position: 0, name: 'X', memberIds: ['nobody'] }];
        await expect(ws().replaceGroups('s1', bad)).rejects.toThrow();
        expect(await ws().getWorkshopGraph('w1')).toEqual(before);
      });

      it('moves a person between tables of one session, leaving other sessions alone', async () => {
        await seedWorkshop();
        await ws().replaceGroups('s2', [{ id: 'g-lead', sessionId: 's2', position: 0, name: 'L', memberIds: ['p1'] }]);
        expect(await ws().groupIdsOf('p1', 's1')).toEqual(['g1']);
        await ws().assignPerson('s1', 'p1', 'g2');
        expect(await ws().groupIdsOf('p1', 's1')).toEqual(['g2']);
        expect(await ws().groupIdsOf('p1', 's2')).toEqual(['g-lead']);
        await ws().assignPerson('s1', 'p1', null);
        expect(await ws().groupIdsOf('p1', 's1')).toEqual([]);
        expect(await ws().groupIdsOf('p1', 's2')).toEqual(['g-lead']);
        expect((await ws().getWorkshopGraph('w1'))?.groups.find((g) => g.id === 'g2')?.memberIds).toEqual(['p3']);
      });

      it('creates people (optionally at a table), and revoking keeps the first revocation time', async () => {
        await seedWorkshop();
        const newcomer = { ...person('p4', 'w1', T0 + 4), role: 'leader' as const };
        await ws().createPerson(newcomer, { groupId: 'g2' });
        await ws().createPerson(person('p5', 'w1', T0 + 5));
        expect(await ws().getPerson('p4')).toEqual(newcomer);
        expect(await ws().groupIdsOf('p4', 's1')).toEqual(['g2']);
        expect(await ws().groupIdsOf('p5', 's1')).toEqual([]);
        expect(await ws().getPerson('p-missing')).toBeNull();
        await expect(ws().createPerson(person('p6', 'w1', T0), { groupId: 'g-missing' })).rejects.toThrow();
        expect(await ws().getPerson('p6')).toBeNull();
        await ws().revokePerson('p4', T0 + 100);
        await ws().revokePerson('p4', T0 + 200);
        expect((await ws().getPerson('p4'))?.revokedAt).toBe(T0 + 100);
      });

      it('places a board with its session status', async () => {
        await seedWorkshop();
        await store().createBoard(standaloneBoard('solo', T0), metaUpdate('solo'));
        expect(await ws().getBoardPlacement('b-g1')).toEqual({
          board: workshopPlan().boards[1]?.board,
          sessionStatus: 'open',
          tableClosed: false,
        });
        await ws().updateSession('s1', { status: 'ended' });
        expect((await ws().getBoardPlacement('b-g1'))?.sessionStatus).toBe('ended');
        expect((await ws().getBoardPlacement('b-lead'))?.sessionStatus).toBe('planned');
        expect(await ws().getBoardPlacement('solo')).toEqual({
          board: standaloneBoard('solo', T0),
          sessionStatus: null,
          tableClosed: false,
        });
        expect(await ws().getBoardPlacement('missing')).toBeNull();
      });
    });
  });
}
