import { CloseCode, createNote, isRetryableClose, metaOf, notesOf, readBoardMeta, readNotes } from '@samle/shared';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { asPerson, facilitatorClient } from './support/hostileClient.js';
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

function people() {
  const [ada, bo] = fx.participants;
  if (!ada || !bo) throw new Error('fixture without participants');
  return { ada, bo };
}

async function makeAnonymous(boardId: string): Promise<void> {
  await json(await samle.asFacilitator(`/api/boards/${boardId}/settings`, { body: { anonymous: true } }));
}

const noteIds = (doc: Y.Doc) => readNotes(doc).map((n) => n.id);

/** Every stored byte of a doc (log and snapshot) as text. */
function storedText(docId: string): string {
  const stored = JSON.parse(storedBytes(samle.dataDir, docId)) as { updates: [number, string][]; snapshot: string };
  const parts = [...stored.updates.map(([, data]) => data), ...(stored.snapshot ? [stored.snapshot] : [])];
  return parts.map((data) => Buffer.from(data, 'base64').toString('utf8')).join('\n');
}

describe('anonymity is held by the server', () => {
  it("refuses (4422) a participant's update turning the anonymous flag off; shares and exports stay unsigned", async () => {
    const { ada } = people();
    const board = fx.plenumBoardId;
    await makeAnonymous(board);
    const attacker = connect(board, ada.token);
    await synced(attacker);
    const refused = nextClose(attacker);
    metaOf(attacker.doc).set('anonymous', false);
    expect((await refused).code).toBe(CloseCode.PolicyViolation);

    // Everyone else still reads an anonymous board, and the server's commands do not sign.
    const witness = connect(board, ada.token);
    await synced(witness);
    expect(readBoardMeta(witness.doc).anonymous).toBe(true);
    const shared = await json<{ noteId: string }>(
      await asPerson(samle, ada.token, `/api/boards/${board}/share`, { text: 'Min idé', anonymous: false }),
      201,
    );
    await until(witness.doc, (doc) => notesOf(doc).has(shared.noteId));
    expect(readNotes(witness.doc).find((n) => n.id === shared.noteId)).toMatchObject({
      text: 'Min idé',
      authorName: undefined,
      authorId: undefined,
    });
    const workshop = fx.detail.workshop.id;
    await json(
      await samle.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, {
        body: { title: 'Idéen', sources: [{ boardId: board, noteIds: [shared.noteId] }] },
      }),
      201,
    );
    const markdown = await (await samle.asFacilitator(`/api/workshops/${workshop}/catalog/export.md`)).text();
    expect(markdown).toContain('Min idé');
    expect(markdown).not.toContain(ada.person.name);
  });

  it('refuses (4422) an author written back onto a note whose author was removed', async () => {
    const { ada } = people();
    const board = fx.plenumBoardId;
    const writer = connect(board, ada.token);
    await synced(writer);
    createNote(writer.doc, { id: 'signed', x: 0, y: 0, text: 'med navn', authorName: 'Ada Signeret', createdAt: 1 });
    const witness = connect(board, ada.token);
    await until(witness.doc, (doc) => notesOf(doc).has('signed'));
    await makeAnonymous(board);
    await until(witness.doc, (doc) => notesOf(doc).get('signed')?.get('authorName') === undefined);

    const again = connect(board, ada.token);
    await until(again.doc, (doc) => readBoardMeta(doc).anonymous && notesOf(doc).has('signed'));
    const refused = nextClose(again);
    // The new entry's left neighbour is the removed author, so its bytes do not name the key.
    notesOf(again.doc).get('signed')?.set('authorName', 'Ada Signeret');
    expect((await refused).code).toBe(CloseCode.PolicyViolation);
    const fresh = connect(board, ada.token);
    await synced(fresh);
    expect(readNotes(fresh.doc).find((n) => n.id === 'signed')?.authorName).toBeUndefined();
    expect(storedText(board)).not.toContain('Ada Signeret');
  });
});

