import type { Grant, WorkshopDetail } from '@samle/shared';
import { clusterMembers, readClusters, readNotes } from '@samle/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSamle, startSamle } from './support/samleServer.js';
import { stockClient, synced } from './support/stockClient.js';
import { json } from './support/workshopFixture.js';

let samle: RunningSamle;
beforeEach(async () => {
  samle = await startSamle();
});
afterEach(async () => {
  await samle.stop();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${samle.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('facilitator accounts', () => {
  it('lets the first account be created from a fresh install, and no second one without signing in', async () => {
    expect(await json(await fetch(`${samle.baseUrl}/api/auth/me`))).toEqual({
      facilitator: null,
      needsFirstAccount: true,
    });
    const cookie = await samle.facilitatorCookie();
    expect(cookie).toMatch(/^samle_session=/);
    const me = await json<{ facilitator: { name: string } }>(
      await fetch(`${samle.baseUrl}/api/auth/me`, { headers: { cookie } }),
    );
    expect(me).toMatchObject({ facilitator: { name: 'Freja Facilitator' }, needsFirstAccount: false });

    const stranger = await post('/api/auth/signup', {
      name: 'Mallory',
      email: 'm@example.dk',
      password: 'long enough password',
    });
    expect(stranger.status).toBe(401);
  });

  it('signs in with the right password only, never stores it plain, and signs out', async () => {
    await samle.facilitatorCookie();
    const wrong = await post('/api/auth/signin', { email: 'freja@example.dk', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const unknown = await post('/api/auth/signin', { email: 'nobody@example.dk', password: 'whatever it is' });
    expect(await unknown.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });

    const right = await post('/api/auth/signin', { email: 'FREJA@example.dk', password: 'correct horse battery' });
    expect(right.status).toBe(200);
    const setCookie = right.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0] ?? '';

    const { SqliteDatabase } = await import('../src/storage/sqlite/sqliteDriver.js');
    const db = new SqliteDatabase(`${samle.dataDir}/samle.sqlite`, { readonly: true });
    const row = db.prepare('SELECT password_hash FROM facilitators').get() as { password_hash: string };
    db.close();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('correct horse battery');

    const out = await post('/api/auth/signout', {}, { cookie, 'x-samle-csrf': '1' });
    expect(out.status).toBe(204);
    const after = await json(await fetch(`${samle.baseUrl}/api/auth/me`, { headers: { cookie } }));
    expect(after).toMatchObject({ facilitator: null });
  });
});

describe('joining without an account', () => {
  async function workshop(): Promise<WorkshopDetail> {
    return json<WorkshopDetail>(
      await samle.asFacilitator('/api/workshops', {
        body: { title: 'Forløb', template: 'municipal-process', language: 'en' },
      }),
      201,
    );
  }

  it('joins an open session by code (any case, spaces allowed) and lands on the plenum board, which the token opens', async () => {
    const detail = await workshop();
    const day1 = detail.sessions.find((s) => s.kind === 'employee_day');
    expect(day1?.title).toBe('Employee day 1');
    const code = day1?.joinCode ?? '';
    const early = await post('/api/join', { code, name: 'Ada' });
    expect(early.status).toBe(404);
    expect(await early.json()).toMatchObject({ code: 'JOIN_CODE_UNKNOWN' });

    await json(await samle.asFacilitator(`/api/sessions/${day1?.id}/open`, { body: {} }));
    expect(await json(await fetch(`${samle.baseUrl}/api/join/${code}`))).toEqual({
      workshopTitle: 'Forløb',
      sessionTitle: 'Employee day 1',
    });
    const grant = await json<Grant>(
      await post('/api/join', {
        code: ` ${code.slice(0, 3)} ${code.slice(3).toLowerCase()}`,
        name: ' Ada ',
        department: 'Byg',
      }),
      201,
    );
    expect(grant.person).toMatchObject({ name: 'Ada', department: 'Byg', role: 'participant', revoked: false });
    expect(grant.landingBoardId).toBe(day1?.boards.find((b) => b.kind === 'plenum')?.id);
    const client = stockClient(samle.wsUrl, grant.landingBoardId ?? '', { token: grant.token });
    await synced(client);
    client.destroy();
  });

  it('seats a late joiner during group work at the smallest table and lands them on its board', async () => {
    const detail = await workshop();
    const day1 = detail.sessions.find((s) => s.kind === 'employee_day');
    await json(await samle.asFacilitator(`/api/sessions/${day1?.id}/open`, { body: {} }));
    for (const name of ['A', 'B', 'C']) await post('/api/join', { code: day1?.joinCode, name });
    await json(
      await samle.asFacilitator(`/api/sessions/${day1?.id}/groups/split`, { body: { count: 2, by: 'random' } }),
    );
    const session = await json<WorkshopDetail['sessions'][number]>(
      await samle.asFacilitator(`/api/sessions/${day1?.id}/group-work`, { body: { open: true } }),
    );
    expect(session.groups.map((g) => g.name)).toEqual(['Table 1', 'Table 2']);
    const smallest = [...session.groups].sort((a, b) => a.memberIds.length - b.memberIds.length)[0];
    const late = await json<Grant>(await post('/api/join', { code: day1?.joinCode, name: 'Late' }), 201);
    expect(late.landingBoardId).toBe(smallest?.boardId);
  });

  it('rate-limits join attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await post('/api/join', { code: 'ZZZZZZ', name: 'Guess' })).status);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('the one-click demo', () => {
  it('creates a Danish process with sessions, agenda, two tables, people, and notes and clusters on the boards', async () => {
    const demo = await json<WorkshopDetail>(await samle.asFacilitator('/api/demo', { body: {} }), 201);
    expect(demo.sessions).toHaveLength(4);
    const day1 = demo.sessions[1];
    expect(day1).toMatchObject({ title: 'Medarbejderdag 1', status: 'open', mode: 'groups' });
    expect(day1?.groups).toHaveLength(2);
    expect(day1?.agenda.length).toBeGreaterThan(5);
    expect(day1?.currentItemId).not.toBeNull();
    expect(demo.people.filter((p) => p.role === 'participant')).toHaveLength(8);
    let notes = 0;
    let clusters = 0;
    for (const board of day1?.boards ?? []) {
      const reader = stockClient(samle.wsUrl, board.id, { token: await samle.tokenFor(board.id, 'read') });
      await synced(reader);
      notes += readNotes(reader.doc).length;
      for (const cluster of readClusters(reader.doc)) {
        clusters++;
        expect(cluster.title.length).toBeGreaterThan(0);
        expect(clusterMembers(reader.doc, cluster.id).length).toBeGreaterThanOrEqual(2);
      }
      reader.destroy();
    }
    expect(notes).toBeGreaterThanOrEqual(20);
    expect(clusters).toBeGreaterThanOrEqual(3);
  });
});
