import { CloseCode, controlDocId, createNote, draftDocId, readNotes, readPrivateWriting } from '@samle/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type RunningSamle, startSamle } from './support/samleServer.js';
import { nextClose, type StockClient, stockClient, synced, until } from './support/stockClient.js';
import { json, type WorkshopFixture, workshopWithTables } from './support/workshopFixture.js';

let samle: RunningSamle;
let fx: WorkshopFixture;
const clients: StockClient[] = [];
const sockets: WebSocket[] = [];

beforeEach(async () => {
  samle = await startSamle();
  fx = await workshopWithTables(samle);
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.close();
  await samle.stop();
});

function connect(docId: string, token: string): StockClient {
  const c = stockClient(samle.wsUrl, docId, { token });
  clients.push(c);
  return c;
}

/** A raw socket that records every byte the server sends on a doc: what a participant's browser could see. */
function eavesdrop(docId: string, token: string): { bytes: () => string; ready: Promise<void> } {
  const socket = new WebSocket(`${samle.wsUrl}/${docId}?token=${encodeURIComponent(token)}`);
  sockets.push(socket);
  const received: Buffer[] = [];
  socket.on('message', (data: Buffer) => received.push(Buffer.from(data)));
  return {
    bytes: () => Buffer.concat(received).toString('utf8'),
    ready: new Promise((resolve) => socket.once('open', () => resolve())),
  };
}

describe('private writing', () => {
  it("keeps each person's new notes to themselves until the facilitator reveals them all at once", async () => {
    const [ada, bo] = fx.participants;
    if (!ada || !bo) throw new Error('fixture without participants');
    const board = `/api/boards/${fx.plenumBoardId}/private-writing`;
    expect(await json(await samle.asFacilitator(board, { body: { on: true } }))).toEqual({
      on: true,
      revealed: 0,
      failed: 0,
    });
    const control = connect(controlDocId(fx.plenumBoardId), bo.token);
    await until(control.doc, (doc) => readPrivateWriting(doc).on);

    // Bo watches the plenum board and everything the server sends him on it.
    const bosBoard = connect(fx.plenumBoardId, bo.token);
    await synced(bosBoard);
    const wire = eavesdrop(fx.plenumBoardId, bo.token);
    await wire.ready;

    // Ada writes into her drafts; Bo cannot open them.
    const adasDrafts = connect(draftDocId(fx.plenumBoardId, ada.person.id), ada.token);
    await synced(adasDrafts);
    createNote(adasDrafts.doc, {
      id: 'ada-secret',
      x: 10,
      y: 10,
      text: 'Adas hemmelige idé',
      authorName: 'Ada',
      createdAt: 1,
    });
    const bosDrafts = connect(draftDocId(fx.plenumBoardId, bo.person.id), bo.token);
    await synced(bosDrafts);
    createNote(bosDrafts.doc, { id: 'bo-idea', x: 300, y: 10, text: 'Bos idé', authorName: 'Bo', createdAt: 2 });
    const peek = connect(draftDocId(fx.plenumBoardId, ada.person.id), bo.token);
    expect((await nextClose(peek)).code).toBe(CloseCode.DocNotFound);
    // Ada's drafts are stored (a second connection of hers sees them after the first one's update arrived).
    const adaAgain = connect(draftDocId(fx.plenumBoardId, ada.person.id), ada.token);
    await until(adaAgain.doc, (doc) => readNotes(doc).some((n) => n.id === 'ada-secret'));

    expect(readNotes(bosBoard.doc)).toEqual([]);
    expect(wire.bytes()).not.toContain('hemmelige');

    // Reveal: both notes land on the board for everyone; the drafts are emptied.
    expect(await json(await samle.asFacilitator(board, { body: { on: false } }))).toEqual({
      on: false,
      revealed: 2,
      failed: 0,
    });
    await until(bosBoard.doc, (doc) => readNotes(doc).length === 2);
    expect(readNotes(bosBoard.doc).map((n) => [n.id, n.text, n.authorName])).toEqual([
      ['ada-secret', 'Adas hemmelige idé', 'Ada'],
      ['bo-idea', 'Bos idé', 'Bo'],
    ]);
    await until(adasDrafts.doc, (doc) => readNotes(doc).length === 0);
    await until(control.doc, (doc) => !readPrivateWriting(doc).on);
  });

  it('is started and revealed by the facilitator only', async () => {
    const [ada] = fx.participants;
    const response = await fetch(`${samle.baseUrl}/api/boards/${fx.plenumBoardId}/private-writing`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ada?.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ on: true }),
    });
    expect(response.status).toBe(403);
    const again = await samle.asFacilitator(`/api/boards/${fx.plenumBoardId}/private-writing`, { body: { on: false } });
    expect(await again.json()).toMatchObject({ code: 'PRIVATE_WRITING_STATE' });
  });
});
