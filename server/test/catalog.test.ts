import {
  assessmentsDocId,
  CloseCode,
  catalogDocId,
  createCluster,
  createNote,
  publishedDocId,
  readAssessments,
  readIdeas,
  readNotes,
  readPublished,
  setNoteCluster,
} from '@samle/shared';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { connect, fx, invited, samle, useCatalogSuite } from './support/catalogSuite.js';
import { nextClose, synced, until } from './support/stockClient.js';
import { json } from './support/workshopFixture.js';

// A server with a workshop of two tables per test: support/catalogSuite.ts.
useCatalogSuite();

const leader = () => invited('leader', 'Direktør Dorthe');

describe('gathering the threads into the catalog', () => {
  it('gathers notes from two tables and a cluster into ideas with provenance, leaves the notes, and merges', async () => {
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
    const witness = connect(t2.boardId, b.token);
    await until(witness.doc, (doc) => readNotes(doc).filter((n) => n.clusterId === 'c1').length === 2);
    await until(connect(t1.boardId, a.token).doc, (doc) => readNotes(doc).length === 1);

    const workshop = fx.detail.workshop.id;
    const one = await json<{ ideaId: string; sources: number }>(
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
    expect(one.sources).toBe(2);
    const two = await json<{ ideaId: string }>(
      await samle.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, {
        body: { title: 'Hurtigere svar', sources: [{ boardId: t2.boardId, clusterIds: ['c1'] }] },
      }),
      201,
    );

    // A leader edits the catalog; the provenance names boards, tables, session and authors.
    const dorthe = await leader();
    const catalog = connect(catalogDocId(workshop), dorthe.token);
    await until(catalog.doc, (doc) => readIdeas(doc).length === 2);
    const [first, second] = readIdeas(catalog.doc);
    const tableName = (groupId: string) =>
      fx.detail.sessions.flatMap((session) => session.groups).find((group) => group.id === groupId)?.name;
    expect(first?.provenance.map((s) => [s.noteId, s.tableName, s.authorName, s.sessionTitle])).toEqual([
      ['n1', tableName(t1.groupId), a.person.name, 'Medarbejderdag 1'],
      ['n2', tableName(t2.groupId), b.person.name, 'Medarbejderdag 1'],
    ]);
    expect(second?.provenance.map((s) => [s.noteId, s.clusterTitle])).toEqual([
      ['n3', 'Svartider'],
      ['n4', 'Svartider'],
    ]);
    // The originals are untouched.
    expect(
      readNotes(witness.doc)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['n2', 'n3', 'n4']);

    // Merging moves provenance, so it is a command (a client may not write provenance itself).
    await json(
      await fetch(`${samle.baseUrl}/api/workshops/${workshop}/catalog/merge`, {
        method: 'POST',
        headers: { authorization: `Bearer ${dorthe.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ intoId: one.ideaId, fromId: two.ideaId }),
      }),
    );
    const reader = connect(catalogDocId(workshop), dorthe.token);
    await until(reader.doc, (doc) => readIdeas(doc).length === 1);
    expect(readIdeas(reader.doc)[0]?.provenance.map((s) => s.noteId)).toEqual(['n1', 'n2', 'n3', 'n4']);

    // Participants neither gather nor open the working catalog.
    const refused = await fetch(`${samle.baseUrl}/api/workshops/${workshop}/catalog/gather`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x', sources: [{ boardId: t1.boardId, noteIds: ['n1'] }] }),
    });
    expect(refused.status).toBe(403);
    expect((await nextClose(connect(catalogDocId(workshop), a.token))).code).toBe(CloseCode.DocNotFound);
  });
});

describe('leadership assessment', () => {
  it('lets a leader set decision, rank and timeline with a history of changes, and refuses a participant', async () => {
    const [t1] = fx.tables;
    const a = t1?.members[0];
    if (!t1 || !a) throw new Error('fixture without a table');
    const board = connect(t1.boardId, a.token);
    await synced(board);
    createNote(board.doc, { id: 'n1', x: 0, y: 0, text: 'Én indgang', createdAt: 1 });
    await until(connect(t1.boardId, a.token).doc, (doc) => readNotes(doc).length === 1);
    const workshop = fx.detail.workshop.id;
    const { ideaId } = await json<{ ideaId: string }>(
      await samle.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, {
        body: { title: 'Én indgang', sources: [{ boardId: t1.boardId, noteIds: ['n1'] }] },
      }),
      201,
    );
    const dorthe = await leader();
    const assess = (token: string, body: unknown) =>
      fetch(`${samle.baseUrl}/api/workshops/${workshop}/ideas/${ideaId}/assessment`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await json(
      await assess(dorthe.token, { decision: 'council', rank: 2, startMonth: '2027-02', endMonth: '2027-06' }),
    );
    await json(await assess(dorthe.token, { decision: 'start_now', rank: 1 }));
    expect((await assess(dorthe.token, { startMonth: '2027-09' })).status).toBe(400);
    const participant = await assess(a.token, { decision: 'on_hold' });
    expect(participant.status).toBe(403);

    const watcher = connect(assessmentsDocId(workshop), dorthe.token);
    await until(watcher.doc, (doc) => readAssessments(doc)[0]?.decision === 'start_now');
    expect(readAssessments(watcher.doc)[0]).toMatchObject({
      decision: 'start_now',
      rank: 1,
      startMonth: '2027-02',
      endMonth: '2027-06',
      updatedBy: 'Direktør Dorthe',
    });
    const history = await json<{
      changes: Array<{ field: string; from: string | null; to: string | null; by: string }>;
    }>(
      await fetch(`${samle.baseUrl}/api/workshops/${workshop}/ideas/${ideaId}/history`, {
        headers: { authorization: `Bearer ${dorthe.token}` },
      }),
    );
    expect(history.changes.filter((c) => c.field === 'decision').map((c) => [c.from, c.to, c.by])).toEqual([
      [null, 'council', 'Direktør Dorthe'],
      ['council', 'start_now', 'Direktør Dorthe'],
    ]);
    expect((await nextClose(connect(assessmentsDocId(workshop), a.token))).code).toBe(CloseCode.DocNotFound);

    // Participants see decisions only once published, as they were then, with their own note as a source.
    const before = connect(publishedDocId(workshop), a.token);
    await synced(before);
    expect(readPublished(before.doc)).toBeNull();
    expect((await assess(dorthe.token, { decision: 'start_now' })).status).toBe(200);
    const publish = await fetch(`${samle.baseUrl}/api/workshops/${workshop}/catalog/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(publish.status).toBe(403);
    expect(
      await json(await samle.asFacilitator(`/api/workshops/${workshop}/catalog/publish`, { body: {} })),
    ).toMatchObject({
      ideas: 1,
    });
    await until(before.doc, (doc) => readPublished(doc) !== null);
    const [idea] = readPublished(before.doc)?.ideas ?? [];
    expect(idea).toMatchObject({ title: 'Én indgang', assessment: { decision: 'start_now', rank: 1 } });
    expect(idea?.provenance.map((s) => [s.noteId, s.boardId])).toEqual([['n1', t1.boardId]]);
    await json(
      await assess(dorthe.token, {
        decision: 'on_hold',
        rationale: 'Kræver en ny telefonløsning',
        owner: 'Borgerservice',
      }),
    );
    expect(readPublished(before.doc)?.ideas[0]?.assessment?.decision).toBe('start_now');

    // Exports for the council case: decision, rationale, timeline and sources in every format.
    const exportAs = (format: string, token = dorthe.token) =>
      fetch(`${samle.baseUrl}/api/workshops/${workshop}/catalog/export.${format}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await exportAs('md', a.token)).status).toBe(403);
    const markdown = await (await exportAs('md')).text();
    for (const expected of [
      '### Én indgang',
      'Afventer',
      'Kræver en ny telefonløsning',
      'februar 2027 – juni 2027',
      '“Én indgang”',
    ]) {
      expect(markdown).toContain(expected);
    }
    const csv = await (await exportAs('csv')).text();
    // Semicolons and Danish headers, so Danish Excel opens it in columns.
    expect(
      csv
        .replace(/^\ufeff/, '')
        .split('\r\n')[0]
        ?.split(';')
        .slice(0, 6),
    ).toEqual(['Prioritet', 'Idé', 'Beslutning', 'Begrundelse', 'Tidsplan', 'Ansvarlig']);
    const docx = new Uint8Array(await (await exportAs('docx')).arrayBuffer());
    const body = strFromU8(unzipSync(docx)['word/document.xml'] ?? new Uint8Array());
    for (const expected of [
      'Én indgang',
      'Afventer',
      'Kræver en ny telefonløsning',
      'Borgerservice',
      'Medarbejderdag 1',
    ]) {
      expect(body).toContain(expected);
    }
  });
});
