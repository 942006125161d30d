import { createNote, notesOf, noteText, readNotes } from '@samle/shared';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../src/storage/sqlite/SqliteStorage.js';
import type { CloseMatch, ClusterBus, ClusterHost } from '../src/sync/cluster.js';
import { Relay } from '../src/sync/Relay.js';
import { RelayMetrics } from '../src/sync/RelayMetrics.js';
import type { Scheduler } from '../src/sync/scheduler.js';
import type { RelayTimings } from '../src/sync/types.js';
import { initialBoardUpdate } from '../src/workshops/boardDocs.js';
import { ManualTimers } from './support/manualTimers.js';
import { MemoryClient, updateFrame } from './support/memoryClient.js';
import { settle, testLimits } from './support/relayHarness.js';
import { tempDataDir } from './support/samleServer.js';
import { ControlledStore, gate } from './support/stores.js';

/**
 * The relay's side of several instances, without Redis: two relays on one storage, joined
 * by an in-memory bus whose messages wait until the test delivers them.
 */
class MemoryNetwork {
  readonly buses: MemoryBus[] = [];
  readonly queue: Array<() => void> = [];

  /** Delivers every queued message; returns how many. */
  deliver(): number {
    const messages = this.queue.splice(0);
    for (const message of messages) message();
    return messages.length;
  }
}

class MemoryBus implements ClusterBus {
  readonly instanceId: string;
  host: ClusterHost | null = null;
  readonly joined = new Set<string>();
  stores: Array<{ docId: string; update: Uint8Array }> = [];

  constructor(
    private readonly network: MemoryNetwork,
    id: string,
  ) {
    this.instanceId = id;
    network.buses.push(this);
  }

  private others(): MemoryBus[] {
    return this.network.buses.filter((bus) => bus !== this);
  }

  attach(host: ClusterHost): void {
    this.host = host;
  }
  async join(docId: string): Promise<void> {
    this.joined.add(docId);
  }
  leave(docId: string): void {
    this.joined.delete(docId);
  }
  loaded(): void {}
  stored(docId: string, update: Uint8Array): void {
    this.stores.push({ docId, update });
    for (const bus of this.others()) {
      this.network.queue.push(() => {
        if (bus.joined.has(docId)) bus.host?.applyRemoteUpdate(docId, update);
      });
    }
  }
  awareness(docId: string, update: Uint8Array): void {
    for (const bus of this.others()) this.network.queue.push(() => bus.host?.applyRemoteAwareness(docId, update));
  }
  closeEverywhere(match: CloseMatch, code: number, reason: string): void {
    for (const bus of this.others()) this.network.queue.push(() => bus.host?.closeLocal(match, code, reason));
  }
  isUp(): boolean {
    return true;
  }
  async close(): Promise<void> {}
}

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function twoRelays(
  options: { timings?: Partial<RelayTimings>; schedulerOf?: (id: string) => Scheduler | undefined } = {},
) {
  const storage = new SqliteStorage({ dataDir: tempDataDir() });
  const network = new MemoryNetwork();
  const make = (id: string) => {
    const scheduler = options.schedulerOf?.(id);
    const store = new ControlledStore(storage);
    const bus = new MemoryBus(network, id);
    const relay = new Relay({
      store,
      limits: testLimits,
      timings: {
        idleUnloadMs: 60_000,
        coldAfterMs: 60_000,
        heartbeatMs: 60_000,
        compactAfterUpdates: 1_000_000,
        compactAfterBytes: 1e12,
        ...options.timings,
      },
      logger: quiet,
      metrics: new RelayMetrics(new Registry(), () => 0),
      cluster: bus,
      ...(scheduler ? { scheduler } : {}),
    });
    closers.push(() => relay.shutdown());
    return { relay, store, bus };
  };
  const a = make('a');
  const b = make('b');
  closers.unshift(() => storage.close());
  await storage.createBoard(
    { id: 'board-cluster', title: 'T', kind: 'plenum', createdAt: 1 },
    initialBoardUpdate('T', 'plenum'),
  );
  return { storage, network, a, b };
}

/** Runs both relays and the bus until nothing moves. */
async function settleAll(network: MemoryNetwork, relays: Relay[], clients: MemoryClient[]): Promise<void> {
  for (let round = 0; round < 50; round++) {
    for (const relay of relays) {
      await settle(
        relay,
        clients.filter((client) => (client as MemoryClient & { relay?: Relay }).relay === relay),
      );
    }
    if (network.deliver() === 0) {
      for (const relay of relays) await relay.drain();
      if (network.queue.length === 0 && clients.every((client) => client.socket.outbox.length === 0)) return;
    }
  }
  throw new Error('did not quiesce');
}

function on(relay: Relay, docId: string): MemoryClient {
  const client = new MemoryClient(relay, docId) as MemoryClient & { relay?: Relay };
  client.relay = relay;
  return client;
}

async function storedNotes(storage: SqliteStorage, docId: string): Promise<string[]> {
  const stored = await storage.loadDoc(docId);
  const doc = new Y.Doc();
  for (const part of stored?.snapshot ? [stored.snapshot, ...stored.updates] : (stored?.updates ?? [])) {
    Y.applyUpdate(doc, part);
  }
  return readNotes(doc).map((note) => note.text);
}

