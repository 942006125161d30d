import {
  catalogDocId,
  createCluster,
  createNote,
  DESCRIPTION_ROOT,
  type Grant,
  ideaDocId,
  type QuestionView,
  questionsDocId,
  readIdeas,
  readNotes,
  setNoteCluster,
} from '@samle/shared';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type ClusterOptions, PrivateRedis } from './support/cluster.js';
import { useInstanceCluster } from './support/instanceCluster.js';
import type { RunningSamle } from './support/samleServer.js';
import { synced, until } from './support/stockClient.js';
import { json, workshopWithTables } from './support/workshopFixture.js';

const cluster = useInstanceCluster('commands');

/**
 * The merge and question tests build a whole workshop (tables, notes, gathered ideas, a
 * leader) on two instances with eight stock clients before the race they check: more
 * than the default 20 s on a machine whose cores are shared with other work.
 */
const WORKSHOP_TEST_MS = 60_000;

function post(on: RunningSamle, path: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${on.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The paragraphs of an idea description, as Lexical's Yjs binding stores them. */
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

function writeParagraph(doc: Y.Doc, text: string): void {
  const root = doc.get(DESCRIPTION_ROOT, Y.XmlText) as Y.XmlText;
  doc.transact(() => {
    const paragraph = new Y.XmlText();
    root.insertEmbed(root.length, paragraph);
    paragraph.setAttribute('__type', 'paragraph');
    const props = new Y.Map<unknown>();
    paragraph.insertEmbed(0, props);
    props.set('__type', 'text');
    paragraph.insert(1, text);
  });
}

/** A leader invited through instance `a`: a token every instance accepts (shared SAMLE_SECRET). */
async function leader(a: RunningSamle, workshopId: string): Promise<Grant> {
  const invite = await json<{ path: string }>(
    await a.asFacilitator(`/api/workshops/${workshopId}/invites`, { body: { role: 'leader' } }),
    201,
  );
  return json<Grant>(
    await fetch(`${a.baseUrl}/api/invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: invite.path.replace('/invite/', ''), name: 'Direktør Dorthe' }),
    }),
    201,
  );
}

/**
 * Two ideas gathered on instance `a` ("entry" from n1+n2, "replies" from the theme c1:
 * n3+n4, with a description), and every doc a merge touches held open by a client on
 * both instances, so each instance decides from its own loaded copy.
 */
async function twoIdeasOpenOnBoth(a: RunningSamle, b: RunningSamle) {
  const fx = await workshopWithTables(a);
  const workshop = fx.detail.workshop.id;
  const [t1, t2] = fx.tables;
  const p1 = t1?.members[0];
  const p2 = t2?.members[0];
  if (!t1 || !t2 || !p1 || !p2) throw new Error('fixture without two tables');
  const board1 = cluster.client(a, t1.boardId, p1.token);
  const board2 = cluster.client(a, t2.boardId, p2.token);
  await Promise.all([synced(board1), synced(board2)]);
  createNote(board1.doc, { id: 'n1', x: 0, y: 0, text: 'Én indgang', createdAt: 1 });
  createNote(board2.doc, { id: 'n2', x: 0, y: 0, text: 'Én kontaktperson', createdAt: 2 });
  createCluster(board2.doc, { id: 'c1', x: 0, y: 0, title: 'Svartider', createdAt: 3 });
  createNote(board2.doc, { id: 'n3', x: 10, y: 60, text: 'Svar inden 24 timer', createdAt: 4 });
  createNote(board2.doc, { id: 'n4', x: 10, y: 260, text: 'Status online', createdAt: 5 });
  setNoteCluster(board2.doc, 'n3', 'c1');
  setNoteCluster(board2.doc, 'n4', 'c1');
  await until(cluster.client(a, t2.boardId, p2.token).doc, (doc) => readNotes(doc).length === 3);
  await until(cluster.client(a, t1.boardId, p1.token).doc, (doc) => readNotes(doc).length === 1);
  const gather = async (body: unknown) =>
    (await json<{ ideaId: string }>(await a.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, { body }), 201))
      .ideaId;
  const entry = await gather({
    title: 'Én indgang for virksomheder',
    sources: [
      { boardId: t1.boardId, noteIds: ['n1'] },
      { boardId: t2.boardId, noteIds: ['n2'] },
    ],
  });
  const replies = await gather({ title: 'Hurtigere svar', sources: [{ boardId: t2.boardId, clusterIds: ['c1'] }] });
  const dorthe = await leader(a, workshop);
  const description = cluster.client(a, ideaDocId(workshop, replies), dorthe.token);
  await synced(description);
  writeParagraph(description.doc, 'Svar inden 24 timer.');

  const docs = [catalogDocId(workshop), ideaDocId(workshop, entry), ideaDocId(workshop, replies)];
  for (const on of [a, b]) {
    const open = docs.map((docId) => cluster.client(on, docId, dorthe.token));
    await Promise.all(open.map(synced));
    await until(open[0]?.doc ?? new Y.Doc(), (doc) => readIdeas(doc).length === 2);
    await until(open[2]?.doc ?? new Y.Doc(), (doc) => paragraphs(doc).length === 1);
  }
  return { workshop, entry, replies, dorthe, fx };
}

async function mergeOnBoth(a: RunningSamle, b: RunningSamle, ideas: Awaited<ReturnType<typeof twoIdeasOpenOnBoth>>) {
  const path = `/api/workshops/${ideas.workshop}/catalog/merge`;
  const body = { intoId: ideas.entry, fromId: ideas.replies };
  const answers = await Promise.all([post(a, path, ideas.dorthe.token, body), post(b, path, ideas.dorthe.token, body)]);
  return answers.map((r) => r.status).sort();
}

async function expectMergedOnce(options: ClusterOptions, ideas: Awaited<ReturnType<typeof twoIdeasOpenOnBoth>>) {
  const catalog = readIdeas(await cluster.storedDoc(options, catalogDocId(ideas.workshop)));
  expect(catalog.map((i) => i.id)).toEqual([ideas.entry]);
  expect(catalog[0]?.provenance.map((s) => s.noteId)).toEqual(['n1', 'n2', 'n3', 'n4']);
  expect(paragraphs(await cluster.storedDoc(options, ideaDocId(ideas.workshop, ideas.entry)))).toEqual([
    'Svar inden 24 timer.',
  ]);
}

describe('commands across instances (PostgreSQL + Redis)', () => {
  it(
    'two simultaneous merges of the same ideas on two instances merge once: one description, no duplicate sources',
    async () => {
      const options = cluster.options();
      const [a, b] = await cluster.startTwo(options);
      const ideas = await twoIdeasOpenOnBoth(a, b);
      expect(await mergeOnBoth(a, b, ideas)).toEqual([200, 404]);
      await expectMergedOnce(options, ideas);
      // Fresh stock clients on both instances see the same single merge.
      for (const on of [a, b]) {
        const description = cluster.client(on, ideaDocId(ideas.workshop, ideas.entry), ideas.dorthe.token);
        const catalog = cluster.client(on, catalogDocId(ideas.workshop), ideas.dorthe.token);
        await until(catalog.doc, (doc) => readIdeas(doc).length === 1);
        await until(description.doc, (doc) => paragraphs(doc).length >= 1);
        expect(paragraphs(description.doc)).toEqual(['Svar inden 24 timer.']);
        expect(readIdeas(catalog.doc)[0]?.provenance.map((s) => s.noteId)).toEqual(['n1', 'n2', 'n3', 'n4']);
      }
    },
    WORKSHOP_TEST_MS,
  );

  it(
    'merges once with Redis down, when neither instance hears of the other’s merge',
    async () => {
      const redis = await PrivateRedis.start();
      cluster.defer(() => redis.stop());
      const options = cluster.options({ redisUrl: redis.url });
      const [a, b] = await cluster.startTwo(options);
      const ideas = await twoIdeasOpenOnBoth(a, b);
      await redis.stop();
      expect(await mergeOnBoth(a, b, ideas)).toEqual([200, 404]);
      await expectMergedOnce(options, ideas);
    },
    WORKSHOP_TEST_MS,
  );

  it(
    'two questions posted at once on two instances show as two entries',
    async () => {
      const options = cluster.options();
      const [a, b] = await cluster.startTwo(options);
      const fx = await workshopWithTables(a);
      const workshop = fx.detail.workshop.id;
      const [ada, bo] = fx.participants;
      if (!ada || !bo) throw new Error('fixture without participants');
      // The list is loaded on both instances, so each would rewrite its own copy.
      const listed = (doc: Y.Doc) => doc.getArray<QuestionView>('questions').toArray();
      for (const on of [a, b]) await synced(cluster.client(on, questionsDocId(workshop), ada.token));

      const path = `/api/workshops/${workshop}/questions`;
      const posted = await Promise.all([
        post(a, path, ada.token, { kind: 'question', text: 'Hvornår får vi svar?', anonymous: false }),
        post(b, path, bo.token, { kind: 'proposal', text: 'Én fælles indbakke', anonymous: true }),
      ]);
      expect(posted.map((r) => r.status)).toEqual([201, 201]);

      const texts = (doc: Y.Doc) =>
        listed(doc)
          .map((q) => q.text)
          .sort();
      expect(texts(await cluster.storedDoc(options, questionsDocId(workshop)))).toEqual([
        'Hvornår får vi svar?',
        'Én fælles indbakke',
      ]);
      for (const on of [a, b]) {
        const fresh = cluster.client(on, questionsDocId(workshop), bo.token);
        await synced(fresh);
        await until(fresh.doc, (doc) => listed(doc).length >= 2);
        expect(texts(fresh.doc)).toEqual(['Hvornår får vi svar?', 'Én fælles indbakke']);
      }
    },
    WORKSHOP_TEST_MS,
  );

  it('two vote rounds opened at once on two instances open one round', async () => {
    const options = cluster.options();
    const [a, b] = await cluster.startTwo(options);
    const board = await a.createBoard('Plenum');
    const cookie = await a.facilitatorCookie();
    const open = (on: RunningSamle) =>
      fetch(`${on.baseUrl}/api/boards/${board.id}/vote`, {
        method: 'POST',
        headers: { cookie, 'x-samle-csrf': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'open', budget: 3, maxPerNote: 2 }),
      });
    const answers = await Promise.all([open(a), open(b)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = answers.find((r) => r.status === 409);
    expect(await refused?.json()).toMatchObject({ code: 'VOTE_ALREADY_OPEN' });
    const client = new pg.Client({
      connectionString: options.databaseUrl,
      options: `-c search_path=${options.schema}`,
    });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT id FROM vote_rounds WHERE board_id = $1 AND status = 'open'", [
        board.id,
      ]);
      expect(rows).toHaveLength(1);
    } finally {
      await client.end();
    }
  });
});
