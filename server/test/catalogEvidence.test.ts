import {
  type AssessmentView,
  type CatalogEvidence,
  catalogDocId,
  createNote,
  type Grant,
  type MySupport,
  type NoteVotes,
  type PublishPreview,
  publishedDocId,
  questionsDocId,
  readIdeas,
  readNotes,
  readPublished,
  readQuestions,
} from '@samle/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSamle, startSamle } from './support/samleServer.js';
import { type StockClient, stockClient, synced, until } from './support/stockClient.js';
import { useFileDatabase } from './support/testScope.js';
import { json, type WorkshopFixture, workshopWithTables } from './support/workshopFixture.js';

/**
 * Leaders decide with the evidence in view (issue #15): votes per source note,
 * linked questions, questions taken into the catalog, participants' support,
 * estimates and an internal note that is never published. On SQLite and on
 * PostgreSQL, through the real server.
 */

const database = useFileDatabase('catalogEvidence.test');

const storages = [
  { name: 'SQLite', open: async () => undefined },
  {
    name: 'PostgreSQL',
    open: async () => database().openStorage(),
  },
];

describe.each(storages)('evidence beside the catalog on $name', (storage) => {
  let samle: RunningSamle;
  let fx: WorkshopFixture;
  const clients: StockClient[] = [];

  beforeEach(async () => {
    const opened = await storage.open();
    samle = await startSamle(opened ? { storage: opened } : {});
    fx = await workshopWithTables(samle);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await samle.stop();
  });

  const as = (token: string, path: string, body?: unknown) =>
    fetch(`${samle.baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  function connect(docId: string, token: string): StockClient {
    const c = stockClient(samle.wsUrl, docId, { token });
    clients.push(c);
    return c;
  }

  async function leader(): Promise<Grant> {
    const invite = await json<{ path: string }>(
      await samle.asFacilitator(`/api/workshops/${fx.detail.workshop.id}/invites`, { body: { role: 'leader' } }),
      201,
    );
    return json<Grant>(
      await fetch(`${samle.baseUrl}/api/invites/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ invite: invite.path.replace('/invite/', ''), name: 'Direktør Dorthe' }),
      }),
      201,
    );
  }

  /** One note on each table's board, voted on in closed rounds (and one still open), gathered into one idea. */
  async function votedIdea() {
    const [t1, t2] = fx.tables;
    const a = t1?.members[0];
    const b = t2?.members[0];
    if (!t1 || !t2 || !a || !b) throw new Error('fixture without two tables');
    const board1 = connect(t1.boardId, a.token);
    const board2 = connect(t2.boardId, b.token);
    await Promise.all([synced(board1), synced(board2)]);
    createNote(board1.doc, { id: 'n1', x: 0, y: 0, text: 'Én indgang', authorName: a.person.name, createdAt: 1 });
    createNote(board2.doc, { id: 'n2', x: 0, y: 0, text: 'Én kontaktperson', createdAt: 2 });
    await until(connect(t1.boardId, a.token).doc, (doc) => readNotes(doc).length === 1);
    await until(connect(t2.boardId, b.token).doc, (doc) => readNotes(doc).length === 1);

    const vote = async (boardId: string, voters: Grant[], noteId: string, close = true) => {
      await json(
        await samle.asFacilitator(`/api/boards/${boardId}/vote`, {
          body: { action: 'open', budget: 3, maxPerNote: 3 },
        }),
      );
      for (const voter of voters)
        await json(await as(voter.token, `/api/boards/${boardId}/votes`, { noteId, delta: 1 }));
      if (close) await json(await samle.asFacilitator(`/api/boards/${boardId}/vote`, { body: { action: 'close' } }));
    };
    await vote(t1.boardId, [a, a], 'n1');
    await vote(t1.boardId, [a], 'n1');
    await vote(t2.boardId, [b], 'n2');
    // A round still open is secret: its vote must not count.
    await vote(t2.boardId, [b], 'n2', false);

    const workshop = fx.detail.workshop.id;
    const { ideaId } = await json<{ ideaId: string }>(
      await samle.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, {
        body: {
          title: 'Én indgang for virksomheder',
          sources: [
            { boardId: t1.boardId, noteIds: ['n1'] },
            { boardId: t2.boardId, noteIds: ['n2'] },
          ],
        },
      }),
      201,
    );
    return { workshop, ideaId, t1, t2, a, b };
  }

  it('counts closed rounds’ votes per source and summed, and shows linked questions with their supports', async () => {
    const { workshop, ideaId, t1, t2, a, b } = await votedIdea();
    const { id: questionId } = await json<{ id: string }>(
      await as(a.token, `/api/workshops/${workshop}/questions`, {
        kind: 'proposal',
        text: 'Kan vi få én telefon for erhverv?',
        anonymous: true,
      }),
      201,
    );
    await json(await as(b.token, `/api/questions/${questionId}/support`, { supported: true }));
    await json(await samle.asFacilitator(`/api/questions/${questionId}/idea`, { body: { ideaId } }));

    const dorthe = await leader();
    const evidence = await json<CatalogEvidence>(await as(dorthe.token, `/api/workshops/${workshop}/catalog/evidence`));
    expect(evidence.ideas).toEqual([
      {
        ideaId,
        votes: { [`${t1.boardId}/n1`]: 3, [`${t2.boardId}/n2`]: 1 },
        voteTotal: 4,
        questions: [
          {
            id: questionId,
            kind: 'proposal',
            text: 'Kan vi få én telefon for erhverv?',
            supports: 1,
            status: 'in_catalog',
            answer: null,
            isSource: false,
          },
        ],
        supports: 0,
      },
    ]);
    const votes = await json<NoteVotes>(await samle.asFacilitator(`/api/workshops/${workshop}/catalog/votes`));
    expect(votes.boards).toEqual({ [t1.boardId]: { n1: 3 }, [t2.boardId]: { n2: 1 } });
    // Participants see neither the working evidence nor the vote totals of every board.
    expect((await as(a.token, `/api/workshops/${workshop}/catalog/evidence`)).status).toBe(403);
    expect((await as(a.token, `/api/workshops/${workshop}/catalog/votes`)).status).toBe(403);

    await json(await samle.asFacilitator(`/api/workshops/${workshop}/catalog/publish`, { body: {} }));
    const published = connect(publishedDocId(workshop), b.token);
    await until(published.doc, (doc) => readPublished(doc) !== null);
    expect(readPublished(published.doc)?.ideas[0]?.questions).toEqual([
      { id: questionId, kind: 'proposal', text: 'Kan vi få én telefon for erhverv?', answer: null, isSource: false },
    ]);
  });

  it('takes a question into the catalog as a new idea with the question as its source, once', async () => {
    const workshop = fx.detail.workshop.id;
    const [ada] = fx.participants;
    if (!ada) throw new Error('no participant');
    const { id: questionId } = await json<{ id: string }>(
      await as(ada.token, `/api/workshops/${workshop}/questions`, {
        kind: 'question',
        text: 'Hvorfor skal virksomheder vente tre uger på et svar om byggetilladelse?',
        anonymous: false,
      }),
      201,
    );
    expect((await as(ada.token, `/api/workshops/${workshop}/catalog/ideas/from-question`, { questionId })).status).toBe(
      403,
    );
    const created = await json<{ ideaId: string; sources: number }>(
      await samle.asFacilitator(`/api/workshops/${workshop}/catalog/ideas/from-question`, { body: { questionId } }),
      201,
    );
    const again = await samle.asFacilitator(`/api/workshops/${workshop}/catalog/ideas/from-question`, {
      body: { questionId },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('QUESTION_IN_CATALOG');

    const dorthe = await leader();
    const catalog = connect(catalogDocId(workshop), dorthe.token);
    await until(catalog.doc, (doc) => readIdeas(doc).length === 1);
    expect(readIdeas(catalog.doc)[0]).toMatchObject({
      id: created.ideaId,
      title: 'Hvorfor skal virksomheder vente tre uger på et svar om byggetilladelse?',
      provenance: [],
      fromQuestion: questionId,
    });
    const list = connect(questionsDocId(workshop), ada.token);
    await until(list.doc, (doc) => readQuestions(doc)[0]?.ideaId === created.ideaId);
    expect(readQuestions(list.doc)[0]?.status).toBe('in_catalog');
    const evidence = await json<CatalogEvidence>(await as(dorthe.token, `/api/workshops/${workshop}/catalog/evidence`));
    expect(evidence.ideas[0]?.questions.map((q) => [q.id, q.isSource])).toEqual([[questionId, true]]);
  });

  it('lets each participant support a published idea once, only while the facilitator has support open', async () => {
    const { workshop, ideaId } = await votedIdea();
    const [ada, bo] = fx.participants;
    if (!ada || !bo) throw new Error('no participants');
    const support = (token: string, supported = true) =>
      as(token, `/api/workshops/${workshop}/published/ideas/${ideaId}/support`, { supported });

    const unpublished = await support(ada.token);
    expect([unpublished.status, ((await unpublished.json()) as { code: string }).code]).toEqual([
      404,
      'IDEA_NOT_PUBLISHED',
    ]);
    await json(await samle.asFacilitator(`/api/workshops/${workshop}/catalog/publish`, { body: {} }));
    const closed = await support(ada.token);
    expect([closed.status, ((await closed.json()) as { code: string }).code]).toEqual([409, 'SUPPORT_CLOSED']);
    expect((await as(ada.token, `/api/workshops/${workshop}/catalog/support`, { open: true })).status).toBe(403);
    await json(await samle.asFacilitator(`/api/workshops/${workshop}/catalog/support`, { body: { open: true } }));

    await json(await support(ada.token));
    await json(await support(ada.token));
    await json(await support(bo.token));
    await json(await support(bo.token, false));
    const dorthe = await leader();
    const leaderSupport = await support(dorthe.token);
    expect(leaderSupport.status).toBe(403);
    expect(await json<MySupport>(await as(ada.token, `/api/workshops/${workshop}/published/support`))).toMatchObject({
      support: { open: true },
      ideaIds: [ideaId],
    });
    const evidence = await json<CatalogEvidence>(await as(dorthe.token, `/api/workshops/${workshop}/catalog/evidence`));
    expect(evidence.ideas[0]?.supports).toBe(1);
    expect(evidence.support.open).toBe(true);

    await json(await samle.asFacilitator(`/api/workshops/${workshop}/catalog/support`, { body: { open: false } }));
    expect((await support(bo.token)).status).toBe(409);
  });

  it('keeps the internal note and estimates with leaders: never in the published catalog', async () => {
    const { workshop, ideaId, b } = await votedIdea();
    const dorthe = await leader();
    const assessed = await json<AssessmentView>(
      await as(dorthe.token, `/api/workshops/${workshop}/ideas/${ideaId}/assessment`, {
        decision: 'council',
        rationale: 'Vi samler henvendelserne ét sted.',
        internalNote: 'HEMMELIGT: budgettet er allerede brugt',
        oneOffDkk: 250000,
        yearlyDkk: 40000,
        staffHours: 120,
      }),
    );
    expect(assessed).toMatchObject({ internalNote: 'HEMMELIGT: budgettet er allerede brugt', oneOffDkk: 250000 });
    for (const bad of [{ rank: -2 }, { rank: 'to' }, { oneOffDkk: -1 }, { staffHours: 1.5 }]) {
      const refused = await as(dorthe.token, `/api/workshops/${workshop}/ideas/${ideaId}/assessment`, bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
    }
    await json(await samle.asFacilitator(`/api/workshops/${workshop}/catalog/publish`, { body: {} }));
    const published = connect(publishedDocId(workshop), b.token);
    await until(published.doc, (doc) => readPublished(doc) !== null);
    const seen = JSON.stringify(readPublished(published.doc));
    expect(seen).toContain('Vi samler henvendelserne ét sted.');
    expect(seen).not.toContain('HEMMELIGT');
    expect(seen).not.toContain('250000');

    // The preview says what publishing again would change, and shows no internal note either.
    await json(
      await as(dorthe.token, `/api/workshops/${workshop}/ideas/${ideaId}/assessment`, {
        rationale: 'Vi samler alle henvendelser ét sted.',
        internalNote: 'HEMMELIGT: stadig',
      }),
    );
    expect((await as(dorthe.token, `/api/workshops/${workshop}/published/preview`)).status).toBe(403);
    const preview = await json<PublishPreview>(
      await samle.asFacilitator(`/api/workshops/${workshop}/published/preview`),
    );
    expect(preview.changes).toEqual([
      { ideaId, title: 'Én indgang for virksomheder', change: 'changed', fields: ['rationale'] },
    ]);
    expect(preview.ideas[0]?.assessment?.rationale).toBe('Vi samler alle henvendelser ét sted.');
    expect(JSON.stringify(preview)).not.toContain('HEMMELIGT');
  });
});
