import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BoardSummary } from '@samle/shared';
import { buildApp, type SamleApp } from '../../src/app.js';
import { loadConfig, type SamleConfig } from '../../src/config.js';
import { SqliteStorage } from '../../src/storage/SqliteStorage.js';

export interface RunningSamle {
  baseUrl: string;
  /** URL for a stock WebsocketProvider: `new WebsocketProvider(wsUrl, boardId, doc)`. */
  wsUrl: string;
  dataDir: string;
  samle: SamleApp;
  createBoard(title: string): Promise<BoardSummary>;
  /** Graceful stop: flushes, closes clients, closes storage. */
  stop(): Promise<void>;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'samle-test-'));
}

/** A real Samle server on a real port (0 = any free port), with a real SQLite file. */
export async function startSamle(
  options: { dataDir?: string; env?: Record<string, string>; configure?: (config: SamleConfig) => void } = {},
): Promise<RunningSamle> {
  const dataDir = options.dataDir ?? tempDataDir();
  const config = loadConfig({ PORT: '0', SAMLE_DATA_DIR: dataDir, SAMLE_CLIENT_DIR: '', ...options.env });
  options.configure?.(config);
  const storage = new SqliteStorage({ dataDir, synchronous: config.sqliteSynchronous });
  const samle = await buildApp({ config, storage, logger: false });
  await samle.app.listen({ host: '127.0.0.1', port: 0 });
  const address = samle.app.server.address();
  if (!address || typeof address === 'string') throw new Error('startSamle: server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    baseUrl,
    wsUrl: `ws://127.0.0.1:${address.port}/sync`,
    dataDir,
    samle,
    async createBoard(title) {
      const response = await fetch(`${baseUrl}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
      });
      if (response.status !== 201) throw new Error(`createBoard: ${response.status} ${await response.text()}`);
      return (await response.json()) as BoardSummary;
    },
    stop: () => samle.shutdown(),
  };
}