describe('mass deletion of others’ notes', () => {
  async function boardWithNotesOf(token: string, count: number): Promise<string[]> {
    const author = connect(fx.plenumBoardId, token);
    await synced(author);
    const ids = Array.from({ length: count }, (_, i) => `bo-${i}`);
    author.doc.transact(() => {
      for (const id of ids) createNote(author.doc, { id, x: 0, y: 0, text: id, createdAt: 1 });
    });
    return ids;
  }

  it('refuses (4423) a participant deleting more than ten notes of others at once, and stores none of it', async () => {
    const { ada, bo } = people();
    const ids = await boardWithNotesOf(bo.token, 12);
    const wiper = connect(fx.plenumBoardId, ada.token);
    await until(wiper.doc, (doc) => ids.every((id) => notesOf(doc).has(id)));
    const refused = nextClose(wiper);
    wiper.doc.transact(() => {
      for (const id of ids) notesOf(wiper.doc).delete(id);
    });
    expect((await refused).code).toBe(CloseCode.ForeignDeletesRefused);
    const fresh = connect(fx.plenumBoardId, bo.token);
    await synced(fresh);
    expect(noteIds(fresh.doc)).toEqual(expect.arrayContaining(ids));
  });

  it('lets a participant delete their own notes, and the facilitator clear the board', async () => {
    const { ada, bo } = people();
    const theirs = await boardWithNotesOf(bo.token, 12);
    const own = connect(fx.plenumBoardId, ada.token);
    await synced(own);
    const mine = Array.from({ length: 12 }, (_, i) => `ada-${i}`);
    own.doc.transact(() => {
      for (const id of mine) createNote(own.doc, { id, x: 0, y: 0, text: id, createdAt: 2 });
    });
    const witness = connect(fx.plenumBoardId, bo.token);
    await until(witness.doc, (doc) => [...theirs, ...mine].every((id) => notesOf(doc).has(id)));
    own.doc.transact(() => {
      for (const id of mine) notesOf(own.doc).delete(id);
    });
    await until(witness.doc, (doc) => mine.every((id) => !notesOf(doc).has(id)));

    const facilitator = await facilitatorClient(samle, fx.plenumBoardId);
    clients.push(facilitator);
    await until(facilitator.doc, (doc) => theirs.every((id) => notesOf(doc).has(id)));
    facilitator.doc.transact(() => {
      for (const id of theirs) notesOf(facilitator.doc).delete(id);
    });
    await until(witness.doc, (doc) => notesOf(doc).size === 0);
    expect(own.provider.wsconnected && facilitator.provider.wsconnected).toBe(true);
  });
});

describe('an update that builds on changes the server lacks', () => {
  it('is refused with 4505, after which a stock client reconnects, and its sync brings what was missing', async () => {
    const { ada } = people();
    const client = connect(fx.plenumBoardId, ada.token);
    await synced(client);
    // What another instance stored and sent this client before it died: the server never saw `base`.
    const elsewhere = new Y.Doc();
    createNote(elsewhere, { id: 'base', x: 0, y: 0, createdAt: 1 });
    const before = Y.encodeStateVector(elsewhere);
    createNote(elsewhere, { id: 'dependent', x: 1, y: 0, createdAt: 2 });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(elsewhere, before));
    const closed = nextClose(client);
    client.provider.ws?.send(encoding.toUint8Array(encoder));
    const { code } = await closed;
    expect(code).toBe(CloseCode.MissingDependencies);
    expect(isRetryableClose(code)).toBe(true);

    // The client now holds both changes; the provider reconnects by itself and its sync sends them.
    Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(elsewhere));
    const witness = connect(fx.plenumBoardId, ada.token);
    await until(witness.doc, (doc) => noteIds(doc).includes('base') && noteIds(doc).includes('dependent'));
    expect(client.provider.shouldConnect).toBe(true);
  });
});
