import {
  assessmentsDocId,
  catalogDocId,
  ideaDocId,
  ideaOrder,
  ideasOf,
  notesOf,
  readAssessments,
  readIdeas,
  readMergedFrom,
  readNotes,
  type SourceStatus,
} from '@samle/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  call,
  connect,
  fx,
  gatheredIdeas,
  invited,
  paragraphs,
  restartSamle,
  samle,
  stranger,
  useCatalogSuite,
  writeParagraph,
} from './support/catalogSuite.js';
import { synced, until } from './support/stockClient.js';
import { useFileDatabase } from './support/testScope.js';
import { json } from './support/workshopFixture.js';

useCatalogSuite();

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
  const database = useFileDatabase('catalog commands under pressure');
  beforeEach(async () => {
    await restartSamle({ storage: await database().openStorage() });
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
