import type { BoardView, Evaluation, RoomState, Session, WorkshopDetail } from '@samle/shared';
import { controlDocId, createNote, draftDocId, readPrivateWriting } from '@samle/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSamle, startSamle } from './support/samleServer.js';
import { type StockClient, stockClient, synced, until } from './support/stockClient.js';
import { json, type WorkshopFixture, workshopWithTables } from './support/workshopFixture.js';

let samle: RunningSamle;
let fx: WorkshopFixture;
beforeEach(async () => {
  samle = await startSamle();
  fx = await workshopWithTables(samle);
});
const clients: StockClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await samle.stop();
});

function connect(docId: string, token: string): StockClient {
  const c = stockClient(samle.wsUrl, docId, { token });
  clients.push(c);
  return c;
}

const as = (token: string, path: string, body?: unknown) => samle.asBearer(token, path, body);

async function startItem(kind: string): Promise<Session> {
  const session = fx.detail.sessions.find((s) => s.id === fx.sessionId);
  const item = session?.agenda.find((a) => a.kind === kind);
  return json<Session>(
    await samle.asFacilitator(`/api/sessions/${fx.sessionId}/current-item`, { body: { itemId: item?.id } }),
  );
}

const roomOf = async () => json<RoomState>(await samle.asFacilitator(`/api/sessions/${fx.sessionId}/room`));

