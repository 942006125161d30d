import { CloseCode, createNote, DESCRIPTION_ROOT, draftDocId, ideaDocId, notesOf, readNotes } from '@samle/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { invitedLeader, nestMaps } from './support/hostileClient.js';
import { type RunningSamle, startSamle } from './support/samleServer.js';
import { nextClose, type StockClient, stockClient, synced, until } from './support/stockClient.js';
import { json, storedBytes, type WorkshopFixture, workshopWithTables } from './support/workshopFixture.js';

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

const DEPTH = 20_000;

/**
 * A writer puts a note on `docId`, then a second connection nests DEPTH maps into it. The nested
 * update is refused (4422) and nothing of it is stored; the doc still opens and the note can be deleted.
 */
async function refusesDeepNote(docId: string, token: string): Promise<void> {
  const writer = connect(docId, token);
  await synced(writer);
  createNote(writer.doc, { id: 'host', x: 0, y: 0, text: 'vært', createdAt: 1 });
  const attacker = connect(docId, token);
  await until(attacker.doc, (doc) => notesOf(doc).has('host'));
  const stored = storedBytes(samle.dataDir, docId);

  const refused = nextClose(attacker);
  const host = notesOf(attacker.doc).get('host');
  if (!host) throw new Error('no host note');
  nestMaps(attacker.doc, host, 'deep', DEPTH);
  expect((await refused).code).toBe(CloseCode.PolicyViolation);
  expect(storedBytes(samle.dataDir, docId)).toBe(stored);

  const fresh = connect(docId, token);
  await synced(fresh);
  expect(notesOf(fresh.doc).get('host')?.has('deep')).toBe(false);
  notesOf(fresh.doc).delete('host');
  const witness = connect(docId, token);
  await synced(witness);
  await until(witness.doc, (doc) => !notesOf(doc).has('host'));
}

describe(`a map nested ${DEPTH.toLocaleString('en')} deep`, () => {
  it('is refused on a board: nothing is stored, the board opens, and its note can still be deleted', async () => {
    const [table] = fx.tables;
    const member = table?.members[0];
    if (!table || !member) throw new Error('fixture without a table');
    await refusesDeepNote(table.boardId, member.token);
  });

  it('is refused on a private-writing draft', async () => {
    const [ada] = fx.participants;
    if (!ada) throw new Error('no participant');
    await refusesDeepNote(draftDocId(fx.plenumBoardId, ada.person.id), ada.token);
  });

  it("is refused on an idea's description, which still opens and takes text", async () => {
    const [table] = fx.tables;
    const member = table?.members[0];
    if (!table || !member) throw new Error('fixture without a table');
    const board = connect(table.boardId, member.token);
    await synced(board);
    createNote(board.doc, { id: 'n1', x: 0, y: 0, text: 'Én indgang', createdAt: 1 });
    await until(connect(table.boardId, member.token).doc, (doc) => readNotes(doc).length === 1);
    const workshop = fx.detail.workshop.id;
    const { ideaId } = await json<{ ideaId: string }>(
      await samle.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, {
        body: { title: 'Én indgang', sources: [{ boardId: table.boardId, noteIds: ['n1'] }] },
      }),
      201,
    );
    const leader = await invitedLeader(samle, workshop, 'Direktør Dorthe');
    const docId = ideaDocId(workshop, ideaId);
    const attacker = connect(docId, leader.token);
    await synced(attacker);
    const stored = storedBytes(samle.dataDir, docId);
    const refused = nextClose(attacker);
    // Blocks inside blocks: each level on its own is something the description allows.
    const root = attacker.doc.get(DESCRIPTION_ROOT, Y.XmlText) as Y.XmlText;
    attacker.doc.transact(() => {
      let level = root;
      for (let i = 0; i < DEPTH; i++) {
        const child = new Y.XmlText();
        level.insertEmbed(0, child);
        level = child;
      }
    });
    expect((await refused).code).toBe(CloseCode.PolicyViolation);
    expect(storedBytes(samle.dataDir, docId)).toBe(stored);

    const editor = connect(docId, leader.token);
    await synced(editor);
    const fresh = editor.doc.get(DESCRIPTION_ROOT, Y.XmlText) as Y.XmlText;
    expect(fresh.length).toBe(0);
    const paragraph = new Y.XmlText();
    fresh.insertEmbed(0, paragraph);
    paragraph.setAttribute('__type', 'paragraph');
    paragraph.insert(0, 'Svar inden 24 timer');
    const witness = connect(docId, leader.token);
    await until(witness.doc, (doc) => (doc.get(DESCRIPTION_ROOT, Y.XmlText) as Y.XmlText).length === 1);
  });

  it("is refused (4422) when an idea description's node carries a property Lexical does not write", async () => {
    const [table] = fx.tables;
    const member = table?.members[0];
    if (!table || !member) throw new Error('fixture without a table');
    const board = connect(table.boardId, member.token);
    await synced(board);
    createNote(board.doc, { id: 'n1', x: 0, y: 0, text: 'Én indgang', createdAt: 1 });
    await until(connect(table.boardId, member.token).doc, (doc) => readNotes(doc).length === 1);
    const workshop = fx.detail.workshop.id;
    const { ideaId } = await json<{ ideaId: string }>(
      await samle.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, {
        body: { title: 'Én indgang', sources: [{ boardId: table.boardId, noteIds: ['n1'] }] },
      }),
      201,
    );
    const leader = await invitedLeader(samle, workshop, 'Direktør Dorthe');
    const attacker = connect(ideaDocId(workshop, ideaId), leader.token);
    await synced(attacker);
    const refused = nextClose(attacker);
    const root = attacker.doc.get(DESCRIPTION_ROOT, Y.XmlText) as Y.XmlText;
    attacker.doc.transact(() => {
      const paragraph = new Y.XmlText();
      root.insertEmbed(0, paragraph);
      paragraph.setAttribute('__type', 'paragraph');
      paragraph.setAttribute('__proto__', 'x' as never);
    });
    expect((await refused).code).toBe(CloseCode.PolicyViolation);
  });
});
