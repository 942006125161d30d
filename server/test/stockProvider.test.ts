import { CloseCode, createNote, notesOf, noteText, readBoardMeta, readNotes } from '@samle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type RunningSamle, startSamle } from './support/samleServer.js';
import { nextClose, type StockClient, stockClient, synced, until } from './support/stockClient.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(dataDir?: string): Promise<RunningSamle> {
  const running = await startSamle(dataDir ? { dataDir } : {});
  cleanups.push(() => running.stop());
  return running;
}

async function client(
  running: RunningSamle,
  boardId: string,
  access: 'read' | 'write' = 'write',
): Promise<StockClient> {
  const c = stockClient(running.wsUrl, boardId, { token: await running.tokenFor(boardId, access) });
  cleanups.push(() => c.destroy());
  return c;
}

const hasNoteWithText = (id: string, text: string) => (doc: Y.Doc) =>
  readNotes(doc).some((note) => note.id === id && note.text === text);

describe('stock y-websocket clients against /sync/:docId', () => {
  it('two clients on one board converge on notes, moves and text', async () => {
    const samle = await server();
    const board = await samle.createBoard('Plenum');
    const alice = await client(samle, board.id);
    const bob = await client(samle, board.id);
    await Promise.all([synced(alice), synced(bob)]);

    createNote(alice.doc, {
      id: 'n1',
      x: 40,
      y: 60,
      text: 'Kortere sagsbehandling',
      authorName: 'Alice',
      createdAt: 1,
    });
    await until(bob.doc, hasNoteWithText('n1', 'Kortere sagsbehandling'));

    const bobsText = noteText(notesOf(bob.doc).get('n1') as Y.Map<unknown>);
    bobsText?.insert(bobsText.length, '!');
    await until(alice.doc, hasNoteWithText('n1', 'Kortere sagsbehandling!'));
    expect(readNotes(alice.doc)).toEqual(readNotes(bob.doc));
    expect(readBoardMeta(bob.doc).title).toBe('Plenum');
  });

  it('a late joiner receives the full state', async () => {
    const samle = await server();
    const board = await samle.createBoard('Gruppebord 1');
    const early = await client(samle, board.id);
    await synced(early);
    for (let i = 0; i < 25; i++)
      createNote(early.doc, { id: `n${i}`, x: i * 10, y: 0, text: `idé ${i}`, createdAt: i });
    const watcher = await client(samle, board.id);
    await until(watcher.doc, (doc) => readNotes(doc).length === 25);

    const late = await client(samle, board.id);
    await synced(late);
    expect(readNotes(late.doc)).toEqual(readNotes(early.doc));
  });

  it('keeps the board across a server restart', async () => {
    const first = await startSamle();
    const board = await first.createBoard('Lederpanel');
    const writer = stockClient(first.wsUrl, board.id, { token: await first.tokenFor(board.id, 'write') });
    await synced(writer);
    createNote(writer.doc, { id: 'keep', x: 1, y: 2, text: 'Overlever genstart', createdAt: 1 });
    const observer = stockClient(first.wsUrl, board.id, { token: await first.tokenFor(board.id, 'read') });
    await until(observer.doc, hasNoteWithText('keep', 'Overlever genstart'));
    writer.destroy();
    observer.destroy();
    await first.stop();

    const second = await server(first.dataDir);
    const reader = await client(second, board.id);
    await synced(reader);
    expect(readNotes(reader.doc)).toMatchObject([{ id: 'keep', text: 'Overlever genstart', x: 1, y: 2 }]);
  });

  it('relays awareness (names and cursors) between clients and removes it when one leaves', async () => {
    const samle = await server();
    const board = await samle.createBoard('Plenum');
    const alice = await client(samle, board.id);
    const bob = await client(samle, board.id);
    await Promise.all([synced(alice), synced(bob)]);
    const sawAlice = new Promise<void>((resolve) => {
      const check = () => {
        const state = bob.provider.awareness.getStates().get(alice.doc.clientID) as
          | { user?: { name?: string } }
          | undefined;
        if (state?.user?.name === 'Alice') resolve();
      };
      bob.provider.awareness.on('change', check);
      check();
    });
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice', color: '#c2410c' });
    await sawAlice;

    const aliceGone = new Promise<void>((resolve) => {
      bob.provider.awareness.on('change', () => {
        if (!bob.provider.awareness.getStates().has(alice.doc.clientID)) resolve();
      });
    });
    alice.provider.disconnect();
    await aliceGone;
  });

  it('closes a connection to a board that does not exist with 4404', async () => {
    const samle = await server();
    const stranger = await client(samle, 'doesNotExist1');
    const closed = await nextClose(stranger);
    expect(closed.code).toBe(CloseCode.DocNotFound);
  });
});

describe('boards API', () => {
  it('creates, lists and fetches boards, newest first', async () => {
    const samle = await server();
    const first = await samle.createBoard('Første');
    const second = await samle.createBoard('  Anden  ');
    expect(second.title).toBe('Anden');
    const list = (await (await samle.asFacilitator('/api/boards')).json()) as { boards: Array<{ id: string }> };
    expect(list.boards.map((b) => b.id)).toEqual([second.id, first.id]);
    const one = await samle.asFacilitator(`/api/boards/${first.id}`);
    expect(await one.json()).toMatchObject({ id: first.id, title: 'Første', kind: 'plenum' });
  });

  it('refuses invalid input with a stable code and creates nothing', async () => {
    const samle = await server();
    for (const body of [
      '{"title":""}',
      '{"title":"   "}',
      '{"title":"x","admin":true}',
      'not json',
      `{"title":"${'x'.repeat(121)}"}`,
    ]) {
      const response = await fetch(`${samle.baseUrl}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: await samle.facilitatorCookie(), 'x-samle-csrf': '1' },
        body,
      });
      expect(response.status).toBe(400);
      const error = (await response.json()) as { code: string; message: string };
      expect(error.code).toMatch(/^[A-Z_]+$/);
      expect(error.message.length).toBeGreaterThan(0);
    }
    const list = (await (await samle.asFacilitator('/api/boards')).json()) as { boards: unknown[] };
    expect(list.boards).toEqual([]);
  });

  it('answers 404 with a code for an unknown board and healthz for probes', async () => {
    const samle = await server();
    const missing = await samle.asFacilitator('/api/boards/doesNotExist1');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'BOARD_NOT_FOUND' });
    const health = await fetch(`${samle.baseUrl}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });
});
