import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BoardSummary } from '@samle/shared';
import { type BuildAppOptions, buildApp, type SamleApp } from '../../src/app.js';
import { loadConfig, type SamleConfig } from '../../src/config.js';
import type { Storage } from '../../src/storage/contracts/types.js';
import { SqliteStorage } from '../../src/storage/sqlite/SqliteStorage.js';

export interface RunningSamle {
  baseUrl: string;
  /** URL for a stock WebsocketProvider: `new WebsocketProvider(wsUrl, boardId, doc)`. */
  wsUrl: string;
  dataDir: string;
  samle: SamleApp;
  /** Creates a standalone board as the (first) facilitator. */
  createBoard(title: string): Promise<BoardSummary>;
  /** A scoped token for the sync endpoint, as `samle-cli mint-token` makes. */
  tokenFor(docId: string, access: 'read' | 'write'): Promise<string>;
  /** The facilitator's session cookie (signing up the first facilitator on first use). */
  facilitatorCookie(): Promise<string>;
  /** fetch with the facilitator's cookie and the CSRF header. */
  asFacilitator(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  /** As the holder of a grant (a participant's or leader's token): GET without a body, POST with a JSON one. */
  asBearer(token: string, path: string, body?: unknown): Promise<Response>;
  /** Graceful stop: flushes, closes clients, closes storage. */
  stop(): Promise<void>;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'samle-test-'));
}

/** A real Samle server on a real port (0 = any free port), with a real SQLite file. */
export async function startSamle(
  options: {
    dataDir?: string;
    env?: Record<string, string>;
    configure?: (config: SamleConfig) => void;
    /** Another storage than a SQLite file in the data folder (e.g. PostgreSQL). */
    storage?: Storage;
    /** The cross-instance bus, for several instances serving the same boards. */
    cluster?: BuildAppOptions['cluster'];
    /** PostgreSQL for readiness, the SAMLE_SECRET check and command locks across instances. */
    clusterDatabase?: BuildAppOptions['clusterDatabase'];
    /** Fastify logger options (e.g. a stream to read the log back); off by default. */
    logger?: BuildAppOptions['logger'];
  } = {},
): Promise<RunningSamle> {
  const dataDir = options.dataDir ?? tempDataDir();
  const config = loadConfig({ PORT: '0', SAMLE_DATA_DIR: dataDir, SAMLE_CLIENT_DIR: '', ...options.env });
  options.configure?.(config);
  const storage = options.storage ?? new SqliteStorage({ dataDir, synchronous: config.sqliteSynchronous });
  const samle = await buildApp({
    config,
    storage,
    logger: options.logger ?? false,
    ...(options.cluster ? { cluster: options.cluster } : {}),
    ...(options.clusterDatabase ? { clusterDatabase: options.clusterDatabase } : {}),
  });
  await samle.app.listen({ host: '127.0.0.1', port: 0 });
  const address = samle.app.server.address();
  if (!address || typeof address === 'string') throw new Error('startSamle: server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  let cookie: Promise<string> | undefined;
  const facilitatorCookie = () => {
    cookie ??= (async () => {
      const response = await fetch(`${baseUrl}/api/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Freja Facilitator',
          email: 'freja@example.dk',
          password: 'correct horse battery',
        }),
      });
      if (response.status !== 201) throw new Error(`signup: ${response.status} ${await response.text()}`);
      const setCookie = response.headers.get('set-cookie') ?? '';
      return setCookie.split(';')[0] ?? '';
    })();
    return cookie;
  };
  const asFacilitator = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = { cookie: await facilitatorCookie(), 'x-samle-csrf': '1' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${baseUrl}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  };
  return {
    baseUrl,
    wsUrl: `ws://127.0.0.1:${address.port}/sync`,
    dataDir,
    samle,
    facilitatorCookie,
    asFacilitator,
    asBearer: (token, path, body) =>
      fetch(`${baseUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    async tokenFor(docId, access) {
      return (await samle.tokens.mint({ kind: 'doc', docs: [docId], access }, 3600)).token;
    },
    async createBoard(title) {
      const response = await asFacilitator('/api/boards', { body: { title } });
      if (response.status !== 201) throw new Error(`createBoard: ${response.status} ${await response.text()}`);
      return (await response.json()) as BoardSummary;
    },
    stop: () => samle.shutdown(),
  };
}
