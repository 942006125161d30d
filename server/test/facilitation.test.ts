import {
  CloseCode,
  controlDocId,
  createNote,
  readFollow,
  readNotes,
  readTimer,
  readVote,
  timeLeft,
} from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { nextClose, type StockClient, synced, until } from './support/stockClient.js';
import { json, storedBytes } from './support/workshopFixture.js';
import { connect, fx, samle, useWorkshopSuite } from './support/workshopSuite.js';

// A server with a workshop of two tables per test: support/workshopSuite.ts.
useWorkshopSuite();

const asPerson = (token: string, path: string, body?: unknown) => samle.asBearer(token, path, body);

async function plenumWithNotes(token: string, ids: string[]): Promise<StockClient> {
  const writer = connect(fx.plenumBoardId, token);
  await synced(writer);
  for (const id of ids) createNote(writer.doc, { id, x: 0, y: 0, text: id, createdAt: 1 });
  const witness = connect(fx.plenumBoardId, token);
  await until(witness.doc, (doc) => ids.every((id) => doc.getMap('notes').has(id)));
  return writer;
}

describe('shared timer', () => {
  it('is started, paused and extended by the facilitator and seen read-only by everyone on the board', async () => {
    const [ada] = fx.participants;
    if (!ada) throw new Error('no participant');
    const watcher = connect(controlDocId(fx.plenumBoardId), ada.token);
    await synced(watcher);

    await json(
      await samle.asFacilitator(`/api/boards/${fx.plenumBoardId}/timer`, { body: { action: 'start', minutes: 5 } }),
    );
    await until(watcher.doc, (doc) => readTimer(doc)?.endsAt !== null && readTimer(doc) !== null);
    const running = readTimer(watcher.doc);
    expect(running?.durationMs).toBe(300_000);
    expect(timeLeft(running ?? { durationMs: 0, endsAt: null, remainingMs: null }, Date.now())).toBeGreaterThan(
      290_000,
    );

    await json(await samle.asFacilitator(`/api/boards/${fx.plenumBoardId}/timer`, { body: { action: 'pause' } }));
    await json(await samle.asFacilitator(`/api/boards/${fx.plenumBoardId}/timer`, { body: { action: 'addMinute' } }));
    await until(watcher.doc, (doc) => readTimer(doc)?.durationMs === 360_000);
    const paused = readTimer(watcher.doc);
    expect(paused?.endsAt).toBeNull();
    expect(paused?.remainingMs).toBeGreaterThan(350_000);

    // A participant can neither command the timer nor write the control doc.
    const refused = await asPerson(ada.token, `/api/boards/${fx.plenumBoardId}/timer`, { action: 'clear' });
    expect(refused.status).toBe(403);
    const closed = nextClose(watcher);
    watcher.doc.getMap('timer').set('durationMs', 1);
    expect((await closed).code).toBe(CloseCode.ReadOnly);
  });
});

describe('dot voting', () => {
  it('enforces each person’s budget on the server, keeps votes secret while open and publishes the right totals', async () => {
    const [ada, bo] = fx.participants;
    if (!ada || !bo) throw new Error('fixture without participants');
    await plenumWithNotes(ada.token, ['n1', 'n2', 'n3']);
    const board = `/api/boards/${fx.plenumBoardId}`;

    const beforeOpen = await asPerson(ada.token, `${board}/votes`, { noteId: 'n1', delta: 1 });
    expect(await beforeOpen.json()).toMatchObject({ code: 'NO_OPEN_VOTE' });
    await json(await samle.asFacilitator(`${board}/vote`, { body: { action: 'open', budget: 3, maxPerNote: 2 } }));

    const cast = async (token: string, noteId: string, delta: 1 | -1 = 1) =>
      asPerson(token, `${board}/votes`, { noteId, delta });
    expect(await json(await cast(ada.token, 'n1'))).toMatchObject({ votes: { n1: 1 }, remaining: 2 });
    expect(await json(await cast(ada.token, 'n1'))).toMatchObject({ votes: { n1: 2 }, remaining: 1 });
    const third = await cast(ada.token, 'n1');
    expect(third.status).toBe(409);
    expect(await third.json()).toMatchObject({ code: 'NOTE_LIMIT' });
    await json(await cast(ada.token, 'n2'));
    const overBudget = await cast(ada.token, 'n3');
    expect(overBudget.status).toBe(409);
    expect(await overBudget.json()).toMatchObject({ code: 'BUDGET_EXHAUSTED' });
    // Taking a vote back frees budget.
    expect(await json(await cast(ada.token, 'n2', -1))).toMatchObject({ votes: { n1: 2 }, remaining: 1 });
    await json(await cast(ada.token, 'n3'));
    await json(await cast(bo.token, 'n3'));
    await json(await cast(bo.token, 'n3'));
    expect((await cast(bo.token, 'missing')).status).toBe(400);

    // While open, the control doc says only that a vote is open; nobody sees totals.
    const watcher = connect(controlDocId(fx.plenumBoardId), bo.token);
    await synced(watcher);
    expect(readVote(watcher.doc)).toMatchObject({ status: 'open', budget: 3, maxPerNote: 2, results: null });
    expect(await json(await asPerson(bo.token, `${board}/votes/mine`))).toMatchObject({
      votes: { n3: 2 },
      remaining: 1,
    });

    await json(await samle.asFacilitator(`${board}/vote`, { body: { action: 'close' } }));
    await until(watcher.doc, (doc) => readVote(doc)?.status === 'closed');
    expect(readVote(watcher.doc)?.results).toEqual({ n1: 2, n3: 3 });
    expect((await cast(ada.token, 'n1')).status).toBe(409);
  });

  it('refuses votes from someone who may only read the board', async () => {
    const [mine, other] = fx.tables;
    const me = mine?.members[0];
    if (!mine || !other || !me) throw new Error('fixture without two tables');
    await json(
      await samle.asFacilitator(`/api/boards/${other.boardId}/vote`, {
        body: { action: 'open', budget: 3, maxPerNote: 1 },
      }),
    );
    const response = await asPerson(me.token, `/api/boards/${other.boardId}/votes`, { noteId: 'x', delta: 1 });
    expect(response.status).toBe(403);
  });
});

