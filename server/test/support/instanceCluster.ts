import type * as Y from 'yjs';
import { PostgresStorage } from '../../src/storage/postgres/PostgresStorage.js';
import {
  type ClusterOptions,
  docFromStored,
  METRICS_TOKEN,
  sharedSecret,
  startInstance,
  testRedisUrl,
  uniquePrefix,
} from './cluster.js';
import type { TestDatabase } from './postgres.js';
import type { RunningSamle } from './samleServer.js';
import { type StockClient, stockClient } from './stockClient.js';
import { type Cleanup, useCleanups, useFileDatabase } from './testScope.js';

export interface InstanceCluster {
  /** The file's own PostgreSQL database: made before its tests, dropped after them. */
  db(): TestDatabase;
  /**
   * What the instances of one test share: a fresh schema of the file's database, Redis under a
   * fresh prefix, one signing key; then `overrides`.
   */
  options(overrides?: Partial<ClusterOptions>): ClusterOptions;
  /** An in-process instance, stopped after the test. */
  start(options: ClusterOptions): Promise<RunningSamle>;
  /** Two instances on the same options, started one after the other, stopped after the test. */
  startTwo(options: ClusterOptions): Promise<[RunningSamle, RunningSamle]>;
  /** A stock y-websocket client of `docId` on the instance, destroyed after the test. */
  client(on: RunningSamle, docId: string, token: string): StockClient;
  /** Runs after the test, in reverse order of registration, with the instances and clients. */
  defer(cleanup: Cleanup): void;
  /** The doc as a fresh load from PostgreSQL has it. */
  storedDoc(options: ClusterOptions, docId: string): Promise<Y.Doc>;
}

/**
 * The setup the in-process cluster tests share: instances of Samle in this process on real
 * PostgreSQL and Redis, a database of the file's own with a schema per test, and everything a
 * test started ended after it. Call once, at the top of a test file (it registers the file's
 * hooks); `schemaPrefix` names the tests' schemas (`${schemaPrefix}1`, …).
 */
export function useInstanceCluster(schemaPrefix: string): InstanceCluster {
  const defer = useCleanups();
  const db = useFileDatabase('useInstanceCluster');
  let schemas = 0;
  const start = async (options: ClusterOptions): Promise<RunningSamle> => {
    const started = await startInstance(options);
    defer(() => started.stop());
    return started;
  };
  return {
    db,
    defer,
    options(overrides = {}) {
      schemas++;
      return {
        databaseUrl: db().url,
        schema: `${schemaPrefix}${schemas}`,
        redisUrl: testRedisUrl,
        prefix: uniquePrefix(),
        secret: sharedSecret(),
        ...overrides,
      };
    },
    start,
    async startTwo(options) {
      const a = await start(options);
      const b = await start(options);
      return [a, b];
    },
    client(on, docId, token) {
      const c = stockClient(on.wsUrl, docId, { token });
      defer(() => c.destroy());
      return c;
    },
    async storedDoc(options, docId) {
      const storage = await PostgresStorage.open({ connectionString: options.databaseUrl, schema: options.schema });
      try {
        return docFromStored(await storage.loadDoc(docId));
      } finally {
        await storage.close();
      }
    },
  };
}

/**
 * The value of the first line of the instance's `/metrics` that starts with `linePrefix` (a name,
 * or a name and its labels), or `whenAbsent` if there is none: a labelled counter has no line
 * until it is first counted.
 */
export async function metric(on: RunningSamle, linePrefix: string, whenAbsent = Number.NaN): Promise<number> {
  const response = await fetch(`${on.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const line = (await response.text()).split('\n').find((l) => l.startsWith(linePrefix));
  return line === undefined ? whenAbsent : Number(line.split(' ').pop());
}
