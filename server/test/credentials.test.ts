import { CloseCode, createNote, type Grant, type Invite, type InviteList, type Session } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { nextClose, synced, until } from './support/stockClient.js';
import { json } from './support/workshopFixture.js';
import { connect, fx, samle, useWorkshopSuite } from './support/workshopSuite.js';

// A server with a workshop of two tables per test: support/workshopSuite.ts.
useWorkshopSuite();

const BROWSER_A = 'browser-a-0123456789abcdef';
const BROWSER_B = 'browser-b-0123456789abcdef';

function post(path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${samle.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

const joinCode = () => fx.detail.sessions.find((s) => s.id === fx.sessionId)?.joinCode ?? '';
const joinAs = (name: string, browserKey?: string, code = joinCode()) =>
  post('/api/join', { code, name, ...(browserKey ? { browserKey } : {}) });
const linkOf = (invite: Invite) => (invite.path ?? '').replace('/invite/', '');

async function makeInvite(role: 'leader' | 'viewer', singleUse = false): Promise<Invite> {
  return json<Invite>(
    await samle.asFacilitator(`/api/workshops/${fx.detail.workshop.id}/invites`, { body: { role, singleUse } }),
    201,
  );
}

describe('credentials: invite links', () => {
  it("refuses a revoked leader's invite link, from any browser, and says so before asking for a name", async () => {
    const invite = await makeInvite('leader');
    const leader = await json<Grant>(await post('/api/invites/accept', { invite: linkOf(invite), name: 'Lis' }), 201);
    expect(await json(await post('/api/invites/preview', { invite: linkOf(invite) }))).toMatchObject({
      workshopTitle: 'Erhvervsservice',
      role: 'leader',
    });

    const socket = connect(fx.leadershipBoardId, leader.token);
    await synced(socket);
    const closed = nextClose(socket);
    expect((await samle.asFacilitator(`/api/people/${leader.person.id}/revoke`, { body: {} })).status).toBe(204);
    expect((await closed).code).toBe(CloseCode.AccessRevoked);

    const again = await post('/api/invites/accept', { invite: linkOf(invite), name: 'Lis igen' });
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ code: 'INVITE_REVOKED' });
    expect((await post('/api/invites/preview', { invite: linkOf(invite) })).status).toBe(410);
  });

  it('lets a single-use link in once; the facilitator sees it used, withdraws or replaces links', async () => {
    const invite = await makeInvite('viewer', true);
    await json<Grant>(await post('/api/invites/accept', { invite: linkOf(invite), name: 'Vera' }), 201);
    const second = await post('/api/invites/accept', { invite: linkOf(invite), name: 'Viggo' });
    expect(second.status).toBe(410);
    expect(await second.json()).toMatchObject({ code: 'INVITE_USED' });

    const listed = await json<InviteList>(await samle.asFacilitator(`/api/workshops/${fx.detail.workshop.id}/invites`));
    expect(listed.invites.find((i) => i.id === invite.id)).toMatchObject({ singleUse: true, joined: 1, path: null });

    const open = await makeInvite('viewer');
    const replaced = await json<Invite>(
      await samle.asFacilitator(`/api/invites/${open.id}/regenerate`, { body: {} }),
      201,
    );
    expect(replaced.id).not.toBe(open.id);
    expect((await post('/api/invites/accept', { invite: linkOf(open), name: 'Gammel' })).status).toBe(410);
    await json<Grant>(await post('/api/invites/accept', { invite: linkOf(replaced), name: 'Ny' }), 201);

    await json(await samle.asFacilitator(`/api/invites/${replaced.id}/revoke`, { body: {} }));
    expect((await post('/api/invites/accept', { invite: linkOf(replaced), name: 'Senere' })).status).toBe(410);
  });

  it('refuses invite management to participants', async () => {
    const invite = await makeInvite('leader');
    const [ada] = fx.participants;
    const asParticipant = await post(`/api/invites/${invite.id}/revoke`, {}, ada?.token);
    expect(asParticipant.status).toBe(401);
  });
});

