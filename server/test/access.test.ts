import { CloseCode, createNote, readNotes } from '@samle/shared';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { type RunningSamle, startSamle } from './support/samleServer.js';
import { nextClose, type StockClient, stockClient, synced, until } from './support/stockClient.js';
import { json, storedBytes, type WorkshopFixture, workshopWithTables } from './support/workshopFixture.js';

let samle: RunningSamle;
let fx: WorkshopFixture;
const clients: StockClient[] = [];

beforeEach(async () => {
  samle = await startSamle();
  fx = await workshopWithTables(samle);
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await samle.stop();
});

function connect(boardId: string, token?: string): StockClient {
  const c = stockClient(samle.wsUrl, boardId, token ? { token } : {});
  clients.push(c);
  return c;
}

/** A raw socket that sends one hand-crafted update as soon as it opens, and reports how it was closed. */
function sendRawUpdate(boardId: string, token: string, update: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${samle.wsUrl}/${boardId}?token=${encodeURIComponent(token)}`);
    socket.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint8Array(encoder, update);
      socket.send(encoding.toUint8Array(encoder));
    });
    socket.on('close', (code) => resolve(code));
    socket.on('error', reject);
  });
}

function noteUpdate(id: string, text: string): Uint8Array {
  const doc = new Y.Doc();
  createNote(doc, { id, x: 0, y: 0, text, createdAt: 1 });
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Proves an observer received nothing from a refused write: a legitimate change is
 * made afterwards, and when it arrives (the relay keeps order) the refused one must not be there.
 */
async function observerSawOnly(observer: StockClient, writerToken: string, boardId: string, refusedId: string) {
  const writer = connect(boardId, writerToken);
  await synced(writer);
  createNote(writer.doc, { id: 'legit-after', x: 0, y: 0, text: 'efter', createdAt: 2 });
  await until(observer.doc, (doc) => readNotes(doc).some((n) => n.id === 'legit-after'));
  expect(readNotes(observer.doc).map((n) => n.id)).not.toContain(refusedId);
}

async function viewerToken(): Promise<string> {
  const invite = await json<{ path: string }>(
    await samle.asFacilitator(`/api/workshops/${fx.detail.workshop.id}/invites`, { body: { role: 'viewer' } }),
    201,
  );
  const accepted = await fetch(`${samle.baseUrl}/api/invites/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ invite: invite.path.replace('/invite/', ''), name: 'Vera Viewer' }),
  });
  return (await json<{ token: string }>(accepted, 201)).token;
}

