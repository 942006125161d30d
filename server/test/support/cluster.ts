import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { BuildAppOptions } from '../../src/app.js';
import { ClusterDatabase } from '../../src/cluster/ClusterDatabase.js';
import { RedisBus } from '../../src/cluster/RedisBus.js';
import type { StoredDoc } from '../../src/storage/contracts/types.js';
import { PostgresStorage } from '../../src/storage/postgres/PostgresStorage.js';
import { type RunningSamle, startSamle } from './samleServer.js';

/** The machine's Redis (CI starts it, `.ci/run`); each test uses its own channel prefix on it. */
export const testRedisUrl = process.env.SAMLE_TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** A signing key every instance of one test shares (as SAMLE_SECRET does in production). */
export function sharedSecret(): string {
  return randomBytes(32).toString('base64');
}

export function uniquePrefix(): string {
  return `samle-test-${randomBytes(6).toString('hex')}`;
}

export interface ClusterOptions {
  /** PostgreSQL database URL shared by the instances. */
  databaseUrl: string;
  /** Schema for this test's tables in that database. */
  schema: string;
  redisUrl: string;
  prefix: string;
  secret: string;
  env?: Record<string, string>;
  /** Fastify logger options (e.g. a stream to read the log back); off by default. */
  logger?: BuildAppOptions['logger'];
}

/** Fails with what to do when nothing answers at the Redis URL (instead of tests timing out). */
async function assertRedisAnswers(url: string): Promise<void> {
  const parsed = new URL(url);
  const port = Number(parsed.port || 6379);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: parsed.hostname, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
  if (!reachable) {
    throw new Error(
      `Redis is not reachable at ${parsed.host}. The several-instances tests need a running Redis: ` +
        'start it (npm test and .ci/run do) or point SAMLE_TEST_REDIS_URL at one.',
    );
  }
}

/** What the cluster tests present to read an instance's `/metrics`. */
export const METRICS_TOKEN = 'cluster-tests-metrics-token';

/** One in-process instance of a cluster: its own PostgreSQL pool, its own Redis connections. */
export async function startInstance(options: ClusterOptions): Promise<RunningSamle> {
  await assertRedisAnswers(options.redisUrl);
  const storage = await PostgresStorage.open({
    connectionString: options.databaseUrl,
    schema: options.schema,
    maxConnections: 4,
    onIdleClientError: () => {},
  });
  const clusterDatabase = new ClusterDatabase({
    connectionString: options.databaseUrl,
    schema: options.schema,
    onIdleClientError: () => {},
  });
  const started = startSamle({
    storage,
    clusterDatabase,
    ...(options.logger ? { logger: options.logger } : {}),
    env: {
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      SAMLE_REDIS_PREFIX: options.prefix,
      SAMLE_SECRET: options.secret,
      SAMLE_METRICS_TOKEN: METRICS_TOKEN,
      ...options.env,
    },
    cluster: ({ registry, logger }) =>
      new RedisBus({
        url: options.redisUrl,
        prefix: options.prefix,
        registry,
        logger,
        retryDelayMs: () => 50,
        catchUpRetryMs: 100,
      }),
  });
  // An instance that refuses to start (another SAMLE_SECRET) leaves no pool behind.
  return started.catch(async (error: unknown) => {
    await storage.close();
    await clusterDatabase.close();
    throw error;
  });
}

/** The doc as storage holds it. */
export function docFromStored(stored: StoredDoc | null): Y.Doc {
  const doc = new Y.Doc();
  for (const part of stored?.snapshot ? [stored.snapshot, ...stored.updates] : (stored?.updates ?? [])) {
    Y.applyUpdate(doc, part);
  }
  return doc;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function untilAnswers(port: number, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await answers(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${what} did not start on port ${port}`);
}

/**
 * A Redis server of the test's own (the machine's shared one must never be stopped):
 * no persistence, so a restart starts empty, as after a crash.
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    return redis;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    this.child = child;
    await untilAnswers(this.port, 'redis-server');
  }

  /** Stops it hard (SIGKILL), as a crash or a network cut looks to its clients. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

/**
 * A PostgreSQL cluster of the test's own, so it can be stopped and started (the machine's
 * shared one must never be). initdb refuses to run as root, so it runs as `postgres`.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async create(): Promise<PrivatePostgres> {
    const bin = findPostgresBin();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samle-pg-'));
    fs.chmodSync(dir, 0o755);
    const asPostgres = process.getuid?.() === 0;
    if (asPostgres) execFileSync('chown', ['postgres', dir]);
    const pg = new PrivatePostgres(await freePort(), dir, bin);
    pg.run('initdb', ['-D', pg.dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    await pg.start();
    return pg;
  }

  private get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  private run(tool: string, args: string[]): void {
    const command = path.join(this.bin, tool);
    const asPostgres = process.getuid?.() === 0;
    execFileSync(asPostgres ? 'runuser' : command, asPostgres ? ['-u', 'postgres', '--', command, ...args] : args, {
      stdio: 'ignore',
    });
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    this.run('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', path.join(this.dir, 'log'), '-w', 'start']);
    await untilAnswers(this.port, 'postgres');
  }

  /** Stops it at once (immediate mode: no clean shutdown, like a crash). */
  stop(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      // Already stopped.
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function findPostgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb'))) return bin;
  }
  throw new Error('the PostgreSQL stop/start test needs initdb and pg_ctl (Debian package "postgresql")');
}