describe('credentials: joining again', () => {
  it('gives the same browser the same person and the same vote budget when it joins again', async () => {
    const first = await json<Grant>(await joinAs('Dora', BROWSER_A), 201);
    const writer = connect(fx.plenumBoardId, first.token);
    await synced(writer);
    createNote(writer.doc, { id: 'idea-1', x: 0, y: 0, text: 'Åbent hus', createdAt: 1 });
    const facilitatorView = connect(fx.plenumBoardId, await samle.tokenFor(fx.plenumBoardId, 'read'));
    await until(facilitatorView.doc, (doc) => doc.getMap('notes').has('idea-1'));
    await json(
      await samle.asFacilitator(`/api/boards/${fx.plenumBoardId}/vote`, {
        body: { action: 'open', budget: 3, maxPerNote: 3 },
      }),
    );
    const cast = await json<{ remaining: number }>(
      await post(`/api/boards/${fx.plenumBoardId}/votes`, { noteId: 'idea-1', delta: 1 }, first.token),
    );
    expect(cast.remaining).toBe(2);

    const again = await json<Grant>(await joinAs('Dora (telefon)', BROWSER_A), 201);
    expect(again.person.id).toBe(first.person.id);
    const mine = await fetch(`${samle.baseUrl}/api/boards/${fx.plenumBoardId}/votes/mine`, {
      headers: { authorization: `Bearer ${again.token}` },
    });
    expect(await json(mine)).toMatchObject({ remaining: 2, votes: { 'idea-1': 1 } });

    const detail = await fx.refresh();
    expect(detail.people.filter((p) => p.name.startsWith('Dora'))).toHaveLength(1);
  });

  it("refuses a revoked participant's browser when it joins by code again, with a message saying why", async () => {
    const dora = await json<Grant>(await joinAs('Dora', BROWSER_A), 201);
    expect((await samle.asFacilitator(`/api/people/${dora.person.id}/revoke`, { body: {} })).status).toBe(204);
    const back = await joinAs('Dora', BROWSER_A);
    expect(back.status).toBe(403);
    expect(await back.json()).toMatchObject({
      code: 'ACCESS_REVOKED',
      message: expect.stringContaining('removed you from this workshop'),
    });
  });

  it('lets the facilitator close the code or give a new one: the old code stops working', async () => {
    const old = joinCode();
    const renewed = await json<Session>(
      await samle.asFacilitator(`/api/sessions/${fx.sessionId}/join-code`, { body: { action: 'regenerate' } }),
    );
    expect(renewed.joinCode).toMatch(/^[A-Z0-9]{6}$/);
    expect(renewed.joinCode).not.toBe(old);
    expect((await joinAs('Eva', undefined, old)).status).toBe(404);
    await json<Grant>(await joinAs('Eva', undefined, renewed.joinCode ?? ''), 201);

    const closed = await json<Session>(
      await samle.asFacilitator(`/api/sessions/${fx.sessionId}/join-code`, { body: { action: 'close' } }),
    );
    expect(closed.joinCode).toBeNull();
    expect((await joinAs('Finn', undefined, renewed.joinCode ?? '')).status).toBe(404);

    const leadership = fx.detail.sessions.find((s) => s.kind === 'leadership');
    const refused = await samle.asFacilitator(`/api/sessions/${leadership?.id}/join-code`, {
      body: { action: 'regenerate' },
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'LEADERSHIP_HAS_NO_CODE' });
  });

  it('merges a duplicate person: the duplicate is removed and its browser comes back as the kept person', async () => {
    const laptop = await json<Grant>(await joinAs('Gorm', BROWSER_A), 201);
    const phone = await json<Grant>(await joinAs('Gorm', BROWSER_B), 201);
    expect(phone.person.id).not.toBe(laptop.person.id);
    const merged = await samle.asFacilitator(`/api/people/${phone.person.id}/merge`, {
      body: { into: laptop.person.id },
    });
    expect(merged.status).toBe(204);
    const detail = await fx.refresh();
    expect(detail.people.find((p) => p.id === phone.person.id)?.revoked).toBe(true);
    const back = await json<Grant>(await joinAs('Gorm', BROWSER_B), 201);
    expect(back.person.id).toBe(laptop.person.id);
  });
});
