import { CloseCode, createNote, notesOf, noteText, readNotes } from '@samle/shared';
import { describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { PrivateRedis } from './support/cluster.js';
import { metric, useInstanceCluster } from './support/instanceCluster.js';
import type { RunningSamle } from './support/samleServer.js';
import { nextClose, type StockClient, synced, until } from './support/stockClient.js';

const cluster = useInstanceCluster('cluster');

function connected(c: StockClient): Promise<void> {
  if (c.provider.wsconnected) return Promise.resolve();
  return new Promise((resolve) => {
    const onStatus = (event: { status: string }) => {
      if (event.status !== 'connected') return;
      c.provider.off('status', onStatus);
      resolve();
    };
    c.provider.on('status', onStatus);
  });
}

async function health(on: RunningSamle): Promise<{ status: string; redis?: string }> {
  return (await fetch(`${on.baseUrl}/healthz`)).json() as Promise<{ status: string; redis?: string }>;
}

const noteIds = (doc: Y.Doc) =>
  readNotes(doc)
    .map((note) => `${note.id}=${note.text}`)
    .sort();

describe('several instances (PostgreSQL + Redis)', () => {
  it('clients on two instances converge on one board: updates, text edits, server commands, late joiners', async () => {
    // A tiny compaction bound, so both instances try to compact while the other writes.
    const options = cluster.options({ env: { SAMLE_COMPACT_AFTER_UPDATES: '4' } });
    const [a, b] = await cluster.startTwo(options);
    expect(await health(a)).toMatchObject({ status: 'ok', redis: 'up' });
    const board = await a.createBoard('Plenum');
    const token = await a.tokenFor(board.id, 'write');
    const alice = cluster.client(a, board.id, token);
    const bob = cluster.client(b, board.id, token);
    await Promise.all([synced(alice), synced(bob)]);

    createNote(alice.doc, { id: 'n1', x: 1, y: 1, text: 'Kortere ventetid', createdAt: 1 });
    await until(bob.doc, (doc) => noteIds(doc).includes('n1=Kortere ventetid'));
    const text = noteText(notesOf(bob.doc).get('n1') as Y.Map<unknown>);
    text?.insert(text.length, '!');
    await until(alice.doc, (doc) => noteIds(doc).includes('n1=Kortere ventetid!'));

    // Both write at once, many small updates: both instances cross the compaction bound.
    for (let i = 0; i < 30; i++) {
      createNote(alice.doc, { id: `a${i}`, x: i, y: 0, text: `a${i}`, createdAt: i });
      createNote(bob.doc, { id: `b${i}`, x: i, y: 1, text: `b${i}`, createdAt: i });
    }
    await until(alice.doc, (doc) => readNotes(doc).length === 61);
    await until(bob.doc, (doc) => readNotes(doc).length === 61);

    // A server-authored change (a command) on A reaches B's client.
    await a.samle.relay.command(board.id, (doc) => doc.getMap('meta').set('title', 'Plenum (omdøbt)'));
    await until(bob.doc, (doc) => doc.getMap('meta').get('title') === 'Plenum (omdøbt)');

    // A late joiner on B sees everything; so does a fresh read of PostgreSQL.
    const late = cluster.client(b, board.id, token);
    await synced(late);
    expect(noteIds(late.doc)).toEqual(noteIds(alice.doc));
    expect(noteIds(bob.doc)).toEqual(noteIds(alice.doc));
    await Promise.all([a.samle.relay.drain(), b.samle.relay.drain()]);
    expect(noteIds(await cluster.storedDoc(options, board.id))).toEqual(noteIds(alice.doc));
    const compactions = (await metric(a, 'samle_compactions_total')) + (await metric(b, 'samle_compactions_total'));
    expect(compactions).toBeGreaterThan(0);
  });

  it('presence crosses instances, including to an instance that loads the board later', async () => {
    const [a, b] = await cluster.startTwo(cluster.options());
    const board = await a.createBoard('Presence');
    const token = await a.tokenFor(board.id, 'write');
    const alice = cluster.client(a, board.id, token);
    await synced(alice);
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    // B has not loaded the board yet: it asks A for who is present when it does.
    const bob = cluster.client(b, board.id, token);
    const seesAlice = (c: StockClient) =>
      [...c.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string })?.name === 'Alice');
    await new Promise<void>((resolve) => {
      const check = () => seesAlice(bob) && resolve();
      bob.provider.awareness.on('change', check);
      check();
    });
    bob.provider.awareness.setLocalStateField('user', { name: 'Bob' });
    await new Promise<void>((resolve) => {
      const check = () =>
        [...alice.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string })?.name === 'Bob') &&
        resolve();
      alice.provider.awareness.on('change', check);
      check();
    });
    // Bob leaves: A's client sees his presence go.
    const bobId = bob.doc.clientID;
    bob.destroy();
    await new Promise<void>((resolve) => {
      const check = () => !alice.provider.awareness.getStates().has(bobId) && resolve();
      alice.provider.awareness.on('change', check);
      check();
    });
  });

  it('closes (revocations, ended sessions) reach sockets on every instance', async () => {
    const [a, b] = await cluster.startTwo(cluster.options());
    const board = await a.createBoard('Lukket');
    const writer = cluster.client(b, board.id, await a.tokenFor(board.id, 'write'));
    const reader = cluster.client(b, board.id, await a.tokenFor(board.id, 'read'));
    await Promise.all([synced(writer), synced(reader)]);
    const closed = nextClose(writer);
    // Issued on A, where nobody is connected; B's writer is closed, B's reader is not.
    expect(a.samle.relay.closeWhere({ docIds: [board.id], writersOnly: true }, CloseCode.AccessChanged, 'test')).toBe(
      0,
    );
    expect((await closed).code).toBe(CloseCode.AccessChanged);
    expect(reader.provider.wsconnected).toBe(true);
  });

  it('Redis down: each instance serves its own clients and reports degraded; when Redis returns they catch up', async () => {
    const redis = await PrivateRedis.start();
    cluster.defer(() => redis.stop());
    const [a, b] = await cluster.startTwo(cluster.options({ redisUrl: redis.url }));
    const board = await a.createBoard('Uden Redis');
    const token = await a.tokenFor(board.id, 'write');
    const alice = cluster.client(a, board.id, token);
    const anna = cluster.client(a, board.id, token);
    const bob = cluster.client(b, board.id, token);
    await Promise.all([synced(alice), synced(anna), synced(bob)]);
    createNote(alice.doc, { id: 'before', x: 0, y: 0, text: 'før', createdAt: 1 });
    await until(bob.doc, (doc) => noteIds(doc).includes('before=før'));

    await redis.stop();
    await vi.waitFor(async () => expect(await health(a)).toMatchObject({ status: 'degraded', redis: 'down' }), {
      timeout: 10_000,
      interval: 20,
    });
    expect((await fetch(`${a.baseUrl}/healthz`)).status).toBe(200);
    expect(await metric(a, 'samle_redis_up')).toBe(0);

    // Each instance keeps serving its own clients.
    createNote(alice.doc, { id: 'during-a', x: 1, y: 0, text: 'under A', createdAt: 2 });
    createNote(bob.doc, { id: 'during-b', x: 2, y: 0, text: 'under B', createdAt: 3 });
    await until(anna.doc, (doc) => noteIds(doc).includes('during-a=under A'));
    expect(noteIds(bob.doc)).not.toContain('during-a=under A');

    await redis.start();
    await until(bob.doc, (doc) => noteIds(doc).includes('during-a=under A'));
    await until(alice.doc, (doc) => noteIds(doc).includes('during-b=under B'));
    await until(anna.doc, (doc) => noteIds(doc).includes('during-b=under B'));
    await vi.waitFor(async () => expect(await health(b)).toMatchObject({ status: 'ok', redis: 'up' }), {
      timeout: 10_000,
      interval: 20,
    });
    expect(await metric(b, 'samle_redis_up')).toBe(1);

    // And fan-out works again afterwards.
    createNote(bob.doc, { id: 'after', x: 3, y: 0, text: 'efter', createdAt: 4 });
    await until(alice.doc, (doc) => noteIds(doc).includes('after=efter'));
    expect(noteIds(alice.doc)).toEqual(noteIds(bob.doc));
  });

  it('while Redis is down: a board loaded then catches up and hears updates once it returns; closes issued then are delivered', async () => {
    const redis = await PrivateRedis.start();
    cluster.defer(() => redis.stop());
    const [a, b] = await cluster.startTwo(cluster.options({ redisUrl: redis.url }));
    const board = await a.createBoard('Indlæst uden Redis');
    const token = await a.tokenFor(board.id, 'write');
    const alice = cluster.client(a, board.id, token);
    await synced(alice);

    await redis.stop();
    await vi.waitFor(async () => expect(await health(b)).toMatchObject({ redis: 'down' }), {
      timeout: 10_000,
      interval: 20,
    });
    // B loads the board now, without a subscription; A's client writes meanwhile.
    const bob = cluster.client(b, board.id, token);
    await synced(bob);
    createNote(alice.doc, { id: 'n1', x: 0, y: 0, text: 'mens Redis var væk', createdAt: 1 });
    // A facilitator's change on A that must close B's writers.
    const closed = nextClose(bob);
    a.samle.relay.closeWhere({ docIds: [board.id], writersOnly: true }, CloseCode.AccessChanged, 'test');

    await redis.start();
    expect((await closed).code).toBe(CloseCode.AccessChanged);
    await until(bob.doc, (doc) => noteIds(doc).includes('n1=mens Redis var væk'));
    // And B now hears the board's updates as they happen.
    await connected(bob);
    createNote(alice.doc, { id: 'n2', x: 1, y: 0, text: 'efter', createdAt: 2 });
    await until(bob.doc, (doc) => noteIds(doc).includes('n2=efter'));
  });
});
