import fs from 'node:fs';
import path from 'node:path';
import { catalogDocId, createNote, type Grant, readIdeas, readNotes } from '@samle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { samleCli } from './support/cliIo.js';
import { type RunningSamle, startSamle, tempDataDir } from './support/samleServer.js';
import { type StockClient, stockClient, synced, until } from './support/stockClient.js';
import { json, workshopWithTables } from './support/workshopFixture.js';

const running: RunningSamle[] = [];
const clients: StockClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of running.splice(0)) await s.stop();
});

async function start(dataDir?: string): Promise<RunningSamle> {
  const samle = await startSamle(dataDir ? { dataDir } : {});
  running.push(samle);
  return samle;
}

async function open(samle: RunningSamle, docId: string, token: string): Promise<StockClient> {
  const c = stockClient(samle.wsUrl, docId, { token });
  clients.push(c);
  await synced(c);
  return c;
}

const notesOf = (doc: Y.Doc) =>
  readNotes(doc)
    .map((n) => `${n.id}=${n.text}`)
    .sort();
const ideasOf = (doc: Y.Doc) => JSON.stringify(readIdeas(doc));

describe('samle backup and restore', () => {
  it('a backup taken while clients write restores to a server with the same boards and catalog, where old grants work', async () => {
    const original = await start();
    const fx = await workshopWithTables(original);
    const [table] = fx.tables;
    const ada = table?.members[0];
    if (!table || !ada) throw new Error('fixture without a table');
    const workshop = fx.detail.workshop.id;

    // Before the backup: notes on a table board, two of them gathered into the catalog.
    const writer = await open(original, table.boardId, ada.token);
    const witness = await open(original, table.boardId, ada.token);
    for (let i = 0; i < 5; i++)
      createNote(writer.doc, { id: `before-${i}`, x: i * 10, y: 0, text: `Idé ${i}`, createdAt: Date.now() });
    await until(witness.doc, (doc) => readNotes(doc).length === 5);
    await json(
      await original.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, {
        body: { title: 'Én indgang', sources: [{ boardId: table.boardId, noteIds: ['before-0', 'before-1'] }] },
      }),
      201,
    );
    // A leader reads the catalog with the grant their invite gave them.
    const invite = await json<{ path: string }>(
      await original.asFacilitator(`/api/workshops/${workshop}/invites`, { body: { role: 'leader' } }),
      201,
    );
    const leader = await json<Grant>(
      await fetch(`${original.baseUrl}/api/invites/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ invite: invite.path.replace('/invite/', ''), name: 'Direktør Dorthe' }),
      }),
      201,
    );
    const catalogToken = leader.token;
    const catalog = await open(original, catalogDocId(workshop), catalogToken);
    await until(catalog.doc, (doc) => readIdeas(doc).length === 1);

    // Ada keeps writing, one note after another as each comes back stored, while the backup runs.
    let writing = true;
    let written = 0;
    const keepWriting = (async () => {
      while (writing) {
        const id = `during-${written}`;
        createNote(writer.doc, { id, x: 0, y: 100, text: `Skrevet under backup ${written}`, createdAt: Date.now() });
        await until(witness.doc, (doc) => readNotes(doc).some((n) => n.id === id));
        written += 1;
      }
    })();
    await until(witness.doc, (doc) => readNotes(doc).some((n) => n.id === 'during-2'));
    const folder = path.join(tempDataDir(), 'backup');
    const taken = await samleCli(['backup', `--to=${folder}`], { SAMLE_DATA_DIR: original.dataDir });
    writing = false;
    await keepWriting;
    expect(taken.code, taken.err).toBe(0);
    expect(fs.readdirSync(folder).sort()).toEqual(['backup.json', 'samle.sqlite', 'signing.key']);
    expect(fs.statSync(path.join(folder, 'signing.key')).mode & 0o077).toBe(0);

    // Restore into a new data folder and start a server on it.
    const restoredDir = tempDataDir();
    const restoring = await samleCli(['restore', `--from=${folder}`], { SAMLE_DATA_DIR: restoredDir });
    expect(restoring.code, restoring.err).toBe(0);
    const restored = await start(restoredDir);

    // Ada's grant from before the backup opens her board there (stock client, old token).
    const board = await open(restored, table.boardId, ada.token);
    const restoredNotes = notesOf(board.doc);
    const finalNotes = notesOf(witness.doc);
    // A consistent state: everything from before the backup, nothing that was never written,
    // and the notes written during it only as whole notes in the order they were stored.
    for (let i = 0; i < 5; i++) expect(restoredNotes).toContain(`before-${i}=Idé ${i}`);
    for (const note of restoredNotes) expect(finalNotes).toContain(note);
    const during = restoredNotes.filter((n) => n.startsWith('during-')).length;
    expect(during).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < during; i++) expect(restoredNotes).toContain(`during-${i}=Skrevet under backup ${i}`);

    // The catalog is the same, read with the leader's grant from before the backup.
    const restoredCatalog = await open(restored, catalogDocId(workshop), catalogToken);
    expect(ideasOf(restoredCatalog.doc)).toBe(ideasOf(catalog.doc));

    // Old grants still write, and the facilitator's session from before still holds.
    const mate = await open(restored, table.boardId, ada.token);
    createNote(board.doc, { id: 'after-restore', x: 0, y: 200, text: 'Efter gendannelsen', createdAt: Date.now() });
    await until(mate.doc, (doc) => readNotes(doc).some((n) => n.id === 'after-restore'));
    const me = await fetch(`${restored.baseUrl}/api/auth/me`, {
      headers: { cookie: await original.facilitatorCookie() },
    });
    expect(((await me.json()) as { facilitator: { email: string } | null }).facilitator?.email).toBe(
      'freja@example.dk',
    );
  });

  it('a backup of a quiet server restores to exactly the same boards', async () => {
    const original = await start();
    const fx = await workshopWithTables(original);
    const [table] = fx.tables;
    const ada = table?.members[0];
    if (!table || !ada) throw new Error('fixture without a table');
    const writer = await open(original, table.boardId, ada.token);
    for (let i = 0; i < 20; i++)
      createNote(writer.doc, { id: `n${i}`, x: i, y: i, text: `Note ${i}`, createdAt: Date.now() });
    const witness = await open(original, table.boardId, ada.token);
    await until(witness.doc, (doc) => readNotes(doc).length === 20);

    const folder = path.join(tempDataDir(), 'backup');
    expect((await samleCli(['backup', `--to=${folder}`], { SAMLE_DATA_DIR: original.dataDir })).code).toBe(0);
    const restoredDir = tempDataDir();
    expect((await samleCli(['restore', `--from=${folder}`], { SAMLE_DATA_DIR: restoredDir })).code).toBe(0);
    const restored = await start(restoredDir);
    const board = await open(restored, table.boardId, ada.token);
    expect(notesOf(board.doc)).toEqual(notesOf(witness.doc));
  });

  it('refuses to back up into a folder that is not empty, to restore over a database or from a damaged backup', async () => {
    const original = await start();
    await original.facilitatorCookie();
    const notEmpty = tempDataDir();
    fs.writeFileSync(path.join(notEmpty, 'something'), 'x');
    const refused = await samleCli(['backup', `--to=${notEmpty}`], { SAMLE_DATA_DIR: original.dataDir });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('not empty');

    const folder = path.join(tempDataDir(), 'backup');
    expect((await samleCli(['backup', `--to=${folder}`], { SAMLE_DATA_DIR: original.dataDir })).code).toBe(0);
    const over = await samleCli(['restore', `--from=${folder}`], { SAMLE_DATA_DIR: original.dataDir });
    expect(over.code).toBe(1);
    expect(over.err).toContain('exists');

    const copy = path.join(folder, 'samle.sqlite');
    const bytes = fs.readFileSync(copy);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    fs.writeFileSync(copy, bytes);
    const target = tempDataDir();
    const damaged = await samleCli(['restore', `--from=${folder}`], { SAMLE_DATA_DIR: target });
    expect(damaged.code).toBe(1);
    expect(damaged.err).toContain('damaged');
    expect(fs.existsSync(path.join(target, 'samle.sqlite'))).toBe(false);

    // A backup from a newer Samle (a higher schema version than this one knows) is not restored by this one.
    const newer = path.join(tempDataDir(), 'newer');
    expect((await samleCli(['backup', `--to=${newer}`], { SAMLE_DATA_DIR: original.dataDir })).code).toBe(0);
    const manifestFile = path.join(newer, 'backup.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { schemaVersion: number };
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, schemaVersion: 9999 }));
    const fromNewer = await samleCli(['restore', `--from=${newer}`], { SAMLE_DATA_DIR: tempDataDir() });
    expect(fromNewer.code).toBe(1);
    expect(fromNewer.err).toContain('from a newer Samle (schema 9999');

    expect((await samleCli(['backup'], { SAMLE_DATA_DIR: original.dataDir })).code).toBe(2);
    expect((await samleCli(['restore', `--from=${notEmpty}`], { SAMLE_DATA_DIR: tempDataDir() })).code).toBe(1);
  });

  it('with PostgreSQL says which pg_dump and pg_restore to run (exit 3)', async () => {
    const env = { DATABASE_URL: 'postgres://samle@db.internal:5432/samle', SAMLE_DATABASE_SCHEMA: 'samle' };
    const dump = await samleCli(['backup', '--to=/tmp/unused'], env);
    expect(dump.code).toBe(3);
    expect(dump.out).toContain('pg_dump --format=custom');
    expect(dump.out).toContain('--schema=samle');
    const back = await samleCli(['restore', '--from=/tmp/unused'], env);
    expect(back.code).toBe(3);
    expect(back.out).toContain('pg_restore');
  });
});
