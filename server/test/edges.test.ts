import fs from 'node:fs';
import path from 'node:path';
import { CloseCode, catalogDocId, createNote, ideaDocId, ideasOf, type WorkshopDetail } from '@samle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { updateFrame } from './support/memoryClient.js';
import { type RunningSamle, startSamle, tempDataDir } from './support/samleServer.js';
import { join, json, storedBytes, workshopWithTables } from './support/workshopFixture.js';

const running: RunningSamle[] = [];
const sockets: WebSocket[] = [];
async function start(options: Parameters<typeof startSamle>[0] = {}): Promise<RunningSamle> {
  const samle = await startSamle(options);
  running.push(samle);
  return samle;
}
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  for (const samle of running.splice(0)) await samle.stop();
});

/** Opens a raw socket; resolves `synced` on the server's first message, or with the close code if it is refused. */
function openSocket(url: string, headers: Record<string, string> = {}): Promise<'synced' | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    sockets.push(socket);
    socket.once('message', () => resolve('synced'));
    socket.on('close', (code) => resolve(code));
    socket.on('error', reject);
  });
}

function noteUpdate(id: string): Uint8Array {
  const doc = new Y.Doc();
  createNote(doc, { id, x: 0, y: 0, text: 'fra et script', createdAt: 1 });
  return Y.encodeStateAsUpdate(doc);
}

describe('edges: creating and opening documents', () => {
  it('refuses to create a standalone board without a facilitator session', async () => {
    const samle = await start();
    const response = await fetch(`${samle.baseUrl}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Uden login' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'NOT_SIGNED_IN' });
    const list = await json<{ boards: unknown[] }>(await samle.asFacilitator('/api/boards'));
    expect(list.boards).toEqual([]);
  });

  it("opens an idea's description only for ideas in the catalog: an invented idea id is 4404 and creates nothing", async () => {
    const samle = await start();
    const demo = await json<WorkshopDetail>(await samle.asFacilitator('/api/demo', { body: {} }), 201);
    const workshopId = demo.workshop.id;
    const realIdea = await samle.samle.relay.read(catalogDocId(workshopId), (doc) => [...ideasOf(doc).keys()][0]);
    if (!realIdea) throw new Error('demo without catalog ideas');
    const cookie = await samle.facilitatorCookie();
    const origin = samle.baseUrl;

    expect(await openSocket(`${samle.wsUrl}/${ideaDocId(workshopId, realIdea)}`, { cookie, origin })).toBe('synced');
    const invented = ideaDocId(workshopId, 'Invented123');
    expect(await openSocket(`${samle.wsUrl}/${invented}`, { cookie, origin })).toBe(CloseCode.DocNotFound);
    await samle.samle.relay.drain();
    expect(await samle.samle.relay.whenLoaded(invented)).toBe(false);
  });
});

describe('edges: operator tokens and archived boards', () => {
  it("refuses an operator write token's update once the board's session has ended; the stored doc is unchanged", async () => {
    const samle = await start();
    const fx = await workshopWithTables(samle);
    const token = await samle.tokenFor(fx.plenumBoardId, 'write');
    await json(await samle.asFacilitator(`/api/sessions/${fx.sessionId}/end`, { body: {} }));
    const before = storedBytes(samle.dataDir, fx.plenumBoardId);

    const code = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(`${samle.wsUrl}/${fx.plenumBoardId}?token=${encodeURIComponent(token)}`);
      sockets.push(socket);
      socket.on('open', () => socket.send(updateFrame(noteUpdate('script-after-end'))));
      socket.on('close', resolve);
      socket.on('error', reject);
    });
    expect(code).toBe(CloseCode.ReadOnly);
    await samle.samle.relay.drain();
    expect(storedBytes(samle.dataDir, fx.plenumBoardId)).toBe(before);
  });
});

describe("edges: the facilitator's cookie on WebSockets", () => {
  it('refuses a cookie-authenticated socket from another origin, and accepts the same origin', async () => {
    const samle = await start();
    const board = await samle.createBoard('Kun herfra');
    const cookie = await samle.facilitatorCookie();
    expect(await openSocket(`${samle.wsUrl}/${board.id}`, { cookie, origin: 'https://evil.example' })).toBe(
      CloseCode.Unauthenticated,
    );
    expect(await openSocket(`${samle.wsUrl}/${board.id}`, { cookie, origin: samle.baseUrl })).toBe('synced');
  });

  it('with SAMLE_PUBLIC_URL set, accepts only that origin', async () => {
    const samle = await start({ env: { SAMLE_PUBLIC_URL: 'https://samle.example.dk/' } });
    const board = await samle.createBoard('Offentlig adresse');
    const cookie = await samle.facilitatorCookie();
    expect(await openSocket(`${samle.wsUrl}/${board.id}`, { cookie, origin: 'https://samle.example.dk' })).toBe(
      'synced',
    );
    expect(await openSocket(`${samle.wsUrl}/${board.id}`, { cookie, origin: samle.baseUrl })).toBe(
      CloseCode.Unauthenticated,
    );
  });
});

describe('edges: sockets per grant', () => {
  it('closes the socket past the cap with 4430, and lets the person open one again after closing another', async () => {
    const samle = await start({ env: { SAMLE_MAX_SOCKETS_PER_GRANT: '3' } });
    const fx = await workshopWithTables(samle);
    const [ada] = fx.participants;
    if (!ada) throw new Error('no participant');
    const url = `${samle.wsUrl}/${fx.plenumBoardId}?token=${encodeURIComponent(ada.token)}`;
    for (let i = 0; i < 3; i++) expect(await openSocket(url)).toBe('synced');
    expect(await openSocket(url)).toBe(CloseCode.TooManyConnections);

    const first = sockets[0];
    if (!first) throw new Error('no socket');
    await new Promise<void>((resolve) => {
      first.once('close', () => resolve());
      first.close();
    });
    // The server gives the slot back when it sees the close; retry until it has.
    let again: 'synced' | number = CloseCode.TooManyConnections;
    while (again === CloseCode.TooManyConnections) again = await openSocket(url);
    expect(again).toBe('synced');
  });
});

describe('edges: data files', () => {
  it('creates the data folder 0700 and the database, its WAL files and the signing key 0600', async () => {
    const dataDir = path.join(tempDataDir(), 'fresh');
    const samle = await start({ dataDir });
    await samle.createBoard('Noget at gemme');
    await samle.samle.relay.drain();
    const mode = (file: string) => fs.statSync(path.join(dataDir, file)).mode & 0o777;
    expect(mode('.')).toBe(0o700);
    for (const file of ['samle.sqlite', 'samle.sqlite-wal', 'samle.sqlite-shm', 'signing.key']) {
      expect(mode(file), file).toBe(0o600);
    }
  });
});

describe('edges: names', () => {
  it('refuses names with a bidi override, a line break or only invisible characters with 400 NAME_INVALID', async () => {
    const samle = await start();
    const fx = await workshopWithTables(samle);
    const code = fx.detail.sessions.find((s) => s.id === fx.sessionId)?.joinCode ?? '';
    for (const name of ['Ada\u202enimda', 'Bo\nAdmin', '\u200b\u200b']) {
      const response = await fetch(`${samle.baseUrl}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, name }),
      });
      expect(response.status, JSON.stringify(name)).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 'NAME_INVALID',
        message: expect.stringMatching(/^The name /),
      });
    }
    const workshop = await samle.asFacilitator('/api/workshops', {
      body: { title: '\u2067Ledelse\u2069', template: 'blank' },
    });
    expect(workshop.status).toBe(400);
    expect(await workshop.json()).toMatchObject({ code: 'NAME_INVALID' });
    // Ordinary names in any script still pass.
    expect((await join(samle, code, 'Søren محمد 李')).person.name).toBe('Søren محمد 李');
  });
});

