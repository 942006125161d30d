import {
  assessmentsDocId,
  CloseCode,
  catalogDocId,
  createCluster,
  createNote,
  DESCRIPTION_ROOT,
  type Grant,
  ideaDocId,
  ideaOrder,
  ideasOf,
  notesOf,
  readAssessments,
  readIdeas,
  readMergedFrom,
  readNotes,
  type SourceStatus,
  setNoteCluster,
  type WorkshopDetail,
} from '@samle/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestDatabase, type TestDatabase } from './support/postgres.js';
import { type RunningSamle, startSamle } from './support/samleServer.js';
import { nextClose, type StockClient, stockClient, synced, until } from './support/stockClient.js';
import { join, json, type WorkshopFixture, workshopWithTables } from './support/workshopFixture.js';

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

function connect(docId: string, token: string): StockClient {
  const c = stockClient(samle.wsUrl, docId, { token });
  clients.push(c);
  return c;
}

async function invited(role: 'leader' | 'viewer', name: string): Promise<Grant> {
  const invite = await json<{ path: string }>(
    await samle.asFacilitator(`/api/workshops/${fx.detail.workshop.id}/invites`, { body: { role } }),
    201,
  );
  return json<Grant>(
    await fetch(`${samle.baseUrl}/api/invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: invite.path.replace('/invite/', ''), name }),
    }),
    201,
  );
}

/** Someone who took part in another workshop: not a member of this one. */
async function stranger(): Promise<Grant> {
  const other = await json<WorkshopDetail>(
    await samle.asFacilitator('/api/workshops', { body: { title: 'Et andet forløb', template: 'municipal-process' } }),
    201,
  );
  const day = other.sessions.find((s) => s.kind === 'employee_day');
  if (!day?.joinCode) throw new Error('no employee day');
  await json(await samle.asFacilitator(`/api/sessions/${day.id}/open`, { body: {} }));
  return join(samle, day.joinCode, 'Fremmed');
}

function call(method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${samle.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

interface Gathered {
  workshop: string;
  /** From notes n1 (table 1, Ada) and n2 (table 2). */
  entry: string;
  /** From the cluster c1 on table 2 (n3, n4). */
  replies: string;
}

/** Notes on both tables, a theme on table 2, and two ideas gathered from them. */
async function gatheredIdeas(): Promise<Gathered> {
  const [t1, t2] = fx.tables;
  const a = t1?.members[0];
  const b = t2?.members[0];
  if (!t1 || !t2 || !a || !b) throw new Error('fixture without two tables');
  const board1 = connect(t1.boardId, a.token);
  const board2 = connect(t2.boardId, b.token);
  await Promise.all([synced(board1), synced(board2)]);
  createNote(board1.doc, { id: 'n1', x: 0, y: 0, text: 'Én indgang', authorName: a.person.name, createdAt: 1 });
  createNote(board2.doc, { id: 'n2', x: 0, y: 0, text: 'Én kontaktperson', authorName: b.person.name, createdAt: 2 });
  createCluster(board2.doc, { id: 'c1', x: 0, y: 0, title: 'Svartider', createdAt: 3 });
  createNote(board2.doc, { id: 'n3', x: 10, y: 60, text: 'Svar inden 24 timer', createdAt: 4 });
  createNote(board2.doc, { id: 'n4', x: 10, y: 260, text: 'Status online', createdAt: 5 });
  setNoteCluster(board2.doc, 'n3', 'c1');
  setNoteCluster(board2.doc, 'n4', 'c1');
  await until(
    connect(t2.boardId, b.token).doc,
    (doc) => readNotes(doc).filter((n) => n.clusterId === 'c1').length === 2,
  );
  await until(connect(t1.boardId, a.token).doc, (doc) => readNotes(doc).length === 1);
  const workshop = fx.detail.workshop.id;
  const gather = async (body: unknown) =>
    (
      await json<{ ideaId: string }>(
        await samle.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, { body }),
        201,
      )
    ).ideaId;
  const entry = await gather({
    title: 'Én indgang for virksomheder',
    sources: [
      { boardId: t1.boardId, noteIds: ['n1'] },
      { boardId: t2.boardId, noteIds: ['n2'] },
    ],
  });
  const replies = await gather({ title: 'Hurtigere svar', sources: [{ boardId: t2.boardId, clusterIds: ['c1'] }] });
  return { workshop, entry, replies };
}

/** A paragraph as Lexical's Yjs binding stores it: an embedded XmlText holding a text node's properties and text. */
function writeParagraph(doc: Y.Doc, text: string): void {
  const root = doc.get(DESCRIPTION_ROOT, Y.XmlText) as Y.XmlText;
  doc.transact(() => {
    const paragraph = new Y.XmlText();
    root.insertEmbed(root.length, paragraph);
    paragraph.setAttribute('__type', 'paragraph');
    const props = new Y.Map<unknown>();
    paragraph.insertEmbed(0, props);
    props.set('__type', 'text');
    props.set('__format', 1);
    paragraph.insert(1, text);
  });
}

function paragraphs(doc: Y.Doc): string[] {
  const root = doc.get(DESCRIPTION_ROOT, Y.XmlText) as Y.XmlText;
  return (root.toDelta() as Array<{ insert: unknown }>)
    .map((op) => op.insert)
    .filter((insert): insert is Y.XmlText => insert instanceof Y.XmlText)
    .map((p) =>
      (p.toDelta() as Array<{ insert: unknown }>)
        .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
        .join(''),
    );
}

describe("an idea's description doc", () => {
  it('is written by leaders and facilitators live, and closed to participants, viewers and strangers', async () => {
    const { workshop, entry } = await gatheredIdeas();
    const dorthe = await invited('leader', 'Direktør Dorthe');
    const docId = ideaDocId(workshop, entry);
    const writer = connect(docId, dorthe.token);
    const reader = connect(docId, (await invited('leader', 'Borgmester Bent')).token);
    await Promise.all([synced(writer), synced(reader)]);
    writeParagraph(writer.doc, 'Én telefon, én mail, én indgang.');
    await until(reader.doc, (doc) => paragraphs(doc).includes('Én telefon, én mail, én indgang.'));

    const participant = fx.participants[0];
    if (!participant) throw new Error('no participant');
    const viewer = await invited('viewer', 'Revisor Rie');
    for (const token of [participant.token, viewer.token, (await stranger()).token]) {
      expect((await nextClose(connect(docId, token))).code).toBe(CloseCode.DocNotFound);
    }
  });
});

describe("an idea's description doc refuses what the editor cannot show", () => {
  const crafted: Array<[string, (doc: Y.Doc) => void]> = [
    [
      'a node type the editor does not know',
      (doc) => {
        const root = doc.get(DESCRIPTION_ROOT, Y.XmlText) as Y.XmlText;
        doc.transact(() => {
          const block = new Y.XmlText();
          root.insertEmbed(root.length, block);
          block.setAttribute('__type', 'bogus-node');
        });
      },
    ],
    [
      'a text run of an unknown type',
      (doc) => {
        const root = doc.get(DESCRIPTION_ROOT, Y.XmlText) as Y.XmlText;
        const [first] = (root.toDelta() as Array<{ insert: unknown }>).map((op) => op.insert);
        if (!(first instanceof Y.XmlText)) throw new Error('no paragraph');
        const props = new Y.Map<unknown>();
        first.insertEmbed(first.length, props);
        props.set('__type', 'image');
      },
    ],
    ['another root', (doc) => doc.getMap('junk').set('k', 'v')],
  ];
  for (const [what, change] of crafted) {
    it(`refuses (4422) ${what}, and the description stays as it was for the others`, async () => {
      const { workshop, entry } = await gatheredIdeas();
      const dorthe = await invited('leader', 'Direktør Dorthe');
      const docId = ideaDocId(workshop, entry);
      const writer = connect(docId, dorthe.token);
      await synced(writer);
      writeParagraph(writer.doc, 'Én telefon, én mail.');
      const witness = connect(docId, dorthe.token);
      await until(witness.doc, (doc) => paragraphs(doc).length === 1);

      const offender = connect(docId, dorthe.token);
      await until(offender.doc, (doc) => paragraphs(doc).length === 1);
      const closed = nextClose(offender);
      change(offender.doc);
      expect((await closed).code).toBe(CloseCode.PolicyViolation);

      writeParagraph(writer.doc, 'Svar inden 24 timer.');
      await until(witness.doc, (doc) => paragraphs(doc).length === 2);
      const fresh = connect(docId, dorthe.token);
      await until(fresh.doc, (doc) => paragraphs(doc).length === 2);
      const root = fresh.doc.get(DESCRIPTION_ROOT, Y.XmlText) as Y.XmlText;
      const types = (root.toDelta() as Array<{ insert: unknown }>).map((op) =>
        op.insert instanceof Y.XmlText ? op.insert.getAttribute('__type') : typeof op.insert,
      );
      expect(types).toEqual(['paragraph', 'paragraph']);
      expect([...fresh.doc.share.keys()]).toEqual([DESCRIPTION_ROOT]);
    });
  }
});

describe('the catalog doc: clients edit titles, categories and order; provenance is server truth', () => {
  it('lets a leader retitle, categorise and reorder ideas live', async () => {
    const { workshop, entry, replies } = await gatheredIdeas();
    const dorthe = await invited('leader', 'Direktør Dorthe');
    const editor = connect(catalogDocId(workshop), dorthe.token);
    const witness = connect(catalogDocId(workshop), dorthe.token);
    await Promise.all([synced(editor), synced(witness)]);
    const idea = ideasOf(editor.doc).get(entry);
    const title = idea?.get('title');
    if (!(title instanceof Y.Text) || !idea) throw new Error('idea without a title');
    editor.doc.transact(() => {
      title.insert(title.length, ' og borgere');
      idea.set('category', 'Tilgængelighed');
      const order = ideaOrder(editor.doc);
      order.delete(0, order.length);
      order.push([replies, entry]);
    });
    await until(witness.doc, (doc) => readIdeas(doc)[0]?.id === replies);
    expect(readIdeas(witness.doc)[1]).toMatchObject({
      id: entry,
      title: 'Én indgang for virksomheder og borgere',
      category: 'Tilgængelighed',
    });
  });

  const forbidden: Array<[string, (doc: Y.Doc, ids: Gathered) => void]> = [
    [
      'rewrites an idea’s provenance',
      (doc, { entry }) => {
        const fake = new Y.Array<unknown>();
        fake.push([{ boardId: 'x', noteId: 'y', text: 'Opdigtet' }]);
        ideasOf(doc).get(entry)?.set('provenance', fake);
      },
    ],
    [
      'adds a source to an idea',
      (doc, { entry }) => {
        const provenance = ideasOf(doc).get(entry)?.get('provenance') as Y.Array<unknown>;
        provenance.push([{ boardId: 'x', noteId: 'y', text: 'Opdigtet' }]);
      },
    ],
    [
      'removes a source from an idea',
      (doc, { replies }) =>
        (ideasOf(doc).get(replies)?.get('provenance') as Y.Array<unknown> | undefined)?.delete(0, 1),
    ],
    [
      'creates an idea out of thin air',
      (doc) => {
        const idea = new Y.Map<unknown>();
        idea.set('title', new Y.Text('Ingen kilder'));
        ideasOf(doc).set('madeup', idea);
        ideaOrder(doc).push(['madeup']);
      },
    ],
    ['deletes an idea (that is a command)', (doc, { entry }) => ideasOf(doc).delete(entry)],
    ['replaces an idea’s title with a plain value', (doc, { entry }) => ideasOf(doc).get(entry)?.set('title', 42)],
    ['removes an idea’s title', (doc, { entry }) => ideasOf(doc).get(entry)?.delete('title')],
    [
      'makes a title 3,000 characters long',
      (doc, { entry }) => (ideasOf(doc).get(entry)?.get('title') as Y.Text | undefined)?.insert(0, 'y'.repeat(3000)),
    ],
    [
      'writes a category of 5,000 characters',
      (doc, { entry }) => ideasOf(doc).get(entry)?.set('category', 'x'.repeat(5000)),
    ],
    [
      'writes a category that is not text',
      (doc, { entry }) => ideasOf(doc).get(entry)?.set('category', new Y.Map<unknown>()),
    ],
    ['puts something other than an idea id into the order', (doc) => ideaOrder(doc).push([{ x: 1 } as never])],
    ['writes a root the catalog does not have', (doc) => doc.getMap('junk').set('k', 'v'.repeat(1000))],
  ];
  for (const [what, change] of forbidden) {
    it(`refuses (4422) a client update that ${what}, and stores and relays none of it`, async () => {
      const ids = await gatheredIdeas();
      const dorthe = await invited('leader', 'Direktør Dorthe');
      const offender = connect(catalogDocId(ids.workshop), dorthe.token);
      const witness = connect(catalogDocId(ids.workshop), dorthe.token);
      await Promise.all([synced(offender), synced(witness)]);
      const closed = nextClose(offender);
      change(offender.doc, ids);
      const close = await closed;
      expect(close.code).toBe(CloseCode.PolicyViolation);
      offender.destroy();

      // A later, allowed edit arrives; the refused one never did.
      const fair = connect(catalogDocId(ids.workshop), dorthe.token);
      await synced(fair);
      ideasOf(fair.doc).get(ids.replies)?.set('category', 'Service');
      await until(witness.doc, (doc) => readIdeas(doc).find((i) => i.id === ids.replies)?.category === 'Service');
      const ideas = readIdeas(witness.doc);
      expect(ideas.map((i) => [i.id, i.provenance.map((s) => s.noteId)])).toEqual([
        [ids.entry, ['n1', 'n2']],
        [ids.replies, ['n3', 'n4']],
      ]);
      const fresh = connect(catalogDocId(ids.workshop), dorthe.token);
      await synced(fresh);
      expect(readIdeas(fresh.doc).map((i) => i.provenance.length)).toEqual([2, 2]);
    });
  }
});

describe('catalog commands', () => {
  it('merges two ideas: sources of both, the description appended, the merged-away decision noted', async () => {
    const { workshop, entry, replies } = await gatheredIdeas();
    const dorthe = await invited('leader', 'Direktør Dorthe');
    const into = connect(ideaDocId(workshop, entry), dorthe.token);
    const from = connect(ideaDocId(workshop, replies), dorthe.token);
    await Promise.all([synced(into), synced(from)]);
    writeParagraph(into.doc, 'Én indgang.');
    writeParagraph(from.doc, 'Svar inden 24 timer.');
    const check = connect(ideaDocId(workshop, replies), dorthe.token);
    await until(check.doc, (doc) => paragraphs(doc).length === 1);
    await until(connect(ideaDocId(workshop, entry), dorthe.token).doc, (doc) => paragraphs(doc).length === 1);
    await json(
      await call('POST', `/api/workshops/${workshop}/ideas/${replies}/assessment`, dorthe.token, {
        decision: 'on_hold',
      }),
    );

    const participant = fx.participants[0];
    if (!participant) throw new Error('no participant');
    const mergePath = `/api/workshops/${workshop}/catalog/merge`;
    expect((await call('POST', mergePath, participant.token, { intoId: entry, fromId: replies })).status).toBe(403);
    expect((await call('POST', mergePath, (await stranger()).token, { intoId: entry, fromId: replies })).status).toBe(
      404,
    );
    expect((await call('POST', mergePath, dorthe.token, { intoId: entry, fromId: entry })).status).toBe(400);
    expect((await call('POST', mergePath, dorthe.token, { intoId: entry, fromId: 'nope' })).status).toBe(404);
    expect((await call('POST', mergePath, dorthe.token, { intoId: entry })).status).toBe(400);

    const merged = await json<{ sources: number }>(
      await call('POST', mergePath, dorthe.token, { intoId: entry, fromId: replies }),
    );
    expect(merged.sources).toBe(4);
    const catalog = connect(catalogDocId(workshop), dorthe.token);
    await until(catalog.doc, (doc) => readIdeas(doc).length === 1);
    const [survivor] = readIdeas(catalog.doc);
    expect(survivor?.provenance.map((s) => [s.noteId, s.tableName !== null])).toEqual([
      ['n1', true],
      ['n2', true],
      ['n3', true],
      ['n4', true],
    ]);
    const trail = readMergedFrom(ideasOf(catalog.doc).get(entry) as Y.Map<unknown>);
    expect(trail).toMatchObject([
      { ideaId: replies, title: 'Hurtigere svar', mergedBy: 'Direktør Dorthe', decision: 'on_hold' },
    ]);
    await until(into.doc, (doc) => paragraphs(doc).length === 2);
    expect(paragraphs(into.doc)).toEqual(['Én indgang.', 'Svar inden 24 timer.']);
    const assessments = connect(assessmentsDocId(workshop), dorthe.token);
    await synced(assessments);
    expect(readAssessments(assessments.doc).map((a) => a.ideaId)).not.toContain(replies);
  });

  it('splits sources off into a new idea right after the original, and refuses a split that moves all or none', async () => {
    const { workshop, entry, replies } = await gatheredIdeas();
    const [, t2] = fx.tables;
    if (!t2) throw new Error('no table 2');
    const path = `/api/workshops/${workshop}/catalog/ideas/${replies}/split`;
    const participant = fx.participants[0];
    if (!participant) throw new Error('no participant');
    const body = { title: 'Status online', sources: [{ boardId: t2.boardId, noteId: 'n4' }] };
    expect((await call('POST', path, participant.token, body)).status).toBe(403);
    expect((await call('POST', path, (await stranger()).token, body)).status).toBe(404);
    const everything = {
      title: 'Alt',
      sources: [
        { boardId: t2.boardId, noteId: 'n3' },
        { boardId: t2.boardId, noteId: 'n4' },
      ],
    };
    expect((await samle.asFacilitator(path, { body: everything })).status).toBe(400);
    expect(
      (await samle.asFacilitator(path, { body: { title: 'Intet', sources: [{ boardId: t2.boardId, noteId: 'n1' }] } }))
        .status,
    ).toBe(400);
    expect((await samle.asFacilitator(path, { body: { title: ' ', sources: body.sources } })).status).toBe(400);

    const dorthe = await invited('leader', 'Direktør Dorthe');
    const created = await json<{ ideaId: string; sources: number }>(await call('POST', path, dorthe.token, body), 201);
    expect(created.sources).toBe(1);
    const catalog = connect(catalogDocId(workshop), dorthe.token);
    await until(catalog.doc, (doc) => readIdeas(doc).length === 3);
    expect(readIdeas(catalog.doc).map((i) => [i.id, i.title, i.provenance.map((s) => s.noteId)])).toEqual([
      [entry, 'Én indgang for virksomheder', ['n1', 'n2']],
      [replies, 'Hurtigere svar', ['n3']],
      [created.ideaId, 'Status online', ['n4']],
    ]);
    expect(readIdeas(catalog.doc)[2]?.provenance[0]).toMatchObject({
      clusterTitle: 'Svartider',
      text: 'Status online',
    });
  });

  it('deletes an idea with its sources, and only for leaders and facilitators', async () => {
    const { workshop, entry, replies } = await gatheredIdeas();
    const path = `/api/workshops/${workshop}/catalog/ideas/${replies}/delete`;
    const participant = fx.participants[0];
    if (!participant) throw new Error('no participant');
    expect((await call('POST', path, participant.token, {})).status).toBe(403);
    expect((await call('POST', path, (await stranger()).token, {})).status).toBe(404);
    await json(await samle.asFacilitator(path, { body: {} }));
    expect((await samle.asFacilitator(path, { body: {} })).status).toBe(404);
    const dorthe = await invited('leader', 'Direktør Dorthe');
    const catalog = connect(catalogDocId(workshop), dorthe.token);
    await until(catalog.doc, (doc) => readIdeas(doc).length === 1);
    expect(readIdeas(catalog.doc)[0]?.id).toBe(entry);
    expect(ideaOrder(catalog.doc).toArray()).toEqual([entry]);
  });

  it('tells for each source whether its note is unchanged, changed (with the text now) or deleted', async () => {
    const { workshop, entry, replies } = await gatheredIdeas();
    const [t1, t2] = fx.tables;
    const a = t1?.members[0];
    const b = t2?.members[0];
    if (!t1 || !t2 || !a || !b) throw new Error('fixture without two tables');
    const board1 = connect(t1.boardId, a.token);
    const board2 = connect(t2.boardId, b.token);
    await Promise.all([synced(board1), synced(board2)]);
    const text = notesOf(board1.doc).get('n1')?.get('text') as Y.Text;
    text.insert(text.length, ' for alle');
    notesOf(board2.doc).delete('n4');
    await until(connect(t1.boardId, a.token).doc, (doc) => readNotes(doc)[0]?.text === 'Én indgang for alle');
    await until(connect(t2.boardId, b.token).doc, (doc) => !notesOf(doc).has('n4'));

    const path = `/api/workshops/${workshop}/catalog/sources`;
    expect((await call('GET', path, a.token)).status).toBe(403);
    expect((await call('GET', path, (await stranger()).token)).status).toBe(404);
    const dorthe = await invited('leader', 'Direktør Dorthe');
    const { sources } = await json<{ sources: SourceStatus[] }>(await call('GET', path, dorthe.token));
    const byNote = new Map(sources.map((s) => [s.noteId, s]));
    expect(byNote.get('n1')).toEqual({
      ideaId: entry,
      boardId: t1.boardId,
      noteId: 'n1',
      state: 'changed',
      currentText: 'Én indgang for alle',
    });
    expect(byNote.get('n2')?.state).toBe('unchanged');
    expect(byNote.get('n3')?.state).toBe('unchanged');
    expect(byNote.get('n4')).toEqual({ ideaId: replies, boardId: t2.boardId, noteId: 'n4', state: 'deleted' });
  });
});

describe('catalog commands under pressure', () => {
  // PostgreSQL, as in production: its round trips are where two requests' steps interleave.
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });
  beforeEach(async () => {
    await samle.stop();
    samle = await startSamle({ storage: await db.openStorage() });
    fx = await workshopWithTables(samle);
  });

  it('gathers a note named twice (by id and through its theme, in two entries for one board) as one source', async () => {
    const { workshop } = await gatheredIdeas();
    const [, t2] = fx.tables;
    if (!t2) throw new Error('no table 2');
    const gathered = await json<{ ideaId: string; sources: number }>(
      await samle.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, {
        body: {
          title: 'Svar og status',
          sources: [
            { boardId: t2.boardId, noteIds: ['n3', 'n3'] },
            { boardId: t2.boardId, clusterIds: ['c1'] },
          ],
        },
      }),
      201,
    );
    expect(gathered.sources).toBe(2);
    const dorthe = await invited('leader', 'Direktør Dorthe');
    const catalog = connect(catalogDocId(workshop), dorthe.token);
    await until(catalog.doc, (doc) => readIdeas(doc).some((i) => i.id === gathered.ideaId));
    const idea = readIdeas(catalog.doc).find((i) => i.id === gathered.ideaId);
    expect(idea?.provenance.map((s) => s.noteId)).toEqual(['n3', 'n4']);
  });

  it('lets only one of two simultaneous merges of the same idea happen, and only the winner gets its description', async () => {
    const { workshop, entry, replies } = await gatheredIdeas();
    const [t1] = fx.tables;
    if (!t1) throw new Error('no table 1');
    const third = (
      await json<{ ideaId: string }>(
        await samle.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, {
          body: { title: 'Tredje idé', sources: [{ boardId: t1.boardId, noteIds: ['n1'] }] },
        }),
        201,
      )
    ).ideaId;
    const dorthe = await invited('leader', 'Direktør Dorthe');
    const from = connect(ideaDocId(workshop, replies), dorthe.token);
    await synced(from);
    writeParagraph(from.doc, 'Svar inden 24 timer.');
    await until(connect(ideaDocId(workshop, replies), dorthe.token).doc, (doc) => paragraphs(doc).length === 1);

    const mergePath = `/api/workshops/${workshop}/catalog/merge`;
    const [a, b] = await Promise.all([
      call('POST', mergePath, dorthe.token, { intoId: entry, fromId: replies }),
      call('POST', mergePath, dorthe.token, { intoId: third, fromId: replies }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 404]);
    const [winner, loser] = a.status === 200 ? [entry, third] : [third, entry];

    const catalog = connect(catalogDocId(workshop), dorthe.token);
    await until(catalog.doc, (doc) => readIdeas(doc).length === 2);
    const ideas = readIdeas(catalog.doc);
    expect(ideas.find((i) => i.id === winner)?.provenance.map((s) => s.noteId)).toEqual(
      winner === entry ? ['n1', 'n2', 'n3', 'n4'] : ['n1', 'n3', 'n4'],
    );
    expect(ideas.find((i) => i.id === loser)?.provenance.map((s) => s.noteId)).toEqual(
      loser === entry ? ['n1', 'n2'] : ['n1'],
    );
    const won = connect(ideaDocId(workshop, winner), dorthe.token);
    const lost = connect(ideaDocId(workshop, loser), dorthe.token);
    await Promise.all([synced(won), synced(lost)]);
    expect(paragraphs(won.doc)).toEqual(['Svar inden 24 timer.']);
    expect(paragraphs(lost.doc)).toEqual([]);
  });

  it('merges a chain begun at once (A into B while B goes into C) without losing a description', async () => {
    const { workshop, entry, replies } = await gatheredIdeas();
    const [t1] = fx.tables;
    if (!t1) throw new Error('no table 1');
    const third = (
      await json<{ ideaId: string }>(
        await samle.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, {
          body: { title: 'Tredje idé', sources: [{ boardId: t1.boardId, noteIds: ['n1'] }] },
        }),
        201,
      )
    ).ideaId;
    const dorthe = await invited('leader', 'Direktør Dorthe');
    const fromDoc = connect(ideaDocId(workshop, replies), dorthe.token);
    await synced(fromDoc);
    writeParagraph(fromDoc.doc, 'Svar inden 24 timer.');
    await until(connect(ideaDocId(workshop, replies), dorthe.token).doc, (doc) => paragraphs(doc).length === 1);

    const mergePath = `/api/workshops/${workshop}/catalog/merge`;
    const [a, b] = await Promise.all([
      call('POST', mergePath, dorthe.token, { intoId: entry, fromId: replies }),
      call('POST', mergePath, dorthe.token, { intoId: third, fromId: entry }),
    ]);
    const catalog = connect(catalogDocId(workshop), dorthe.token);
    await synced(catalog);
    // Whatever order the two merges took, every source still belongs to exactly one idea,
    // and the description written for `replies` is in the description of the idea holding its sources.
    const ideas = readIdeas(catalog.doc);
    const holder = ideas.find((i) => i.provenance.some((s) => s.noteId === 'n3'));
    expect(holder).toBeDefined();
    const holderDoc = connect(ideaDocId(workshop, holder?.id ?? ''), dorthe.token);
    await synced(holderDoc);
    expect(paragraphs(holderDoc.doc)).toContain('Svar inden 24 timer.');
    expect([a.status, b.status]).toContain(200);
  });
});
