import { createNote, metaOf, notesOf } from '@samle/shared';
import { Registry } from 'prom-client';
import { afterEach } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../../src/storage/sqlite/SqliteStorage.js';
import { Relay } from '../../src/sync/Relay.js';
import { RelayMetrics } from '../../src/sync/RelayMetrics.js';
import type { Scheduler } from '../../src/sync/scheduler.js';
import type { RelayLimits, RelayLogger, RelayTimings } from '../../src/sync/types.js';
import { initialBoardUpdate } from '../../src/workshops/boardDocs.js';
import type { MemoryClient } from './memoryClient.js';
import { tempDataDir } from './samleServer.js';
import { ControlledStore } from './stores.js';

export const testLimits: RelayLimits = {
  maxFrameBytes: 64 * 1024,
  maxDocBytes: 4 * 1024 * 1024,
  maxMessagesPerSecond: 1000,
  maxAwarenessStateBytes: 1024,
  maxWriterBytes: 4 * 1024 * 1024,
  maxBufferedBytes: 1024 * 1024,
  maxLoadedDocs: 100,
};

export interface Harness {
  relay: Relay;
  store: ControlledStore;
  storage: SqliteStorage;
  registry: Registry;
  errors: string[];
  /** Seeds a board doc with `notes` notes; returns its id. */
  seedBoard(id: string, notes?: number): Promise<void>;
  /** The doc as storage holds it right now (independent of the relay's memory). */
  storedState(docId: string): Promise<Y.Doc>;
  close(): Promise<void>;
}

export async function relayHarness(
  options: {
    limits?: Partial<RelayLimits>;
    timings?: Partial<RelayTimings>;
    dataDir?: string;
    scheduler?: Scheduler;
  } = {},
): Promise<Harness> {
  const storage = new SqliteStorage({ dataDir: options.dataDir ?? tempDataDir() });
  const store = new ControlledStore(storage);
  const registry = new Registry();
  const errors: string[] = [];
  const logger: RelayLogger = {
    info: () => {},
    warn: () => {},
    error: (_obj, msg) => errors.push(msg),
  };
  let relay: Relay | undefined;
  const metrics = new RelayMetrics(registry, () => relay?.loadedRooms ?? 0);
  relay = new Relay({
    store,
    limits: { ...testLimits, ...options.limits },
    timings: {
      idleUnloadMs: 60_000,
      heartbeatMs: 60_000,
      coldAfterMs: 60_000,
      compactAfterUpdates: 1_000_000,
      compactAfterBytes: 1e12,
      ...options.timings,
    },
    logger,
    metrics,
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
  });
  return {
    relay,
    store,
    storage,
    registry,
    errors,
    async seedBoard(id, notes = 0) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, initialBoardUpdate('Seeded', 'plenum'));
      for (let i = 0; i < notes; i++)
        createNote(doc, { id: `seed${i}`, x: i, y: i, text: `seeded ${i}`, createdAt: i });
      await storage.createBoard({ id, title: 'Seeded', kind: 'plenum', createdAt: 1 }, Y.encodeStateAsUpdate(doc));
      doc.destroy();
    },
    async storedState(docId) {
      const stored = await storage.loadDoc(docId);
      const doc = new Y.Doc();
      if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored?.updates ?? []) Y.applyUpdate(doc, update);
      return doc;
    },
    async close() {
      await relay.shutdown();
      await storage.close();
    },
  };
}

/**
 * Runs the protocol to quiescence: stores and relays everything queued, delivers
 * every frame to every client, and repeats until nothing moves. Deterministic: no timers.
 */
export async function settle(relay: Relay, clients: readonly MemoryClient[]): Promise<void> {
  for (let round = 0; round < 200; round++) {
    await Promise.all(clients.map((client) => relay.whenLoaded(client.docId)));
    await relay.drain();
    let delivered = 0;
    for (const client of clients) delivered += client.deliver();
    if (delivered === 0) {
      await relay.drain();
      if (clients.every((client) => client.socket.outbox.length === 0)) return;
    }
  }
  throw new Error('settle: the protocol did not quiesce in 200 rounds');
}

/** What a person would see of a doc (its notes and meta) plus which operations it holds. */
export function stateOf(doc: Y.Doc): string {
  return stableJson({
    notes: notesOf(doc).toJSON(),
    meta: metaOf(doc).toJSON(),
    stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('base64'),
  });
}

/** JSON with object keys sorted: replicas may hold map entries in different insertion orders. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

/**
 * A test file's way to a relay: `setup(...)` makes one, closed after the test. Call at the top of the file
 * (it registers the file's afterEach).
 */
export function useRelayHarness(): (...args: Parameters<typeof relayHarness>) => Promise<Harness> {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  return async (...args) => {
    harness = await relayHarness(...args);
    return harness;
  };
}