describe('edges: leadership sessions and sign-in', () => {
  it('gives a leadership session no participant join code', async () => {
    const samle = await start();
    const created = await json<WorkshopDetail>(
      await samle.asFacilitator('/api/workshops', { body: { title: 'Proces', template: 'municipal-process' } }),
      201,
    );
    const leadership = created.sessions.filter((s) => s.kind === 'leadership');
    expect(leadership.length).toBeGreaterThan(0);
    for (const session of leadership) expect(session.joinCode).toBeNull();
  });

  it('limits sign-in attempts per account across addresses (behind a trusted proxy), not only per address', async () => {
    const samle = await start({ env: { SAMLE_TRUST_PROXY: '127.0.0.1', SAMLE_SIGNIN_ATTEMPTS_PER_ACCOUNT: '3' } });
    await samle.facilitatorCookie();
    const attempt = (email: string, from: string) =>
      fetch(`${samle.baseUrl}/api/auth/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
        body: JSON.stringify({ email, password: 'wrong password' }),
      });
    for (let i = 1; i <= 3; i++) expect((await attempt('freja@example.dk', `203.0.113.${i}`)).status).toBe(401);
    const limited = await attempt('FREJA@example.dk', '203.0.113.99');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    // Another account from those addresses is not locked out.
    expect((await attempt('someone@example.dk', '203.0.113.1')).status).toBe(401);
  });
});
