import { Writable } from 'node:stream';
import { CloseCode } from '@samle/shared';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { SecretMismatchError } from '../src/cluster/ClusterDatabase.js';
import { PrivateRedis, sharedSecret, startInstance } from './support/cluster.js';
import { metric, useInstanceCluster } from './support/instanceCluster.js';
import type { RunningSamle } from './support/samleServer.js';
import { nextClose } from './support/stockClient.js';
import { TcpProxy } from './support/tcpProxy.js';

const cluster = useInstanceCluster('health');

async function proxyToPostgres(): Promise<TcpProxy> {
  const target = new URL(cluster.db().url);
  const proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
  cluster.defer(() => proxy.close());
  return proxy;
}

interface Readiness {
  status: number;
  body: { status: string; database: string; redis?: string };
}

async function readiness(on: RunningSamle): Promise<Readiness> {
  const response = await fetch(`${on.baseUrl}/readyz`);
  return { status: response.status, body: (await response.json()) as Readiness['body'] };
}

/** Asks /readyz back to back (each answer takes a probe) until it answers `status`; returns how long that took. */
async function readinessBecomes(on: RunningSamle, status: number, limitMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if ((await readiness(on)).status === status) return performance.now() - started;
  }
  throw new Error(`/readyz did not answer ${status} within ${limitMs} ms`);
}

/** The JSON lines an instance logs, with a way to await one that matches. */
function logSink() {
  const lines: Array<{ msg?: string }> = [];
  const waiters: Array<() => void> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as { msg?: string });
      for (const waiter of waiters.splice(0)) waiter();
      done();
    },
  });
  const count = (text: string) => lines.filter((l) => l.msg?.startsWith(text)).length;
  const until = (text: string, times: number) =>
    new Promise<void>((resolve) => {
      const check = () => (count(text) >= times ? resolve() : waiters.push(check));
      check();
    });
  return { stream, count, until };
}

