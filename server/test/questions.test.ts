import { createNote, type Grant, questionsDocId, readQuestions, responseTime } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { SqliteDatabase } from '../src/storage/sqlite/sqliteDriver.js';
import { synced, until } from './support/stockClient.js';
import { json } from './support/workshopFixture.js';
import { connect, fx, samle, useWorkshopSuite } from './support/workshopSuite.js';

// A server with a workshop of two tables per test: support/workshopSuite.ts.
useWorkshopSuite();

const as = (token: string, path: string, body?: unknown) => samle.asBearer(token, path, body);

async function leader(): Promise<Grant> {
  const invite = await json<{ path: string }>(
    await samle.asFacilitator(`/api/workshops/${fx.detail.workshop.id}/invites`, { body: { role: 'leader' } }),
    201,
  );
  const accepted = await fetch(`${samle.baseUrl}/api/invites/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ invite: invite.path.replace('/invite/', ''), name: 'Direktør Dorthe' }),
  });
  return json<Grant>(accepted, 201);
}

describe('questions to management', () => {
  it('posts, supports once per person, answers live with response time, and never reveals an anonymous author', async () => {
    const [ada, bo, cai] = fx.participants;
    if (!ada || !bo || !cai) throw new Error('fixture without participants');
    const workshop = fx.detail.workshop.id;
    const watchers = [ada, bo, cai].map((p) => {
      const c = connect(questionsDocId(workshop), p.token);
      return c;
    });
    await Promise.all(watchers.map(synced));

    const { id } = await json<{ id: string }>(
      await as(ada.token, `/api/workshops/${workshop}/questions`, {
        kind: 'question',
        text: 'Må vi selv aftale møder med virksomheder?',
        anonymous: true,
      }),
      201,
    );
    await json(await as(bo.token, `/api/questions/${id}/support`, { supported: true }));
    await json(await as(bo.token, `/api/questions/${id}/support`, { supported: true }));
    await json(await as(cai.token, `/api/questions/${id}/support`, { supported: true }));

    const dorthe = await leader();
    expect((await as(bo.token, `/api/questions/${id}/answer`, { answer: 'Ja' })).status).toBe(403);
    await json(await as(dorthe.token, `/api/questions/${id}/answer`, { answer: 'Ja — fra næste måned.' }));
    for (const watcher of watchers) {
      await until(watcher.doc, (doc) => readQuestions(doc)[0]?.status === 'answered');
      const [question] = readQuestions(watcher.doc);
      expect(question).toMatchObject({
        supports: 2,
        answer: 'Ja — fra næste måned.',
        answeredBy: 'Direktør Dorthe',
        authorName: null,
      });
      expect(question && responseTime(question)).toBeGreaterThanOrEqual(0);
    }
    // The author finds her post; nobody else's "mine" shows it.
    expect(await json(await as(ada.token, `/api/workshops/${workshop}/questions/mine`))).toMatchObject({
      posts: [{ id, anonymous: true, status: 'answered' }],
    });
    expect(await json(await as(bo.token, `/api/workshops/${workshop}/questions/mine`))).toEqual({
      posts: [],
      supported: [id],
    });
    // The stored row does not name her.
    const db = new SqliteDatabase(`${samle.dataDir}/samle.sqlite`, { readonly: true });
    const row = db.prepare('SELECT * FROM questions WHERE id = ?').get(id) as Record<string, unknown>;
    db.close();
    expect(JSON.stringify(row)).not.toContain(ada.person.id);
    expect(JSON.stringify(row)).not.toContain('Ada');
  });

  it('lets the facilitator hide a post, with the reason shown to its author only', async () => {
    const [ada, bo] = fx.participants;
    if (!ada || !bo) throw new Error('fixture without participants');
    const workshop = fx.detail.workshop.id;
    const { id } = await json<{ id: string }>(
      await as(ada.token, `/api/workshops/${workshop}/questions`, {
        kind: 'proposal',
        text: 'Fyr chefen',
        anonymous: false,
      }),
      201,
    );
    expect((await as(bo.token, `/api/questions/${id}/hide`, { reason: 'nej' })).status).toBe(403);
    await json(
      await samle.asFacilitator(`/api/questions/${id}/hide`, { body: { reason: 'Personangreb — omformulér gerne' } }),
    );
    const watcher = connect(questionsDocId(workshop), bo.token);
    await synced(watcher);
    expect(readQuestions(watcher.doc)).toEqual([]);
    expect(await json(await as(ada.token, `/api/workshops/${workshop}/questions/mine`))).toMatchObject({
      posts: [{ id, hiddenReason: 'Personangreb — omformulér gerne' }],
    });
    expect((await as(bo.token, `/api/questions/${id}/support`, { supported: true })).status).toBe(404);
  });
});

describe('questions taken into the catalog', () => {
  it('links a post to a catalog idea (status "in catalog") and back, for leaders and facilitators only', async () => {
    const [ada] = fx.participants;
    const table = fx.tables[0];
    const member = table?.members[0];
    if (!ada || !table || !member) throw new Error('fixture without participants');
    const workshop = fx.detail.workshop.id;
    const board = connect(table.boardId, member.token);
    await synced(board);
    createNote(board.doc, { id: 'n1', x: 0, y: 0, text: 'Én indgang', createdAt: 1 });
    const witness = connect(table.boardId, member.token);
    await until(witness.doc, (doc) => doc.getMap('notes').has('n1'));
    const { ideaId } = await json<{ ideaId: string }>(
      await samle.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, {
        body: { title: 'Én indgang', sources: [{ boardId: table.boardId, noteIds: ['n1'] }] },
      }),
      201,
    );
    const { id } = await json<{ id: string }>(
      await as(ada.token, `/api/workshops/${workshop}/questions`, {
        kind: 'proposal',
        text: 'Én indgang',
        anonymous: false,
      }),
      201,
    );
    expect((await as(ada.token, `/api/questions/${id}/idea`, { ideaId })).status).toBe(403);
    expect((await samle.asFacilitator(`/api/questions/${id}/idea`, { body: { ideaId: 'nope' } })).status).toBe(400);
    await json(await samle.asFacilitator(`/api/questions/${id}/idea`, { body: { ideaId } }));
    const watcher = connect(questionsDocId(workshop), ada.token);
    await until(watcher.doc, (doc) => readQuestions(doc)[0]?.status === 'in_catalog');
    expect(readQuestions(watcher.doc)[0]?.ideaId).toBe(ideaId);
    await json(await samle.asFacilitator(`/api/questions/${id}/idea`, { body: { ideaId: null } }));
    await until(watcher.doc, (doc) => readQuestions(doc)[0]?.status === 'new');
  });
});