describe('relay with a cluster bus', () => {
  it('tells other instances of an update only once it is stored, and they relay it without storing it again', async () => {
    const { network, a, b } = await twoRelays();
    const alice = on(a.relay, 'board-cluster');
    const bob = on(b.relay, 'board-cluster');
    await settleAll(network, [a.relay, b.relay], [alice, bob]);

    const held = gate();
    a.store.appendGate = held.promise;
    createNote(alice.doc, { id: 'n1', x: 0, y: 0, text: 'først gemt', createdAt: 1 });
    await a.store.nextAppend();
    // Not stored yet: nothing on the bus, nothing at B.
    expect(a.bus.stores).toEqual([]);
    expect(network.queue).toHaveLength(0);
    held.open();
    a.store.appendGate = null;
    await settleAll(network, [a.relay, b.relay], [alice, bob]);
    expect(readNotes(bob.doc).map((note) => note.text)).toEqual(['først gemt']);
    expect(a.bus.stores).toHaveLength(1);
    expect(b.store.appendedUpdates).toBe(0);
    expect(b.bus.stores).toEqual([]);
  });

  it('an update from another instance that completes an unstored one of its own clients gets that one stored before relaying it', async () => {
    const { storage, network, a, b } = await twoRelays();
    const alice = on(a.relay, 'board-cluster');
    const anna = on(a.relay, 'board-cluster');
    const bob = on(b.relay, 'board-cluster');
    await settleAll(network, [a.relay, b.relay], [alice, anna, bob]);

    // Bob writes U1 on B; B stores it, but the bus message to A is still on its way.
    createNote(bob.doc, { id: 'n1', x: 0, y: 0, text: 'fra B', createdAt: 1 });
    await settle(b.relay, [bob]);
    expect(network.queue.length).toBeGreaterThan(0);
    // Someone who already has U1 sends A an edit U2 that builds on it: A must hold U2 back (U1 is missing).
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(bob.doc));
    const hadU1 = Y.encodeStateVector(writer);
    createNote(writer, { id: 'n2', x: 1, y: 0, text: 'bygger på B', createdAt: 2 });
    noteText(notesOf(writer).get('n1') as Y.Map<unknown>)?.insert(0, '> ');
    const u2 = Y.encodeStateAsUpdate(writer, hadU1);
    alice.send(updateFrame(u2));
    await a.relay.drain();
    // The new note is stored; the text edit waits for U1, unstored, and nobody has it.
    expect((await storedNotes(storage, 'board-cluster')).sort()).toEqual(['bygger på B', 'fra B']);

    // U1 arrives over the bus: U2 can now be integrated, and it is stored before anyone sees it.
    await settleAll(network, [a.relay, b.relay], [alice, anna, bob]);
    const stored = (await storedNotes(storage, 'board-cluster')).sort();
    expect(stored).toEqual(['> fra B', 'bygger på B']);
    // (Alice sent U2 as raw bytes; her own doc never had it.)
    for (const client of [anna, bob]) {
      expect(
        readNotes(client.doc)
          .map((note) => note.text)
          .sort(),
      ).toEqual(stored);
    }
  });

  it('an instance that misses a stored update (its sender died before publishing it) catches up from storage when later updates build on it', async () => {
    const timersB = new ManualTimers();
    const { storage, network, a, b } = await twoRelays({ schedulerOf: (id) => (id === 'b' ? timersB : undefined) });
    const alice = on(a.relay, 'board-cluster');
    const bob = on(b.relay, 'board-cluster');
    await settleAll(network, [a.relay, b.relay], [alice, bob]);

    // A stores Alice's note, and the message to B is lost: as if A died between storing and publishing.
    createNote(alice.doc, { id: 'n1', x: 0, y: 0, text: 'tabt', createdAt: 1 });
    await settle(a.relay, [alice]);
    network.queue.length = 0;
    // Alice's next edit builds on it and reaches B: B cannot apply it.
    noteText(notesOf(alice.doc).get('n1') as Y.Map<unknown>)?.insert(0, 'ikke ');
    await settleAll(network, [a.relay, b.relay], [alice, bob]);
    expect(readNotes(bob.doc)).toEqual([]);

    // A moment later B re-reads storage, and Bob gets both.
    timersB.fire();
    await settleAll(network, [a.relay, b.relay], [alice, bob]);
    expect(readNotes(bob.doc).map((note) => note.text)).toEqual(['ikke tabt']);
    expect(await storedNotes(storage, 'board-cluster')).toEqual(['ikke tabt']);
  });

  it('compaction counts the rows left after either instance compacted: no compaction storm', async () => {
    const { network, a, b } = await twoRelays({ timings: { compactAfterUpdates: 10 } });
    const alice = on(a.relay, 'board-cluster');
    const bob = on(b.relay, 'board-cluster');
    await settleAll(network, [a.relay, b.relay], [alice, bob]);
    const writes = 200;
    for (let i = 0; i < writes; i++) {
      const writer = i % 2 === 0 ? alice : bob;
      createNote(writer.doc, { id: `n${i}`, x: i, y: 0, text: `${i}`, createdAt: i });
      await settleAll(network, [a.relay, b.relay], [alice, bob]);
    }
    expect(readNotes(bob.doc)).toHaveLength(writes);
    // One row per write, a bound of 10 rows: about 20 compactions in all, whichever instance runs them.
    const compactions = a.store.compactions + b.store.compactions;
    expect(compactions).toBeGreaterThan(0);
    expect(compactions).toBeLessThanOrEqual((2 * writes) / 10);
  });

  it('closes issued on one instance reach matching connections on the other only', async () => {
    const { network, a, b } = await twoRelays();
    const writer = on(b.relay, 'board-cluster');
    const reader = new MemoryClient(b.relay, 'board-cluster', { canWrite: false }) as MemoryClient & {
      relay?: Relay;
    };
    reader.relay = b.relay;
    await settleAll(network, [a.relay, b.relay], [writer, reader]);
    expect(a.relay.closeWhere({ docIds: ['board-cluster'], writersOnly: true }, 4511, 'changed')).toBe(0);
    network.deliver();
    expect(writer.socket.closeCode).toBe(4511);
    expect(reader.socket.closeCode).toBeNull();
  });
});
