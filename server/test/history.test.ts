import path from 'node:path';
import {
  type BoardHistory,
  createNote,
  type Grant,
  type HistoryPreview,
  notesOf,
  noteText,
  questionsDocId,
  type RestoreResult,
} from '@samle/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { SqliteDatabase } from '../src/storage/sqlite/sqliteDriver.js';
import { firstSync } from './support/rawSync.js';
import { type RunningSamle, startSamle, tempDataDir } from './support/samleServer.js';
import { type StockClient, stockClient, synced, until } from './support/stockClient.js';
import { json, type WorkshopFixture, workshopWithTables } from './support/workshopFixture.js';

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
  const client = stockClient(samle.wsUrl, docId, { token });
  clients.push(client);
  return client;
}

const as = (token: string, path: string, body?: unknown) => samle.asBearer(token, path, body);

const texts = (doc: Y.Doc) =>
  [...notesOf(doc).values()].map((note) => noteText(note)?.toString() ?? '').sort((a, b) => a.localeCompare(b));

function participant(index: number): Grant {
  const grant = fx.participants[index];
  if (!grant) throw new Error('fixture without that participant');
  return grant;
}

/** A plenum board with three notes written by a participant, and a snapshot of it in the history. */
async function boardWithNotes(): Promise<{ boardId: string; writer: StockClient; watcher: StockClient }> {
  const boardId = fx.plenumBoardId;
  const writer = connect(boardId, participant(0).token);
  const watcher = connect(boardId, participant(1).token);
  await Promise.all([synced(writer), synced(watcher)]);
  for (const [i, text] of ['Kortere ventetid', 'Én indgang', 'Fælles kalender'].entries()) {
    createNote(writer.doc, { id: `note-${i}`, x: i * 220, y: 0, text, createdAt: Date.now() + i });
  }
  await until(watcher.doc, (doc) => notesOf(doc).size === 3);
  await samle.samle.relay.drain();
  // The snapshot waiting for its five minutes is taken now.
  await samle.samle.history.flush();
  return { boardId, writer, watcher };
}

async function historyOf(boardId: string): Promise<BoardHistory> {
  return json<BoardHistory>(await samle.asFacilitator(`/api/boards/${boardId}/history`));
}

