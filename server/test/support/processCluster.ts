import { readNotes } from '@samle/shared';
import type * as Y from 'yjs';
import { PostgresStorage } from '../../src/storage/postgres/PostgresStorage.js';
import { docFromStored, sharedSecret, testRedisUrl, uniquePrefix } from './cluster.js';
import type { TestDatabase } from './postgres.js';
import { killHard, type ServerProcess, startServerProcess } from './processes.js';
import { type StockClient, stockClient } from './stockClient.js';
import { type Cleanup, useCleanups, useFileDatabase } from './testScope.js';

/** A board's notes as sorted `id=text` entries: what two copies of a board are compared by. */
export const notesOf = (doc: Y.Doc): string[] =>
  readNotes(doc)
    .map((note) => `${note.id}=${note.text}`)
    .sort();

export interface ProcessCluster {
  /** The file's own PostgreSQL database: made before its tests, dropped after them. */
  db(): TestDatabase;
  /** What the instances of one test share: the database, Redis under a fresh prefix, one signing key; then `extra`. */
  sharedEnv(extra?: Record<string, string>): Record<string, string>;
  /** A built server process (`server/dist/main.js`), killed hard after the test. */
  start(env: Record<string, string>): Promise<ServerProcess>;
  /** A stock y-websocket client, destroyed after the test. */
  client(wsUrl: string, boardId: string, token: string): StockClient;
  /** Runs after the test, in reverse order of registration, with the processes and clients. */
  defer(cleanup: Cleanup): void;
  /** The board's notes as a fresh load from PostgreSQL has them (this file's database unless given). */
  storedNotes(boardId: string, database?: { url: string; schema?: string }): Promise<string[]>;
}

/**
 * The setup the cluster tests share: built server processes on real PostgreSQL and Redis,
 * a database of the file's own, and everything a test started ended after it. Call once,
 * at the top of a test file (it registers the file's hooks).
 */
export function useProcessCluster(): ProcessCluster {
  const defer = useCleanups();
  const db = useFileDatabase('useProcessCluster');
  return {
    db,
    defer,
    sharedEnv: (extra = {}) => ({
      DATABASE_URL: db().url,
      REDIS_URL: testRedisUrl,
      SAMLE_REDIS_PREFIX: uniquePrefix(),
      SAMLE_SECRET: sharedSecret(),
      ...extra,
    }),
    async start(env) {
      const started = await startServerProcess(env);
      defer(() => killHard(started.child));
      return started;
    },
    client(wsUrl, boardId, token) {
      const c = stockClient(wsUrl, boardId, { token });
      defer(() => c.destroy());
      return c;
    },
    async storedNotes(boardId, { url, schema } = { url: db().url }) {
      const storage = await PostgresStorage.open({ connectionString: url, ...(schema ? { schema } : {}) });
      try {
        return notesOf(docFromStored(await storage.loadDoc(boardId)));
      } finally {
        await storage.close();
      }
    },
  };
}
