import {
  createCluster,
  createNote,
  DESCRIPTION_ROOT,
  type Grant,
  readNotes,
  setNoteCluster,
  type WorkshopDetail,
} from '@samle/shared';
import * as Y from 'yjs';
import { synced, until } from './stockClient.js';
import { join, json } from './workshopFixture.js';
import { connect, fx, samle, useWorkshopSuite } from './workshopSuite.js';

// What the catalog's server tests share: the workshop suite (support/workshopSuite.ts: a server per test,
// stock clients, invited people) and gathered ideas.
export { call, connect, fx, invited, restartSamle, samle } from './workshopSuite.js';
/** A fresh server with a workshop of two tables for every test of the calling file; clients end with it. */
export const useCatalogSuite = (): void => useWorkshopSuite();

/** Someone who took part in another workshop: not a member of this one. */
export async function stranger(): Promise<Grant> {
  const other = await json<WorkshopDetail>(
    await samle.asFacilitator('/api/workshops', { body: { title: 'Et andet forløb', template: 'municipal-process' } }),
    201,
  );
  const day = other.sessions.find((s) => s.kind === 'employee_day');
  if (!day?.joinCode) throw new Error('no employee day');
  await json(await samle.asFacilitator(`/api/sessions/${day.id}/open`, { body: {} }));
  return join(samle, day.joinCode, 'Fremmed');
}

export interface Gathered {
  workshop: string;
  /** From notes n1 (table 1, Ada) and n2 (table 2). */
  entry: string;
  /** From the cluster c1 on table 2 (n3, n4). */
  replies: string;
}

/** Notes on both tables, a theme on table 2, and two ideas gathered from them. */
export async function gatheredIdeas(): Promise<Gathered> {
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
export function writeParagraph(doc: Y.Doc, text: string): void {
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

export function paragraphs(doc: Y.Doc): string[] {
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