describe('board history and restore', () => {
  it('brings back a board whose notes were all deleted, live for everyone connected', async () => {
    const { boardId, watcher } = await boardWithNotes();
    // Someone with write access wipes the board (an operator token: the mass-delete guard may ask first for a participant).
    const wiper = connect(boardId, await samle.tokenFor(boardId, 'write'));
    await synced(wiper);
    wiper.doc.transact(() => {
      for (const id of [...notesOf(wiper.doc).keys()]) notesOf(wiper.doc).delete(id);
    });
    await until(watcher.doc, (doc) => notesOf(doc).size === 0);

    const history = await historyOf(boardId);
    const before = history.snapshots.find((s) => s.noteCount === 3);
    expect(before, JSON.stringify(history)).toBeDefined();
    expect(before?.writerCount).toBeGreaterThanOrEqual(1);
    const preview = await json<HistoryPreview>(
      await samle.asFacilitator(`/api/boards/${boardId}/history/${before?.id}`),
    );
    expect(preview.notes.map((n) => [n.text, n.deletedSince])).toEqual([
      ['Kortere ventetid', true],
      ['Én indgang', true],
      ['Fælles kalender', true],
    ]);

    const result = await json<RestoreResult>(
      await samle.asFacilitator(`/api/boards/${boardId}/history/${before?.id}/restore`, { body: {} }),
    );
    expect(result).toMatchObject({ restored: 3, removed: 0 });
    await until(watcher.doc, (doc) => notesOf(doc).size === 3);
    expect(texts(watcher.doc)).toEqual(['Én indgang', 'Fælles kalender', 'Kortere ventetid']);

    // The restore can itself be undone: the board just before it (empty) is in the history.
    const undo = (await historyOf(boardId)).snapshots.find((s) => s.id === result.undoSnapshotId);
    expect(undo).toMatchObject({ noteCount: 0 });
    expect(result.undoTakenAt).toBe(undo?.takenAt);
  });

  it('restores nothing when the board cannot be saved first, so no restore is without its undo', async () => {
    const { boardId, watcher } = await boardWithNotes();
    const wiper = connect(boardId, await samle.tokenFor(boardId, 'write'));
    await synced(wiper);
    wiper.doc.transact(() => notesOf(wiper.doc).delete('note-0'));
    await until(watcher.doc, (doc) => notesOf(doc).size === 2);
    const snapshot = (await historyOf(boardId)).snapshots.find((s) => s.noteCount === 3);
    // The disk refuses new snapshots from now on (reads still work).
    const db = new SqliteDatabase(path.join(samle.dataDir, 'samle.sqlite'));
    db.exec(
      `CREATE TRIGGER refuse_snapshots BEFORE INSERT ON board_snapshots BEGIN SELECT RAISE(ABORT, 'disk full'); END;`,
    );
    db.close();

    const refused = await samle.asFacilitator(`/api/boards/${boardId}/history/${snapshot?.id}/restore`, { body: {} });
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { code: string }).code).toBe('HISTORY_UNAVAILABLE');
    expect(await samle.samle.relay.read(boardId, (doc) => notesOf(doc).size)).toBe(2);
  });

  it('puts one deleted note back and leaves the rest of the board as it is', async () => {
    const { boardId, writer, watcher } = await boardWithNotes();
    writer.doc.transact(() => notesOf(writer.doc).delete('note-1'));
    createNote(writer.doc, { id: 'note-new', x: 0, y: 400, text: 'Skrevet bagefter', createdAt: Date.now() });
    await until(watcher.doc, (doc) => notesOf(doc).size === 3 && !notesOf(doc).has('note-1'));
    await samle.samle.relay.drain();

    const snapshot = (await historyOf(boardId)).snapshots.find((s) => s.noteCount === 3);
    const path = `/api/boards/${boardId}/history/${snapshot?.id}`;
    const preview = await json<HistoryPreview>(await samle.asFacilitator(path));
    expect(preview.notes.filter((n) => n.deletedSince).map((n) => n.text)).toEqual(['Én indgang']);
    expect(preview.addedSince).toBe(1);

    await json(await samle.asFacilitator(`${path}/notes/note-1/restore`, { body: {} }));
    await until(watcher.doc, (doc) => notesOf(doc).has('note-1'));
    expect(texts(watcher.doc)).toEqual(['Én indgang', 'Fælles kalender', 'Kortere ventetid', 'Skrevet bagefter']);

    const again = await samle.asFacilitator(`${path}/notes/note-1/restore`, { body: {} });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('NOTE_ON_BOARD');
    const missing = await samle.asFacilitator(`${path}/notes/no-such-note/restore`, { body: {} });
    expect(missing.status).toBe(404);
  });

  it('shows and restores history to the facilitator only', async () => {
    const { boardId } = await boardWithNotes();
    const snapshot = (await historyOf(boardId)).snapshots[0];
    const ada = participant(0);
    const list = await as(ada.token, `/api/boards/${boardId}/history`);
    expect(list.status).toBe(403);
    expect(((await list.json()) as { code: string }).code).toBe('FACILITATOR_ONLY');
    const restore = await as(ada.token, `/api/boards/${boardId}/history/${snapshot?.id}/restore`, {});
    expect(restore.status).toBe(403);
    const unknown = await samle.asFacilitator(`/api/boards/${boardId}/history/unknown-snapshot-id`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('SNAPSHOT_NOT_FOUND');
  });

  it('takes a snapshot before private writing is revealed and when the session ends', async () => {
    const { boardId, writer, watcher } = await boardWithNotes();
    createNote(writer.doc, { id: 'before-reveal', x: 0, y: 400, text: 'Før afsløring', createdAt: Date.now() });
    await until(watcher.doc, (doc) => notesOf(doc).has('before-reveal'));
    await samle.samle.relay.drain();
    await json(await samle.asFacilitator(`/api/boards/${boardId}/private-writing`, { body: { on: true } }));
    await json(await samle.asFacilitator(`/api/boards/${boardId}/private-writing`, { body: { on: false } }));
    createNote(writer.doc, { id: 'before-end', x: 0, y: 600, text: 'Før afslutning', createdAt: Date.now() });
    await until(watcher.doc, (doc) => notesOf(doc).has('before-end'));
    await samle.samle.relay.drain();
    await json(await samle.asFacilitator(`/api/sessions/${fx.sessionId}/end`, { body: {} }));

    const history = await historyOf(boardId);
    expect(history.snapshots.slice(0, 2).map((s) => [s.reason, s.noteCount])).toEqual([
      ['session-end', 5],
      ['reveal', 4],
    ]);
    // An archived board's history can be viewed but not restored.
    expect(history.archived).toBe(true);
    const refused = await samle.asFacilitator(`/api/boards/${boardId}/history/${history.snapshots[1]?.id}/restore`, {
      body: {},
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('BOARD_ARCHIVED');
  });
});

describe('board history and anonymity', () => {
  it("takes the names out of the board's snapshots when the board is made anonymous", async () => {
    const boardId = fx.plenumBoardId;
    const writer = connect(boardId, participant(0).token);
    const watcher = connect(boardId, participant(1).token);
    await Promise.all([synced(writer), synced(watcher)]);
    createNote(writer.doc, { id: 'named', x: 0, y: 0, text: 'Med navn', authorName: 'Ada-Navnesen', createdAt: 1 });
    await until(watcher.doc, (doc) => notesOf(doc).has('named'));
    await samle.samle.relay.drain();
    await samle.samle.history.flush();
    const name = Buffer.from('Ada-Navnesen');
    expect(snapshotBytes(samle.dataDir, boardId).some((bytes) => bytes.includes(name))).toBe(true);

    await json(await samle.asFacilitator(`/api/boards/${boardId}/settings`, { body: { anonymous: true } }));
    const stored = snapshotBytes(samle.dataDir, boardId);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((bytes) => bytes.includes(name))).toBe(false);
    // And a restore from the old version brings no name back onto the anonymous board.
    const oldest = (await historyOf(boardId)).snapshots.at(-1);
    await json(await samle.asFacilitator(`/api/boards/${boardId}/history/${oldest?.id}/restore`, { body: {} }));
    const reader = await firstSync(samle.wsUrl, boardId, participant(2).token);
    expect(reader.bytes.includes(Buffer.from('Med navn'))).toBe(true);
    expect(reader.bytes.includes(name)).toBe(false);
  });
});

