import type { AdminLink, AdminWorkshopList, WorkshopDetail } from '@samle/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresKind, type RunningOn, sqliteKind } from './support/databaseKinds.js';

async function json<T>(response: Response, status: number): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}

describe.each([sqliteKind, postgresKind()])('facilitator administration on $name', (kind) => {
  let running: RunningOn;
  let demo: WorkshopDetail;
  let boCookie: string;

  async function signIn(email: string, password: string): Promise<Response> {
    return fetch(`${running.samle.baseUrl}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  }

  async function as(cookie: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${running.samle.baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie, 'x-samle-csrf': '1', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  beforeAll(async () => {
    running = await kind.start();
    demo = await json<WorkshopDetail>(await running.samle.asFacilitator('/api/demo', { body: {} }), 201);
    const made = await running.samle.asFacilitator('/api/auth/signup', {
      body: { name: 'Bo Kollega', email: 'bo@kommune.dk', password: 'first password of bo' },
    });
    expect(made.status).toBe(201);
    boCookie =
      ((await signIn('bo@kommune.dk', 'first password of bo')).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }, 60_000);
  afterAll(async () => {
    await running?.samle.stop();
    await kind.cleanup();
  });

  it('lists my workshops with their state', async () => {
    const list = await json<AdminWorkshopList>(await running.samle.asFacilitator('/api/admin/workshops'), 200);
    expect(list.workshops).toHaveLength(1);
    const [row] = list.workshops;
    expect(row?.id).toBe(demo.workshop.id);
    expect(row?.archivedAt).toBeNull();
    expect(row?.facilitators).toEqual(['Freja Facilitator']);
    const total = (row?.sessions.planned ?? 0) + (row?.sessions.open ?? 0) + (row?.sessions.ended ?? 0);
    expect(total).toBe(demo.sessions.length);
    expect((await json<AdminWorkshopList>(await as(boCookie, '/api/admin/workshops'), 200)).workshops).toEqual([]);
  });

  it('adds a co-facilitator by a link the inviting facilitator passes on; the link works once', async () => {
    expect((await as(boCookie, `/api/workshops/${demo.workshop.id}`)).status).toBe(404);
    const link = await json<AdminLink>(
      await running.samle.asFacilitator(`/api/workshops/${demo.workshop.id}/cofacilitator-links`, { body: {} }),
      201,
    );
    const token = link.path.split('/').pop() ?? '';
    expect(link.path).toBe(`/admin/join/${token}`);
    expect((await as(boCookie, '/api/cofacilitators/accept', { token })).status).toBe(200);
    expect((await as(boCookie, `/api/workshops/${demo.workshop.id}`)).status).toBe(200);
    const list = await json<AdminWorkshopList>(await as(boCookie, '/api/admin/workshops'), 200);
    expect(list.workshops[0]?.facilitators).toEqual(['Bo Kollega', 'Freja Facilitator']);
    const again = await as(boCookie, '/api/cofacilitators/accept', { token });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { code: string }).code).toBe('LINK_INVALID');
  });

  it('archives a workshop and brings it back', async () => {
    const path = `/api/workshops/${demo.workshop.id}/archive`;
    await json(await running.samle.asFacilitator(path, { body: { archived: true } }), 200);
    let list = await json<AdminWorkshopList>(await running.samle.asFacilitator('/api/admin/workshops'), 200);
    expect(list.workshops[0]?.archivedAt).not.toBeNull();
    await json(await running.samle.asFacilitator(path, { body: { archived: false } }), 200);
    list = await json<AdminWorkshopList>(await running.samle.asFacilitator('/api/admin/workshops'), 200);
    expect(list.workshops[0]?.archivedAt).toBeNull();
  });

  it('resets a colleague’s password by a link a facilitator issues, once; never for a stranger', async () => {
    const stranger = await running.samle.asFacilitator('/api/facilitators/reset-links', {
      body: { email: 'nobody@kommune.dk' },
    });
    expect(stranger.status).toBe(404);
    const link = await json<AdminLink>(
      await running.samle.asFacilitator('/api/facilitators/reset-links', { body: { email: 'Bo@Kommune.dk' } }),
      201,
    );
    const token = link.path.split('/').pop() ?? '';
    const reset = (password: string) => as('', '/api/auth/reset', { token, password });
    expect((await reset('short')).status).toBe(400);
    expect((await reset('the new password of bo')).status).toBe(204);
    expect((await signIn('bo@kommune.dk', 'first password of bo')).status).toBe(401);
    expect((await signIn('bo@kommune.dk', 'the new password of bo')).status).toBe(200);
    expect((await reset('another password of bo')).status).toBe(400);
  });

  it('changes my own password only with the current one', async () => {
    const wrong = await running.samle.asFacilitator('/api/auth/password', {
      body: { currentPassword: 'not my password', newPassword: 'a brand new password' },
    });
    expect(wrong.status).toBe(403);
    const changed = await running.samle.asFacilitator('/api/auth/password', {
      body: { currentPassword: 'correct horse battery', newPassword: 'a brand new password' },
    });
    expect(changed.status).toBe(204);
    expect((await signIn('freja@example.dk', 'a brand new password')).status).toBe(200);
    expect((await signIn('freja@example.dk', 'correct horse battery')).status).toBe(401);
  });
});