describe('follow mode', () => {
  it("publishes the facilitator's viewport and spotlight to everyone on the board, and only the facilitator's", async () => {
    const [ada] = fx.participants;
    if (!ada) throw new Error('no participant');
    const watcher = connect(controlDocId(fx.plenumBoardId), ada.token);
    await synced(watcher);
    const follow = `/api/boards/${fx.plenumBoardId}/follow`;
    expect(
      (await samle.asFacilitator(follow, { body: { on: true, viewport: { x: 120, y: -40, zoom: 0.75 } } })).status,
    ).toBe(204);
    await until(watcher.doc, (doc) => readFollow(doc).on);
    expect(readFollow(watcher.doc)).toEqual({
      on: true,
      viewport: { x: 120, y: -40, zoom: 0.75 },
      spotlightClusterId: null,
    });
    await samle.asFacilitator(follow, { body: { spotlightClusterId: 'c1' } });
    await until(watcher.doc, (doc) => readFollow(doc).spotlightClusterId === 'c1');
    expect((await asPerson(ada.token, follow, { viewport: { x: 0, y: 0, zoom: 1 } })).status).toBe(403);
    expect((await samle.asFacilitator(follow, { body: {} })).status).toBe(400);
  });
});

describe('anonymous boards', () => {
  it('makes a board anonymous from its creation: the record and the board both say so before the first note', async () => {
    const created = await json<{ id: string }>(
      await samle.asFacilitator('/api/boards', { body: { title: 'Anonym fra start', anonymous: true } }),
      201,
    );
    expect(await json(await samle.asFacilitator(`/api/boards/${created.id}`))).toMatchObject({ anonymous: true });
    const named = await json<{ id: string }>(
      await samle.asFacilitator('/api/boards', { body: { title: 'Med navne' } }),
      201,
    );
    expect(await json(await samle.asFacilitator(`/api/boards/${named.id}`))).toMatchObject({ anonymous: false });
    const refused = await samle.asFacilitator('/api/boards', { body: { title: 'x', anonymous: 'ja' } });
    expect(refused.status).toBe(400);
  });

  it('removes authors from the board and its stored log, and refuses updates that write one', async () => {
    const [ada] = fx.participants;
    if (!ada) throw new Error('no participant');
    const writer = connect(fx.plenumBoardId, ada.token);
    await synced(writer);
    createNote(writer.doc, {
      id: 'signed',
      x: 0,
      y: 0,
      text: 'med navn',
      authorId: ada.person.id,
      authorName: 'Ada Signeret',
      createdAt: 1,
    });
    const witness = connect(fx.plenumBoardId, ada.token);
    await until(witness.doc, (doc) => doc.getMap('notes').has('signed'));
    expect(storedText(samle.dataDir, fx.plenumBoardId)).toContain('Ada Signeret');

    const closed = nextClose(writer);
    expect(
      await json(await samle.asFacilitator(`/api/boards/${fx.plenumBoardId}/settings`, { body: { anonymous: true } })),
    ).toEqual({ anonymous: true });
    // Writers reconnect so their connection carries the new rule.
    expect((await closed).code).toBe(CloseCode.AccessChanged);
    expect(storedText(samle.dataDir, fx.plenumBoardId)).not.toContain('Ada Signeret');

    const again = connect(fx.plenumBoardId, ada.token);
    await synced(again);
    expect(readNotes(again.doc).find((n) => n.id === 'signed')).toMatchObject({
      text: 'med navn',
      authorName: undefined,
    });
    createNote(again.doc, { id: 'plain', x: 0, y: 0, text: 'uden navn', createdAt: 2 });
    await until(witness.doc, (doc) => doc.getMap('notes').has('plain'));
    const refused = nextClose(again);
    createNote(again.doc, { id: 'named', x: 0, y: 0, text: 'x', authorName: 'Ada', createdAt: 3 });
    expect((await refused).code).toBe(CloseCode.PolicyViolation);
    expect(readNotes(witness.doc).map((n) => n.id)).not.toContain('named');
  });
});

/** Every stored byte of a doc (log and snapshot) as text, to check what is kept on disk. */
function storedText(dataDir: string, docId: string): string {
  const stored = JSON.parse(storedBytes(dataDir, docId)) as {
    updates: Array<[number, string]>;
    snapshot: string | null;
  };
  const parts = [...stored.updates.map(([, data]) => data), ...(stored.snapshot ? [stored.snapshot] : [])];
  return parts.map((data) => Buffer.from(data, 'base64').toString('utf8')).join('\n');
}
