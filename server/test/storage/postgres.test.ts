import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresStorage } from '../../src/storage/postgres/PostgresStorage.js';
import { postgresMigrations } from '../../src/storage/postgres/postgresMigrations.js';
import { sqliteMigrations } from '../../src/storage/sqlite/sqliteMigrations.js';
import { createTestDatabase } from '../support/postgres.js';
import { useFileDatabase } from '../support/testScope.js';
import { storageContract } from './contract.js';
import { docFrom, editor, metaUpdate, standaloneBoard, T0 } from './fixtures.js';

// A database of this file's own, dropped at the end. No PostgreSQL means every test here fails
// with the reason (none is skipped): CI starts the service, so a missing one is a broken setup.
const database = useFileDatabase('storage/postgres.test');

it('reaches PostgreSQL and creates a database of its own', () => {
  expect(database().name).toMatch(/^samle_test_[0-9a-f]{12}$/);
});

storageContract(() => database().openStorage());

describe('PostgreSQL adapter', () => {
  const opened: PostgresStorage[] = [];
  const clients: pg.Client[] = [];
  afterAll(async () => {
    for (const client of clients) await client.end();
    for (const storage of opened) await storage.close();
  });

  async function open(schema: string): Promise<PostgresStorage> {
    const storage = await PostgresStorage.open({ connectionString: database().url, schema });
    opened.push(storage);
    return storage;
  }

  async function rawClient(schema: string): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: database().url, options: `-c search_path=${schema}` });
    clients.push(client);
    await client.connect();
    return client;
  }

  it('runs the numbered migrations once, even when two instances start at the same moment', async () => {
    await Promise.all([open('race'), open('race'), open('race')]);
    const client = await rawClient('race');
    const first = await client.query('SELECT version, name, applied_at FROM schema_migrations ORDER BY version');
    expect(first.rows.map((row) => [row.version, row.name])).toEqual(
      postgresMigrations.map((m) => [m.version, m.name]),
    );
    // The same numbers as the SQLite migrations, so both adapters describe the same schema.
    expect(first.rows.map((row) => row.version)).toEqual(sqliteMigrations.map((m) => m.version));
    await open('race');
    const again = await client.query('SELECT version, name, applied_at FROM schema_migrations ORDER BY version');
    expect(again.rows).toEqual(first.rows);
  });

  it('loses no update that commits while a compaction runs, even with a lower sequence number', async () => {
    const storage = await open('late_commit');
    await storage.createBoard(standaloneBoard('b1', T0), metaUpdate('b1'));
    const early = editor(1);
    early.set('early', 'committed last');
    const late = editor(2);
    late.set('late', 'committed first');

    // Another instance's append takes its sequence number first and commits last.
    const other = await rawClient('late_commit');
    await other.query('BEGIN');
    await other.query('INSERT INTO doc_updates (doc_id, data) VALUES ($1, $2)', ['b1', early.updates[0]]);
    await storage.appendUpdates([{ docId: 'b1', update: late.updates[0] ?? new Uint8Array() }]);
    const result = await storage.compactDoc('b1', (parts) => Y.mergeUpdates(parts));
    expect(result?.mergedUpdates).toBe(2);
    await other.query('COMMIT');

    const stored = await storage.loadDoc('b1');
    expect(stored?.updates).toEqual([early.updates[0]]);
    const seqs = await other.query<{ seq: string; through_seq: string }>(
      'SELECT u.seq, s.through_seq FROM doc_updates u JOIN doc_snapshots s ON s.doc_id = u.doc_id',
    );
    expect(Number(seqs.rows[0]?.seq)).toBeLessThan(Number(seqs.rows[0]?.through_seq));
    expect(
      docFrom(stored ?? { snapshot: null, updates: [] })
        .getMap('notes')
        .toJSON(),
    ).toEqual({
      early: 'committed last',
      late: 'committed first',
    });
    expect((await storage.compactDoc('b1', (parts) => Y.mergeUpdates(parts)))?.mergedUpdates).toBe(1);
    expect((await storage.loadDoc('b1'))?.updates).toEqual([]);
  });

  it('lets concurrent compactions of one doc take turns: one merges, the other finds nothing', async () => {
    const [a, b] = [await open('twin_compaction'), await open('twin_compaction')];
    const author = editor(3);
    await a.createBoard(standaloneBoard('b1', T0), metaUpdate('b1'));
    for (let i = 0; i < 20; i++) author.set(`n${i}`, `${i}`);
    await a.appendUpdates(author.updates.map((update) => ({ docId: 'b1', update })));
    const merge = (parts: Uint8Array[]) => Y.mergeUpdates(parts);
    const results = await Promise.all([a.compactDoc('b1', merge), b.compactDoc('b1', merge)]);
    expect(results.filter((r) => r !== null).map((r) => r?.mergedUpdates)).toEqual([21]);
    const stored = await b.loadDoc('b1');
    expect(stored?.updates).toEqual([]);
    expect(
      docFrom(stored ?? { snapshot: null, updates: [] })
        .getMap('notes')
        .toJSON(),
    ).toEqual(author.doc.getMap('notes').toJSON());
  });

  it('refuses a schema name it would have to quote', async () => {
    await expect(
      PostgresStorage.open({ connectionString: database().url, schema: 'x; DROP TABLE docs' }),
    ).rejects.toThrow(/invalid PostgreSQL schema name/);
  });

  it('fails with a clear message when PostgreSQL is not reachable', async () => {
    await expect(createTestDatabase('postgres://postgres@127.0.0.1:1/postgres')).rejects.toThrow(
      /PostgreSQL is not reachable at postgres:\/\/postgres@127\.0\.0\.1:1\/postgres/,
    );
  });
});