describe('access: read-only connections', () => {
  it("refuses a viewer's hand-crafted update with 4403: the stored doc is byte-identical and nobody received it", async () => {
    const [ada] = fx.participants;
    if (!ada) throw new Error('no participant');
    const observer = connect(fx.plenumBoardId, ada.token);
    await synced(observer);
    const before = storedBytes(samle.dataDir, fx.plenumBoardId);

    const code = await sendRawUpdate(fx.plenumBoardId, await viewerToken(), noteUpdate('from-viewer', 'må ikke lande'));
    expect(code).toBe(CloseCode.ReadOnly);
    await samle.samle.relay.drain();
    expect(storedBytes(samle.dataDir, fx.plenumBoardId)).toBe(before);
    await observerSawOnly(observer, ada.token, fx.plenumBoardId, 'from-viewer');
  });

  it('a viewer reads every non-leadership board of the workshop', async () => {
    const token = await viewerToken();
    const reader = connect(fx.plenumBoardId, token);
    await synced(reader);
    const board = await fetch(`${samle.baseUrl}/api/boards/${fx.tables[0]?.boardId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await json(board)).toMatchObject({ access: 'read' });
  });
});

describe('access: participants and tables', () => {
  it("writes the own table's board and the plenum, reads the other table's board and is refused writing there", async () => {
    const [mine, other] = fx.tables;
    const me = mine?.members[0];
    if (!mine || !other || !me) throw new Error('fixture without two tables');
    const own = connect(mine.boardId, me.token);
    const plenum = connect(fx.plenumBoardId, me.token);
    await Promise.all([synced(own), synced(plenum)]);
    createNote(own.doc, { id: 'at-my-table', x: 0, y: 0, text: 'mit bord', createdAt: 1 });
    createNote(plenum.doc, { id: 'in-plenum', x: 0, y: 0, text: 'plenum', createdAt: 1 });
    const facilitatorView = connect(mine.boardId, await samle.tokenFor(mine.boardId, 'read'));
    await until(facilitatorView.doc, (doc) => readNotes(doc).some((n) => n.id === 'at-my-table'));

    const before = storedBytes(samle.dataDir, other.boardId);
    const peek = connect(other.boardId, me.token);
    await synced(peek);
    const closed = nextClose(peek);
    createNote(peek.doc, { id: 'not-my-table', x: 0, y: 0, text: 'forkert bord', createdAt: 1 });
    expect((await closed).code).toBe(CloseCode.ReadOnly);
    await samle.samle.relay.drain();
    expect(storedBytes(samle.dataDir, other.boardId)).toBe(before);
  });

  it('hides leadership boards and sessions from participants and viewers: 404, never 403', async () => {
    const [ada] = fx.participants;
    if (!ada) throw new Error('no participant');
    for (const token of [ada.token, await viewerToken()]) {
      const response = await fetch(`${samle.baseUrl}/api/boards/${fx.leadershipBoardId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'BOARD_NOT_FOUND' });
      const socket = connect(fx.leadershipBoardId, token);
      expect((await nextClose(socket)).code).toBe(CloseCode.DocNotFound);
      const detail = await json<{ sessions: Array<{ kind: string }> }>(
        await fetch(`${samle.baseUrl}/api/workshops/${fx.detail.workshop.id}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      );
      expect(detail.sessions.map((s) => s.kind)).not.toContain('leadership');
    }
  });

  it('refuses facilitator commands to participants, and to facilitators of other workshops with 404', async () => {
    const [ada] = fx.participants;
    const asParticipant = await fetch(`${samle.baseUrl}/api/sessions/${fx.sessionId}/end`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ada?.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(asParticipant.status).toBe(401);

    // A colleague's account (made by the first facilitator), who does not facilitate this workshop.
    await json(
      await samle.asFacilitator('/api/auth/signup', {
        body: { name: 'Other Facilitator', email: 'other@example.dk', password: 'another long password' },
      }),
      201,
    );
    const signin = await fetch(`${samle.baseUrl}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'other@example.dk', password: 'another long password' }),
    });
    const otherCookie = (signin.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const asOther = await fetch(`${samle.baseUrl}/api/sessions/${fx.sessionId}/end`, {
      method: 'POST',
      headers: { cookie: otherCookie, 'x-samle-csrf': '1', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(asOther.status).toBe(404);
    expect(await asOther.json()).toMatchObject({ code: 'SESSION_NOT_FOUND' });
    const detail = await fx.refresh();
    expect(detail.sessions.find((s) => s.id === fx.sessionId)?.status).toBe('open');
  });

  it('refuses a cookie-authenticated mutation without the CSRF header', async () => {
    const response = await fetch(`${samle.baseUrl}/api/sessions/${fx.sessionId}/end`, {
      method: 'POST',
      headers: { cookie: await samle.facilitatorCookie(), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'CSRF_HEADER_MISSING' });
  });
});

describe('access: revoking and ending', () => {
  it("closes a revoked person's live sockets within a second, and refuses the token afterwards", async () => {
    const [ada] = fx.participants;
    if (!ada) throw new Error('no participant');
    const socket = connect(fx.plenumBoardId, ada.token);
    await synced(socket);
    const closed = nextClose(socket);
    const started = performance.now();
    const response = await samle.asFacilitator(`/api/people/${ada.person.id}/revoke`, { body: {} });
    expect(response.status).toBe(204);
    expect((await closed).code).toBe(CloseCode.AccessRevoked);
    expect(performance.now() - started).toBeLessThan(1000);
    const again = await fetch(`${samle.baseUrl}/api/workshops/${fx.detail.workshop.id}`, {
      headers: { authorization: `Bearer ${ada.token}` },
    });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ code: 'ACCESS_REVOKED' });
  });

  it('ending a session moves live writers to read-only within a second; the archived boards refuse writes', async () => {
    const [ada] = fx.participants;
    if (!ada) throw new Error('no participant');
    const writer = connect(fx.plenumBoardId, ada.token);
    await synced(writer);
    const closed = nextClose(writer);
    const started = performance.now();
    await json(await samle.asFacilitator(`/api/sessions/${fx.sessionId}/end`, { body: {} }));
    expect((await closed).code).toBe(CloseCode.AccessChanged);
    expect(performance.now() - started).toBeLessThan(1000);

    const board = await fetch(`${samle.baseUrl}/api/boards/${fx.plenumBoardId}`, {
      headers: { authorization: `Bearer ${ada.token}` },
    });
    expect(await json(board)).toMatchObject({ access: 'read', archived: true });
    const before = storedBytes(samle.dataDir, fx.plenumBoardId);
    expect(await sendRawUpdate(fx.plenumBoardId, ada.token, noteUpdate('after-end', 'for sent'))).toBe(
      CloseCode.ReadOnly,
    );
    await samle.samle.relay.drain();
    expect(storedBytes(samle.dataDir, fx.plenumBoardId)).toBe(before);
  });
});