describe('health that tells the truth (PostgreSQL + Redis)', () => {
  it('readiness fails within 2 s of PostgreSQL going away, liveness stays, and both recover after', async () => {
    const proxy = await proxyToPostgres();
    const on = await cluster.start(cluster.options({ databaseUrl: proxy.through(cluster.db().url) }));
    expect(await readiness(on)).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'ready', database: 'up', redis: 'up' }),
    });

    // As a stopped server: every connection dropped, new ones refused.
    proxy.refuse();
    expect(await readinessBecomes(on, 503, 2000)).toBeLessThan(2000);
    expect((await readiness(on)).body).toMatchObject({ status: 'unavailable', database: 'down', redis: 'up' });
    expect((await fetch(`${on.baseUrl}/healthz`)).status).toBe(200);
    expect(await metric(on, 'samle_database_up', 0)).toBe(0);
    proxy.restore();
    await readinessBecomes(on, 200, 10_000);

    // As a cut network: connections hang without an answer.
    proxy.blackhole();
    expect(await readinessBecomes(on, 503, 2000)).toBeLessThan(2000);
    proxy.restore();
    await readinessBecomes(on, 200, 10_000);
    expect(await metric(on, 'samle_database_up', 0)).toBe(1);
  });

  it('counts the sockets refused while PostgreSQL is away (4500 load failed) in /metrics', async () => {
    const proxy = await proxyToPostgres();
    const on = await cluster.start(cluster.options({ databaseUrl: proxy.through(cluster.db().url) }));
    const board = await on.createBoard('Plenum');
    const token = await on.tokenFor(board.id, 'write');
    const loadFailed = `samle_socket_closes_sent_total{code="${CloseCode.LoadFailed}"`;
    expect(await metric(on, loadFailed, 0)).toBe(0);
    proxy.refuse();
    for (let i = 0; i < 3; i++) {
      const client = cluster.client(on, board.id, token);
      expect((await nextClose(client)).code).toBe(CloseCode.LoadFailed);
      client.provider.disconnect();
    }
    // Refused before any load (the access check could not reach PostgreSQL): the relay's own
    // counters never see these sockets, so this counter is the only place they show.
    expect(await metric(on, loadFailed, 0)).toBe(3);
    proxy.restore();
  });

  it('readiness stays 200 while Redis is unreachable (it says redis down), and Redis going and coming back is logged every time', async () => {
    const redis = await PrivateRedis.start();
    cluster.defer(() => redis.stop());
    const log = logSink();
    const on = await cluster.start(
      cluster.options({ redisUrl: redis.url, logger: { level: 'info', stream: log.stream } }),
    );
    await log.until('connected to Redis', 1);
    expect((await readiness(on)).status).toBe(200);
    for (let outage = 1; outage <= 2; outage++) {
      await redis.stop();
      await log.until('lost Redis', outage);
      // Every instance loses a shared Redis at once: failing readiness would take them all out.
      const during = await readiness(on);
      expect(during.status).toBe(200);
      expect(during.body).toMatchObject({ status: 'ready', database: 'up', redis: 'down' });
      await redis.start();
      await log.until('connected to Redis', outage + 1);
      expect((await readiness(on)).body).toMatchObject({ status: 'ready', redis: 'up' });
    }
    expect(log.count('lost Redis')).toBe(2);
  });

  it('refuses to start an instance whose SAMLE_SECRET differs from the other instances’', async () => {
    const options = cluster.options();
    const first = await cluster.start(options);
    await expect(startInstance({ ...options, secret: sharedSecret() })).rejects.toBeInstanceOf(SecretMismatchError);
    // The same key starts; the first instance never noticed.
    await cluster.start(options);
    expect((await readiness(first)).status).toBe(200);

    // The key is changed on purpose while it runs (the stored fingerprint forgotten, an instance
    // started with the new key): the running one stops being ready instead of serving with the old key.
    const client = new pg.Client({
      connectionString: options.databaseUrl,
      options: `-c search_path=${options.schema}`,
    });
    await client.connect();
    await client.query("DELETE FROM cluster_settings WHERE key = 'secret_fingerprint'");
    await client.end();
    await cluster.start({ ...options, secret: sharedSecret() });
    expect(await readiness(first)).toEqual({
      status: 503,
      body: expect.objectContaining({ status: 'unavailable', database: 'up', signingKey: 'differs' }),
    });
  });

  it('counts refused sockets in /metrics by close code', async () => {
    const on = await cluster.start(cluster.options());
    const board = await on.createBoard('Plenum');
    const refusals = `samle_socket_closes_sent_total{code="${CloseCode.Unauthenticated}"`;
    expect(await metric(on, refusals, 0)).toBe(0);
    for (let i = 0; i < 3; i++) {
      const stranger = cluster.client(on, board.id, 'not-a-token');
      expect((await nextClose(stranger)).code).toBe(CloseCode.Unauthenticated);
      stranger.provider.disconnect();
    }
    expect(await metric(on, refusals, 0)).toBe(3);
  });
});

describe('rate limits with several instances', () => {
  // Joining by code: 20 attempts a minute per address (routes/join.ts); a wrong code is cheap to try.
  const join = (on: RunningSamle) =>
    fetch(`${on.baseUrl}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'WRONG-CODE', name: 'Gætter' }),
    }).then((r) => r.status);

  it('count one address’s attempts on all instances together (20 a minute, not 20 per instance)', async () => {
    const options = cluster.options();
    const a = await cluster.start(options);
    const b = await cluster.start(options);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push(await join(a), await join(b));
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(await join(b)).toBe(429);
    expect(await join(a)).toBe(429);
  });

  it('still limit each instance on its own while Redis is unreachable', async () => {
    const redis = await PrivateRedis.start();
    cluster.defer(() => redis.stop());
    const on = await cluster.start(cluster.options({ redisUrl: redis.url }));
    await redis.stop();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push(await join(on));
    expect(statuses.slice(0, 20).filter((s) => s === 429)).toEqual([]);
    expect(statuses[20]).toBe(429);
  });
});