/** Every stored snapshot of a board, as raw bytes (straight from the SQLite file). */
function snapshotBytes(dataDir: string, boardId: string): Buffer[] {
  const db = new SqliteDatabase(path.join(dataDir, 'samle.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('SELECT data FROM board_snapshots WHERE board_id = ?').all(boardId) as Array<{
      data: Buffer;
    }>;
    return rows.map((row) => row.data);
  } finally {
    db.close();
  }
}

describe('what readers are sent', () => {
  it("after compaction, a reader's first sync holds no deleted note's text", async () => {
    const dataDir = tempDataDir();
    await samle.stop();
    samle = await startSamle({ dataDir });
    const board = await samle.createBoard('Retro');
    const writer = connect(board.id, await samle.tokenFor(board.id, 'write'));
    const watcher = connect(board.id, await samle.tokenFor(board.id, 'read'));
    await Promise.all([synced(writer), synced(watcher)]);
    createNote(writer.doc, { id: 'gone', x: 0, y: 0, text: 'SLETTET-HEMMELIGHED', createdAt: 1 });
    createNote(writer.doc, { id: 'kept', x: 0, y: 0, text: 'Bliver stående', createdAt: 2 });
    await until(watcher.doc, (doc) => notesOf(doc).size === 2);
    writer.doc.transact(() => notesOf(writer.doc).delete('gone'));
    await until(watcher.doc, (doc) => notesOf(doc).size === 1);
    for (const c of clients.splice(0)) c.destroy();

    // A restart: the board is loaded from storage (snapshot plus log), then compacted.
    await samle.stop();
    samle = await startSamle({ dataDir });
    await samle.samle.relay.compactNow(board.id);

    const { bytes, update } = await firstSync(samle.wsUrl, board.id, await samle.tokenFor(board.id, 'read'));
    expect(bytes.includes(Buffer.from('Bliver stående'))).toBe(true);
    expect(bytes.includes(Buffer.from('SLETTET-HEMMELIGHED'))).toBe(false);
    expect(Buffer.from(update).includes(Buffer.from('SLETTET-HEMMELIGHED'))).toBe(false);
    // The compacted state on disk holds none of it either, so it stays out after the next restart.
    await samle.stop();
    samle = await startSamle({ dataDir });
    const again = await firstSync(samle.wsUrl, board.id, await samle.tokenFor(board.id, 'read'));
    expect(again.bytes.includes(Buffer.from('SLETTET-HEMMELIGHED'))).toBe(false);
  });

  it("a hidden question's text is not in the bytes a participant receives, and its author sees why", async () => {
    const ada = participant(0);
    const workshop = fx.detail.workshop.id;
    const { id } = await json<{ id: string }>(
      await as(ada.token, `/api/workshops/${workshop}/questions`, {
        kind: 'question',
        text: 'SKJULT-SPØRGSMÅL om lønninger',
        anonymous: true,
      }),
      201,
    );
    await json(
      await as(ada.token, `/api/workshops/${workshop}/questions`, {
        kind: 'question',
        text: 'Synligt',
        anonymous: true,
      }),
      201,
    );
    await json(await samle.asFacilitator(`/api/questions/${id}/hide`, { body: { reason: 'Personoplysninger' } }));

    const hidden = Buffer.from('SKJULT-SPØRGSMÅL');
    const live = await firstSync(samle.wsUrl, questionsDocId(workshop), participant(1).token);
    expect(live.bytes.includes(Buffer.from('Synligt'))).toBe(true);
    expect(live.bytes.includes(hidden)).toBe(false);

    // And after a restart, when the questions doc is read back from storage.
    const dataDir = samle.dataDir;
    await samle.stop();
    samle = await startSamle({ dataDir });
    const reloaded = await firstSync(samle.wsUrl, questionsDocId(workshop), participant(1).token);
    expect(reloaded.bytes.includes(Buffer.from('Synligt'))).toBe(true);
    expect(reloaded.bytes.includes(hidden)).toBe(false);

    const mine = await json<{ posts: Array<{ id: string; hiddenReason: string | null }> }>(
      await as(ada.token, `/api/workshops/${workshop}/questions/mine`),
    );
    expect(mine.posts.find((p) => p.id === id)?.hiddenReason).toBe('Personoplysninger');
  });
});
