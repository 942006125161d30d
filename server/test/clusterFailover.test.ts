import { spawnSync } from 'node:child_process';
import { CloseCode, createNote, readNotes } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { PrivatePostgres, sharedSecret, startInstance, testRedisUrl, uniquePrefix } from './support/cluster.js';
import { notesOf, useProcessCluster } from './support/processCluster.js';
import { createBoard, facilitatorCookie, killHard, mintWriteToken, serverMain } from './support/processes.js';
import type { RunningSamle } from './support/samleServer.js';
import { nextClose, type StockClient, stockClient, synced, until } from './support/stockClient.js';

const cluster = useProcessCluster();

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
  cluster.defer(() => c.destroy());
  return c;
}

/**
 * Waits for `wait`, but not past `ms`: then fails with `label` and what `state()` says, so a
 * run that hangs (seen once in CI, on Node 24) tells from the log which step stalled and why.
 */
async function within<T>(ms: number, label: string, state: () => string, wait: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`stalled ${ms} ms at: ${label}\n${state()}`)), ms);
  });
  try {
    return await Promise.race([wait, stalled]);
  } finally {
    clearTimeout(timer);
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
      env: { ...process.env, PORT: '0', REDIS_URL: testRedisUrl, DATABASE_URL: cluster.db().url, SAMLE_SECRET: '' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('REDIS_URL is set without SAMLE_SECRET');
  });
});

describe('several instances: failures', () => {
  it('kill -9 of one instance under write load: its clients move to the other, and no update any client saw is lost', async () => {
    const env = cluster.sharedEnv();
    const a = await cluster.start(env);
    const b = await cluster.start(env);
    const cookie = await facilitatorCookie(a.baseUrl, {
      name: 'Failover',
      email: 'failover@example.dk',
      password: 'a long enough password',
    });
    // The board is created through B with the session cookie from A: both read one database.
    const boardId = await createBoard(b.baseUrl, cookie, 'Failover');
    const token = mintWriteToken(env, boardId);

    const urls = [a.wsUrl, b.wsUrl];
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
    // Each client's connection and what it lacks of what was written, for a stalled step's message.
    const state = () =>
      clients
        .map((client, index) => {
          const has = new Set(readNotes(client.doc).map((note) => note.id));
          const missing = [...written].filter((id) => !has.has(id));
          const on = client.provider.serverUrl === urls[1] ? 'B' : 'A';
          return `client ${index} on ${on} connected=${client.provider.wsconnected} synced=${client.provider.synced} notes=${has.size}/${written.size} missing=${missing.slice(0, 8).join(',')}`;
        })
        .join('\n');
    // Let fan-out run across both instances, then kill A in the middle of the burst.
    const fromB = clients[1];
    if (!fromB) throw new Error('clients');
    await within(
      20_000,
      'fan-out before the kill',
      state,
      until(fromB.doc, (doc) => readNotes(doc).filter((note) => note.id.startsWith('w0-')).length >= 20),
    );
    await killHard(a.child);
    // What each client had received from others at the moment of the kill.
    const seenAtKill = clients.map((client, index) =>
      notesOf(client.doc).filter((entry) => !entry.startsWith(`w${index}-`)),
    );
    // Clients of A keep writing while they reconnect to B.
    const moved = clients.filter((_, i) => i % 2 === 0);
    await within(
      20_000,
      "A's clients turning to B",
      state,
      Promise.all(moved.map((client) => until(client.doc, () => client.provider.serverUrl === urls[1]))),
    );
    await within(20_000, "A's clients synced on B", state, Promise.all(moved.map(connectedAndSynced)));
    for (const writer of writers) clearInterval(writer);

    // Everyone converges on everything anyone wrote.
    await within(15_000, 'every client synced', state, Promise.all(clients.map(connectedAndSynced)));
    await within(
      20_000,
      'every client holding every note',
      state,
      Promise.all(clients.map((client) => until(client.doc, (doc) => readNotes(doc).length === written.size))),
    );
    const expected = notesOf(clients[0]?.doc as Y.Doc);
    for (const client of clients) expect(notesOf(client.doc)).toEqual(expected);

    // A fresh load from PostgreSQL has every note every client saw, before the kill and after.
    const stored = await cluster.storedNotes(boardId);
    expect(stored).toEqual(expected);
    for (const seen of seenAtKill) for (const entry of seen) expect(stored).toContain(entry);
    expect(seenAtKill.flat().length).toBeGreaterThan(50);
  }, 90_000);

  it('PostgreSQL down: nothing unstored is relayed, the writer is told to reconnect (4501), nothing is lost when it returns', async () => {
    const pg = await PrivatePostgres.create();
    cluster.defer(() => pg.destroy());
    const options = {
      databaseUrl: pg.url,
      schema: 'samle',
      redisUrl: testRedisUrl,
      prefix: uniquePrefix(),
      secret: sharedSecret(),
    };
    const a: RunningSamle = await startInstance(options);
    cluster.defer(() => a.stop());
    const b: RunningSamle = await startInstance(options);
    cluster.defer(() => b.stop());
    const board = await a.createBoard('Uden database');
    const token = await a.tokenFor(board.id, 'write');
    const alice = stockClient(a.wsUrl, board.id, { token });
    const bob = stockClient(b.wsUrl, board.id, { token });
    cluster.defer(() => alice.destroy());
    cluster.defer(() => bob.destroy());
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
    expect(await cluster.storedNotes(board.id, { url: pg.url, schema: 'samle' })).toEqual(notesOf(alice.doc));
  }, 90_000);
});
