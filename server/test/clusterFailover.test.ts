import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CloseCode, createNote, readNotes } from '@samle/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { PostgresStorage } from '../src/storage/postgres/PostgresStorage.js';
import {
  docFromStored,
  PrivatePostgres,
  sharedSecret,
  startInstance,
  testRedisUrl,
  uniquePrefix,
} from './support/cluster.js';
import { createTestDatabase, type TestDatabase } from './support/postgres.js';
import type { RunningSamle } from './support/samleServer.js';
import { nextClose, type StockClient, stockClient, synced, until } from './support/stockClient.js';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const serverMain = path.join(dist, 'main.js');
const cliMain = path.join(dist, 'cli.js');

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
}, 30_000);
afterAll(async () => {
  await db?.drop();
});

/** The built server as its own process, so it can really be killed with SIGKILL. */
function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; baseUrl: string }> {
  if (!fs.existsSync(serverMain)) throw new Error(`build the server first (pnpm build): ${serverMain}`);
  const child = spawn(process.execPath, [serverMain], {
    env: { ...process.env, PORT: '0', SAMLE_CLIENT_DIR: '', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => killHard(child));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+?)\/? /.exec(out);
      if (match?.[1]) resolve({ child, baseUrl: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before it was ready`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/**
 * A stock WebsocketProvider that, like a client given a list of instance URLs, moves on
 * to the next one every time its connection closes (the provider's own retry does the rest).
 */
function rotatingClient(wsUrls: string[], start: number, boardId: string, token: string): StockClient {
  let next = start;
  const c = stockClient(wsUrls[next % wsUrls.length] ?? '', boardId, { token });
  c.provider.on('connection-close', () => {
    next++;
    c.provider.serverUrl = wsUrls[next % wsUrls.length] ?? '';
  });
  cleanups.push(() => c.destroy());
  return c;
}

const notesOf = (doc: Y.Doc) =>
  readNotes(doc)
    .map((note) => `${note.id}=${note.text}`)
    .sort();

async function storedNotes(url: string, boardId: string, schema?: string): Promise<string[]> {
  const storage = await PostgresStorage.open({ connectionString: url, ...(schema ? { schema } : {}) });
  try {
    return notesOf(docFromStored(await storage.loadDoc(boardId)));
  } finally {
    await storage.close();
  }
}

function connectedAndSynced(client: StockClient): Promise<void> {
  if (client.provider.wsconnected && client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (!client.provider.wsconnected || !client.provider.synced) return;
      client.provider.off('sync', check);
      client.provider.off('status', check);
      resolve();
    };
    client.provider.on('sync', check);
    client.provider.on('status', check);
  });
}

describe('several instances: configuration', () => {
  it('refuses to start with REDIS_URL but no DATABASE_URL, saying why', () => {
    const run = spawnSync(process.execPath, [serverMain], {
      env: { ...process.env, PORT: '0', REDIS_URL: testRedisUrl, DATABASE_URL: '', SAMLE_SECRET: sharedSecret() },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('REDIS_URL is set without DATABASE_URL');
  });

  it('refuses to start with REDIS_URL but no shared SAMLE_SECRET', () => {
    const run = spawnSync(process.execPath, [serverMain], {
      env: { ...process.env, PORT: '0', REDIS_URL: testRedisUrl, DATABASE_URL: db.url, SAMLE_SECRET: '' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('REDIS_URL is set without SAMLE_SECRET');
  });
});

describe('several instances: failures', () => {
  it('kill -9 of one instance under write load: its clients move to the other, and no update any client saw is lost', async () => {
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl,
      SAMLE_REDIS_PREFIX: uniquePrefix(),
      SAMLE_SECRET: sharedSecret(),
    };
    const a = await startProcess(env);
    const b = await startProcess(env);
    const signup = await fetch(`${a.baseUrl}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Failover', email: 'failover@example.dk', password: 'a long enough password' }),
    });
    const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    // The board is created through A and the session cookie works on B: both read one database.
    const created = await fetch(`${b.baseUrl}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-samle-csrf': '1' },
      body: JSON.stringify({ title: 'Failover' }),
    });
    expect(created.status).toBe(201);
    const boardId = ((await created.json()) as { id: string }).id;
    const token = execFileSync(process.execPath, [cliMain, 'mint-token', `--doc=${boardId}`, '--access', 'write'], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();

    const urls = [a, b].map((instance) => `${instance.baseUrl.replace('http', 'ws')}/sync`);
    // Six clients, three starting on each instance.
    const clients = Array.from({ length: 6 }, (_, i) => rotatingClient(urls, i, boardId, token));
    await Promise.all(clients.map(synced));

    let seq = 0;
    const written = new Set<string>();
    const writers = clients.map((client, index) =>
      setInterval(() => {
        seq++;
        const id = `w${index}-${seq}`;
        written.add(id);
        createNote(client.doc, { id, x: seq, y: index, text: `t${seq}`, createdAt: seq });
      }, 2),
    );
    // Let fan-out run across both instances, then kill A in the middle of the burst.
    const fromB = clients[1];
    if (!fromB) throw new Error('clients');
    await until(fromB.doc, (doc) => readNotes(doc).filter((note) => note.id.startsWith('w0-')).length >= 20);
    await killHard(a.child);
    // What each client had received from others at the moment of the kill.
    const seenAtKill = clients.map((client, index) =>
      notesOf(client.doc).filter((entry) => !entry.startsWith(`w${index}-`)),
    );
    // Clients of A keep writing while they reconnect to B.
    const moved = clients.filter((_, i) => i % 2 === 0);
    await Promise.all(moved.map((client) => until(client.doc, () => client.provider.serverUrl === urls[1])));
    await Promise.all(moved.map(connectedAndSynced));
    for (const writer of writers) clearInterval(writer);

    // Everyone converges on everything anyone wrote.
    await Promise.all(clients.map(connectedAndSynced));
    await Promise.all(clients.map((client) => until(client.doc, (doc) => readNotes(doc).length === written.size)));
    const expected = notesOf(clients[0]?.doc as Y.Doc);
    for (const client of clients) expect(notesOf(client.doc)).toEqual(expected);

    // A fresh load from PostgreSQL has every note every client saw, before the kill and after.
    const stored = await storedNotes(db.url, boardId);
    expect(stored).toEqual(expected);
    for (const seen of seenAtKill) for (const entry of seen) expect(stored).toContain(entry);
    expect(seenAtKill.flat().length).toBeGreaterThan(50);
  }, 90_000);

  it('PostgreSQL down: nothing unstored is relayed, the writer is told to reconnect (4501), nothing is lost when it returns', async () => {
    const pg = await PrivatePostgres.create();
    cleanups.push(() => pg.destroy());
    const options = {
      databaseUrl: pg.url,
      schema: 'samle',
      redisUrl: testRedisUrl,
      prefix: uniquePrefix(),
      secret: sharedSecret(),
    };
    const a: RunningSamle = await startInstance(options);
    cleanups.push(() => a.stop());
    const b: RunningSamle = await startInstance(options);
    cleanups.push(() => b.stop());
    const board = await a.createBoard('Uden database');
    const token = await a.tokenFor(board.id, 'write');
    const alice = stockClient(a.wsUrl, board.id, { token });
    const bob = stockClient(b.wsUrl, board.id, { token });
    cleanups.push(
      () => alice.destroy(),
      () => bob.destroy(),
    );
    await Promise.all([synced(alice), synced(bob)]);
    createNote(alice.doc, { id: 'before', x: 0, y: 0, text: 'før', createdAt: 1 });
    await until(bob.doc, (doc) => notesOf(doc).includes('before=før'));

    pg.stop();
    const closed = nextClose(alice);
    createNote(alice.doc, { id: 'during', x: 1, y: 0, text: 'under', createdAt: 2 });
    // The store failed: the writer's connection is closed with the retryable code, and the
    // update went to nobody (B's client would have it by now if it had been relayed).
    expect((await closed).code).toBe(CloseCode.PersistFailed);
    expect(notesOf(bob.doc)).not.toContain('during=under');
    // While the database is away the client keeps trying ("reconnecting"): loads fail with 4500.
    expect((await nextClose(alice)).code).toBe(CloseCode.LoadFailed);

    await pg.start();
    await until(bob.doc, (doc) => notesOf(doc).includes('during=under'));
    await connectedAndSynced(alice);
    expect(notesOf(alice.doc)).toEqual(notesOf(bob.doc));
    await Promise.all([a.samle.relay.drain(), b.samle.relay.drain()]);
    expect(await storedNotes(pg.url, board.id, 'samle')).toEqual(notesOf(alice.doc));
  }, 90_000);
});
