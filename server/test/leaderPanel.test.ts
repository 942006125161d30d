import {
  assessmentsDocId,
  catalogDocId,
  createNote,
  DECISIONS,
  type Grant,
  type MyPublishedSources,
  type PublishStatus,
  publishedDocId,
  readAssessments,
  readIdeas,
  readNotes,
  readPublished,
  type WorkshopDetail,
} from '@samle/shared';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SqliteDecisionHistory } from '../src/storage/sqlite/SqliteDecisionHistory.js';
import { type RunningSamle, startSamle } from './support/samleServer.js';
import { type StockClient, stockClient, synced, until } from './support/stockClient.js';
import { invitedPerson, json, type WorkshopFixture, workshopWithTables } from './support/workshopFixture.js';

let samle: RunningSamle;
const clients: StockClient[] = [];

beforeEach(async () => {
  samle = await startSamle();
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

const invited = (workshopId: string, role: 'leader' | 'viewer', name: string) =>
  invitedPerson(samle, workshopId, role, name);

function call(path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${samle.baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function documentXml(bytes: ArrayBuffer): string {
  return strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'] ?? new Uint8Array());
}

/** The text of a DOCX body with the markup left out, runs joined. */
function documentText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('the demo workshop', () => {
  it('holds a gathered, assessed and published catalog with provenance and a 2027 timeline', async () => {
    const demo = await json<WorkshopDetail>(await samle.asFacilitator('/api/demo', { body: {} }), 201);
    const workshop = demo.workshop.id;
    const relay = samle.samle.relay;

    const ideas = await relay.read(catalogDocId(workshop), readIdeas);
    expect(ideas.length).toBeGreaterThanOrEqual(6);
    const tableSources = ideas.flatMap((idea) => idea.provenance).filter((s) => s.tableName);
    expect(tableSources.length).toBeGreaterThan(5);
    // Provenance points at real notes on the demo's boards, with table, session and author.
    const source = tableSources[0];
    if (!source) throw new Error('no table source');
    expect(source).toMatchObject({ sessionTitle: expect.any(String), authorName: expect.any(String) });
    const board = await relay.read(source.boardId, readNotes);
    expect(board.find((n) => n.id === source.noteId)?.text).toBe(source.text);
    expect(demo.people.some((p) => p.id === source.authorId)).toBe(true);

    const assessments = await relay.read(assessmentsDocId(workshop), readAssessments);
    for (const decision of DECISIONS) expect(assessments.some((a) => a.decision === decision)).toBe(true);
    expect(assessments.every((a) => a.rank !== null && a.rationale.length > 0 && a.owner.length > 0)).toBe(true);
    expect(assessments.filter((a) => a.startMonth?.startsWith('2027-')).length).toBeGreaterThanOrEqual(5);
    expect(assessments.some((a) => a.related.length > 0)).toBe(true);
    expect(ideas.some((idea) => !assessments.some((a) => a.ideaId === idea.id))).toBe(true);

    // A leader opens the panel's data: the published catalog, and changes made since.
    const hanne = await invited(workshop, 'leader', 'Hanne');
    const status = await json<PublishStatus>(await call(`/api/workshops/${workshop}/published/status`, hanne.token));
    expect(status).toMatchObject({ unpublishedChanges: true, publishedBy: 'Freja Facilitator' });
    const moved = assessments.find((a) => a.rationale.includes('eget budget'));
    const history = await json<{ changes: Array<{ field: string; from: string | null; to: string | null }> }>(
      await call(`/api/workshops/${workshop}/ideas/${moved?.ideaId}/history`, hanne.token),
    );
    expect(history.changes.filter((c) => c.field === 'decision').map((c) => [c.from, c.to])).toEqual([
      [null, 'council'],
      ['council', 'start_now'],
    ]);

    const participant = demo.people.find((p) => p.role === 'participant');
    const published = await relay.read(publishedDocId(workshop), readPublished);
    expect(published?.ideas.length).toBe(ideas.length);
    expect(published?.ideas[0]?.description).toContain('Ét telefonnummer');
    expect(JSON.stringify(published)).not.toContain('authorId');
    expect(participant).toBeDefined();

    // Descriptions are real Lexical docs: the export reads them from there.
    const docx = await (await samle.asFacilitator(`/api/workshops/${workshop}/catalog/export.docx`)).arrayBuffer();
    const text = documentText(documentXml(docx));
    for (const expected of ['Sættes i gang straks', 'Sendes til byrådsbeslutning', 'Afventer', 'Ét telefonnummer']) {
      expect(text).toContain(expected);
    }

    expect(
      await json(await samle.asFacilitator(`/api/workshops/${workshop}/catalog/publish`, { body: {} })),
    ).toMatchObject({ ideas: ideas.length });
    expect(
      await json<PublishStatus>(await call(`/api/workshops/${workshop}/published/status`, hanne.token)),
    ).toMatchObject({ unpublishedChanges: false });
  });
});

describe('publishing to participants', () => {
  let fx: WorkshopFixture;
  beforeEach(async () => {
    fx = await workshopWithTables(samle);
  });

  async function twoNotesGathered() {
    const [t1, t2] = fx.tables;
    const a = t1?.members[0];
    const b = t2?.members[0];
    if (!t1 || !t2 || !a || !b) throw new Error('fixture without two tables');
    const board1 = connect(t1.boardId, a.token);
    const board2 = connect(t2.boardId, b.token);
    await Promise.all([synced(board1), synced(board2)]);
    const note = (text: string, who: Grant) => ({
      x: 0,
      y: 0,
      text,
      authorId: who.person.id,
      authorName: who.person.name,
      createdAt: 1,
    });
    createNote(board1.doc, { id: 'n1', ...note('Én indgang', a) });
    createNote(board2.doc, { id: 'n2', ...note('Én kontaktperson', b) });
    await until(connect(t1.boardId, a.token).doc, (doc) => readNotes(doc).length === 1);
    await until(connect(t2.boardId, b.token).doc, (doc) => readNotes(doc).length === 1);
    const workshop = fx.detail.workshop.id;
    const { ideaId } = await json<{ ideaId: string }>(
      await samle.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, {
        body: {
          title: 'Én indgang',
          sources: [
            { boardId: t1.boardId, noteIds: ['n1'] },
            { boardId: t2.boardId, noteIds: ['n2'] },
          ],
        },
      }),
      201,
    );
    return { workshop, ideaId, a, b, t1, t2 };
  }

  it('tells each participant which published sources are theirs, without publishing who wrote what', async () => {
    const { workshop, a, b, t1, t2 } = await twoNotesGathered();
    const catalog = await samle.samle.relay.read(catalogDocId(workshop), readIdeas);
    expect(catalog[0]?.provenance.map((s) => s.authorId)).toEqual([a.person.id, b.person.id]);

    // Nothing is published yet: nothing is anyone's.
    expect(await json<MyPublishedSources>(await call(`/api/workshops/${workshop}/published/mine`, a.token))).toEqual({
      sources: [],
    });
    await json(await samle.asFacilitator(`/api/workshops/${workshop}/catalog/publish`, { body: {} }));
    expect(await json<MyPublishedSources>(await call(`/api/workshops/${workshop}/published/mine`, a.token))).toEqual({
      sources: [{ boardId: t1.boardId, noteId: 'n1' }],
    });
    expect(await json<MyPublishedSources>(await call(`/api/workshops/${workshop}/published/mine`, b.token))).toEqual({
      sources: [{ boardId: t2.boardId, noteId: 'n2' }],
    });
    expect(
      await json<MyPublishedSources>(await samle.asFacilitator(`/api/workshops/${workshop}/published/mine`)),
    ).toEqual({ sources: [] });

    // What a participant's socket receives carries names (boards are not anonymous) but no person ids.
    const view = connect(publishedDocId(workshop), a.token);
    await until(view.doc, (doc) => readPublished(doc) !== null);
    const published = readPublished(view.doc);
    expect(published?.ideas[0]?.provenance.map((s) => s.authorName)).toEqual([a.person.name, b.person.name]);
    expect(JSON.stringify(published)).not.toContain(a.person.id);
    expect(published?.ideas[0]?.description).toBe('');
  });

  it('says when there are unpublished changes', async () => {
    const { workshop, ideaId } = await twoNotesGathered();
    const dorthe = await invited(workshop, 'leader', 'Dorthe');
    const status = async () =>
      json<PublishStatus>(await call(`/api/workshops/${workshop}/published/status`, dorthe.token));
    expect(await status()).toEqual({ publishedAt: null, publishedBy: null, unpublishedChanges: true });
    await json(await samle.asFacilitator(`/api/workshops/${workshop}/catalog/publish`, { body: {} }));
    expect(await status()).toMatchObject({ publishedBy: 'Freja Facilitator', unpublishedChanges: false });
    await json(await call(`/api/workshops/${workshop}/ideas/${ideaId}/assessment`, dorthe.token, { rank: 1 }));
    expect((await status()).unpublishedChanges).toBe(true);
  });

  it('records two leaders deciding on one idea at once in order: the second change is from the first one', async () => {
    const { workshop, ideaId } = await twoNotesGathered();
    const [dorthe, kasper] = await Promise.all([
      invited(workshop, 'leader', 'Dorthe'),
      invited(workshop, 'leader', 'Kasper'),
    ]);
    const path = `/api/workshops/${workshop}/ideas/${ideaId}/assessment`;
    // Storing history takes turns of the event loop, as it does on PostgreSQL: the other request gets in between.
    const store = SqliteDecisionHistory.prototype.recordChanges;
    vi.spyOn(SqliteDecisionHistory.prototype, 'recordChanges').mockImplementation(async function (
      this: SqliteDecisionHistory,
      ...args
    ) {
      for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
      return store.apply(this, args);
    });
    // In-process requests (no sockets) both start before either stores anything.
    const decide = (who: Grant, decision: string) =>
      samle.samle.app.inject({
        method: 'POST',
        url: path,
        headers: { authorization: `Bearer ${who.token}` },
        payload: { decision },
      });
    const [first, second] = await Promise.all([decide(dorthe, 'start_now'), decide(kasper, 'council')]);
    vi.restoreAllMocks();
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    const { changes } = await json<{ changes: Array<{ field: string; from: string | null; to: string | null }> }>(
      await call(`/api/workshops/${workshop}/ideas/${ideaId}/history`, dorthe.token),
    );
    const decisions = changes.filter((c) => c.field === 'decision').map((c) => [c.from, c.to]);
    expect(decisions).toHaveLength(2);
    // Whichever came first, the second starts from it, and the document holds the last one.
    expect(decisions[1]?.[0]).toBe(decisions[0]?.[1]);
    const reader = connect(assessmentsDocId(workshop), dorthe.token);
    await synced(reader);
    expect(readAssessments(reader.doc).find((a) => a.ideaId === ideaId)?.decision).toBe(decisions[1]?.[1]);
  });

  it('refuses every leader command to participants and viewers, and publishing to leaders', async () => {
    const { workshop, ideaId, a } = await twoNotesGathered();
    const viewer = await invited(workshop, 'viewer', 'Vera');
    const leader = await invited(workshop, 'leader', 'Dorthe');
    const base = `/api/workshops/${workshop}`;
    for (const who of [a, viewer]) {
      expect((await call(`${base}/ideas/${ideaId}/assessment`, who.token, { decision: 'council' })).status).toBe(403);
      expect((await call(`${base}/ideas/${ideaId}/history`, who.token)).status).toBe(403);
      expect((await call(`${base}/catalog/publish`, who.token, {})).status).toBe(403);
      expect((await call(`${base}/published/status`, who.token)).status).toBe(403);
      for (const format of ['md', 'csv', 'docx', 'xlsx']) {
        expect((await call(`${base}/catalog/export.${format}`, who.token)).status).toBe(403);
      }
      expect((await call(`${base}/catalog/descriptions`, who.token)).status).toBe(403);
      // Anyone in the workshop may ask which published notes are theirs.
      expect((await call(`${base}/published/mine`, who.token)).status).toBe(200);
    }
    expect((await call(`${base}/catalog/publish`, leader.token, {})).status).toBe(403);
    // Someone from another workshop does not learn that this one exists.
    const other = await json<WorkshopDetail>(
      await samle.asFacilitator('/api/workshops', { body: { title: 'Andet forløb', template: 'municipal-process' } }),
      201,
    );
    const stranger = await invited(other.workshop.id, 'leader', 'Fremmed');
    for (const path of [`${base}/published/status`, `${base}/published/mine`, `${base}/ideas/${ideaId}/history`]) {
      expect((await call(path, stranger.token)).status).toBe(404);
    }
    // Rationales are rich text in Markdown: long ones fit, absurd ones do not.
    expect(
      (await call(`${base}/ideas/${ideaId}/assessment`, leader.token, { rationale: 'x'.repeat(20_000) })).status,
    ).toBe(200);
    expect(
      (await call(`${base}/ideas/${ideaId}/assessment`, leader.token, { rationale: 'x'.repeat(20_001) })).status,
    ).toBe(400);
  });

  it('relates an idea only to other ideas of its catalog, each once', async () => {
    const { workshop, ideaId } = await twoNotesGathered();
    const leader = await invited(workshop, 'leader', 'Dorthe');
    const base = `/api/workshops/${workshop}`;
    const t2 = fx.tables[1];
    if (!t2) throw new Error('fixture without two tables');
    const { ideaId: other } = await json<{ ideaId: string }>(
      await samle.asFacilitator(`${base}/catalog/gather`, {
        body: { title: 'Én kontaktperson', sources: [{ boardId: t2.boardId, noteIds: ['n2'] }] },
      }),
      201,
    );
    const itself = await call(`${base}/ideas/${ideaId}/assessment`, leader.token, { related: [ideaId] });
    expect(itself.status).toBe(400);
    expect(((await itself.json()) as { code: string }).code).toBe('RELATED_TO_ITSELF');
    const unknown = await call(`${base}/ideas/${ideaId}/assessment`, leader.token, { related: ['nope'] });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { code: string }).code).toBe('RELATED_IDEA_NOT_FOUND');
    // Nothing was recorded for either refusal.
    const history = async () =>
      (
        await json<{ changes: Array<{ field: string; to: string | null }> }>(
          await call(`${base}/ideas/${ideaId}/history`, leader.token),
        )
      ).changes;
    expect(await history()).toEqual([]);
    // Another idea of the catalog, named twice, is related once.
    const related = await json<{ related: string[] }>(
      await call(`${base}/ideas/${ideaId}/assessment`, leader.token, { related: [other, other] }),
    );
    expect(related.related).toEqual([other]);
    expect((await history()).map((c) => [c.field, c.to])).toEqual([['related', other]]);
    // Once that idea is deleted, a client that still sends it (its list is from before) loses it quietly.
    await json(await samle.asFacilitator(`${base}/catalog/ideas/${other}/delete`, { body: {} }));
    const after = await json<{ related: string[]; owner: string }>(
      await call(`${base}/ideas/${ideaId}/assessment`, leader.token, { related: [other], owner: 'Borgerservice' }),
    );
    expect(after).toMatchObject({ related: [], owner: 'Borgerservice' });
  });

  it('exports a council-ready DOCX: title page, overview, decision groups, rich rationale and sources', async () => {
    const { workshop, ideaId } = await twoNotesGathered();
    const leader = await invited(workshop, 'leader', 'Dorthe');
    await json(
      await call(`/api/workshops/${workshop}/ideas/${ideaId}/assessment`, leader.token, {
        decision: 'council',
        rank: 1,
        startMonth: '2027-03',
        endMonth: '2027-08',
        owner: 'Erhverv',
        rationale: 'Kræver **nye midler** i budgettet.\n\n- Telefonløsning\n- Uddannelse',
      }),
    );
    const response = await call(`/api/workshops/${workshop}/catalog/export.docx`, leader.token);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    const xml = documentXml(await response.arrayBuffer());
    const text = documentText(xml);
    for (const expected of [
      'Idékatalog',
      'Erhvervsservice',
      'Overblik',
      'Sendes til byrådsbeslutning',
      'Kræver nye midler i budgettet.',
      'Telefonløsning',
      'marts 2027 – august 2027',
      '“Én indgang”',
      'Medarbejderdag 1',
      'Ada',
    ]) {
      expect(text).toContain(expected);
    }
    expect(xml).toContain('<w:tbl>');
    // Bold stays bold, and list items are list paragraphs.
    expect(xml).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*nye midler/s);
    expect(xml).toMatch(/<w:numPr>(?:(?!<\/w:p>).)*Telefonløsning/s);

    const markdown = await (await call(`/api/workshops/${workshop}/catalog/export.md`, leader.token)).text();
    expect(markdown).toContain('## Sendes til byrådsbeslutning');
    expect(markdown).toContain('Kræver **nye midler** i budgettet.');
    const csv = await (await call(`/api/workshops/${workshop}/catalog/export.csv`, leader.token)).text();
    expect(csv.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(
      'Prioritet;Idé;Beslutning;Begrundelse;Tidsplan;Ansvarlig;Engangsudgift (kr.);Årlig udgift (kr.);Personaletimer;Prikstemmer;Opbakning;Spørgsmål og forslag;Beskrivelse;Oprindelse;Relaterede idéer',
    );
    expect(csv).toContain('Kræver nye midler i budgettet.');
  });
});