describe('the agenda drives the room', () => {
  it('starting a plenum item closes the tables for participants; starting group work opens them again', async () => {
    const table = fx.tables.find((t) => t.members.length > 0);
    const member = table?.members[0];
    if (!table || !member) throw new Error('fixture: no seated participant');
    const access = async () => (await json<BoardView>(await as(member.token, `/api/boards/${table.boardId}`))).access;
    expect(await access()).toBe('write');

    expect((await startItem('plenum')).mode).toBe('plenum');
    expect(await access()).toBe('read');
    const facilitatorView = await json<BoardView>(await samle.asFacilitator(`/api/boards/${table.boardId}`));
    expect(facilitatorView.access).toBe('write');

    expect((await startItem('group_work')).mode).toBe('groups');
    expect(await access()).toBe('write');

    // "Back to plenum, keep the tables open": participants keep writing.
    await json(
      await samle.asFacilitator(`/api/sessions/${fx.sessionId}/group-work`, {
        body: { open: false, keepTablesOpen: true },
      }),
    );
    expect(await access()).toBe('write');
  });

  it('counts "we are done" per table for the running item, never who, and resets when the item changes', async () => {
    await startItem('group_work');
    const [big] = [...fx.tables].sort((a, b) => b.members.length - a.members.length);
    const first = big?.members[0];
    if (!big || !first) throw new Error('fixture: no table');
    await json(await as(first.token, `/api/sessions/${fx.sessionId}/done`, { done: true }));
    const room = await roomOf();
    expect(room.tables.find((t) => t.groupId === big.groupId)).toMatchObject({
      members: big.members.length,
      done: 1,
    });
    expect(JSON.stringify(room)).not.toContain(first.person.id);
    const mine = await json<RoomState>(await as(first.token, `/api/sessions/${fx.sessionId}/room`));
    expect(mine).toMatchObject({ myDone: true, tables: [], questions: null });

    await startItem('plenum');
    await startItem('group_work');
    expect((await roomOf()).tables.every((t) => t.done === 0)).toBe(true);
  });

  it('refuses "done" outside group work, to the facilitator, and shows nothing to someone without a place in the workshop', async () => {
    const member = fx.participants[0];
    if (!member) throw new Error('fixture: no participant');
    await startItem('plenum');
    const outside = await as(member.token, `/api/sessions/${fx.sessionId}/done`, { done: true });
    expect(outside.status).toBe(409);
    expect(await outside.json()).toMatchObject({ code: 'NO_GROUP_WORK' });
    await startItem('group_work');
    const facilitator = await samle.asFacilitator(`/api/sessions/${fx.sessionId}/done`, { body: { done: true } });
    expect(facilitator.status).toBe(403);
    const anonymous = await fetch(`${samle.baseUrl}/api/sessions/${fx.sessionId}/room`);
    expect(anonymous.status).toBe(404);
  });

  it('ends and reopens a session: boards read-only, then writable again', async () => {
    const member = fx.participants[0];
    if (!member) throw new Error('fixture: no participant');
    const plenumAccess = async () =>
      (await json<BoardView>(await as(member.token, `/api/boards/${fx.plenumBoardId}`))).access;
    await json(await samle.asFacilitator(`/api/sessions/${fx.sessionId}/end`, { body: {} }));
    expect(await plenumAccess()).toBe('read');
    const reopened = await json<Session>(
      await samle.asFacilitator(`/api/sessions/${fx.sessionId}/reopen`, { body: {} }),
    );
    expect(reopened.status).toBe('open');
    expect(await plenumAccess()).toBe('write');
    const again = await samle.asFacilitator(`/api/sessions/${fx.sessionId}/reopen`, { body: {} });
    expect(await again.json()).toMatchObject({ code: 'SESSION_NOT_ENDED' });
  });

  it("starting an evaluation item opens the evaluation for everyone, with the plan's questions, once", async () => {
    const member = fx.participants[0];
    if (!member) throw new Error('fixture: no participant');
    const workshopId = fx.detail.workshop.id;
    await json(
      await samle.asFacilitator(`/api/workshops/${workshopId}`, {
        method: 'PATCH',
        body: { prompts: { evaluation: ['Fik du sagt det, du ville?', 'Var dagen til nytte?'] } },
      }),
    );
    const session = fx.detail.sessions.find((s) => s.id === fx.sessionId);
    const items = (session?.agenda ?? []).map(({ id, kind, title, text, minutes }) => ({
      id,
      kind,
      title,
      text,
      minutes,
    }));
    await json<WorkshopDetail>(
      await samle.asFacilitator(`/api/sessions/${fx.sessionId}/agenda`, {
        method: 'PUT',
        body: { items: [...items, { kind: 'evaluation', title: 'Evaluering', minutes: 15 }] },
      }),
    );
    const participantView = () => as(member.token, `/api/workshops/${workshopId}/evaluation`);
    expect((await participantView()).status).toBe(404);

    const started = async () => {
      const detail = await json<WorkshopDetail>(await samle.asFacilitator(`/api/workshops/${workshopId}`));
      const item = detail.sessions.find((s) => s.id === fx.sessionId)?.agenda.find((a) => a.kind === 'evaluation');
      await json(
        await samle.asFacilitator(`/api/sessions/${fx.sessionId}/current-item`, { body: { itemId: item?.id } }),
      );
    };
    await started();
    const opened = await json<Evaluation>(await participantView());
    expect(opened).toMatchObject({ status: 'open', answered: false, anonymous: true });
    expect(opened.ratings.map((r) => r.label)).toEqual(['Fik du sagt det, du ville?', 'Var dagen til nytte?']);
    expect((await roomOf()).evaluation).toMatchObject({ responses: 0 });

    // Starting it again (or after another item) keeps the open evaluation and its answers.
    await startItem('plenum');
    await started();
    expect((await json<Evaluation>(await participantView())).id).toBe(opened.id);
  });

  it('shows the cockpit how many have voted in an open dot vote and how many notes wait in private writing, never who', async () => {
    const [ada, bo] = fx.participants;
    if (!ada || !bo) throw new Error('fixture: two participants');
    expect(await roomOf()).toMatchObject({ votes: [], drafts: [] });

    const writer = connect(fx.plenumBoardId, ada.token);
    await synced(writer);
    createNote(writer.doc, { id: 'n1', x: 0, y: 0, text: 'Idé', createdAt: 1 });
    const witness = connect(fx.plenumBoardId, bo.token);
    await until(witness.doc, (doc) => doc.getMap('notes').has('n1'));
    const board = `/api/boards/${fx.plenumBoardId}`;
    await json(await samle.asFacilitator(`${board}/vote`, { body: { action: 'open', budget: 3, maxPerNote: 2 } }));
    await json(await as(ada.token, `${board}/votes`, { noteId: 'n1', delta: 1 }));
    const voting = await roomOf();
    expect(voting.votes).toEqual([
      { boardId: fx.plenumBoardId, title: expect.any(String), voters: 1, of: fx.participants.length },
    ]);
    expect(JSON.stringify(voting)).not.toContain(ada.person.id);
    await json(await samle.asFacilitator(`${board}/vote`, { body: { action: 'close' } }));
    expect((await roomOf()).votes).toEqual([]);

    await json(await samle.asFacilitator(`${board}/private-writing`, { body: { on: true } }));
    const control = connect(controlDocId(fx.plenumBoardId), bo.token);
    await until(control.doc, (doc) => readPrivateWriting(doc).on);
    const drafts = connect(draftDocId(fx.plenumBoardId, ada.person.id), ada.token);
    await synced(drafts);
    createNote(drafts.doc, { id: 'd1', x: 0, y: 0, text: 'Et udkast', createdAt: 2 });
    createNote(drafts.doc, { id: 'd2', x: 0, y: 0, text: 'Et til', createdAt: 3 });
    const mirror = connect(draftDocId(fx.plenumBoardId, ada.person.id), ada.token);
    await until(mirror.doc, (doc) => doc.getMap('notes').size === 2);
    expect((await roomOf()).drafts).toEqual([
      { boardId: fx.plenumBoardId, title: expect.any(String), writers: 1, notes: 2 },
    ]);
  });
});
