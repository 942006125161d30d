import { CloseCode, createNote, readNotes } from '@samle/shared';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ManualTimers } from './support/manualTimers.js';
import { MemoryClient, updateFrame } from './support/memoryClient.js';
import { settle, stateOf, useRelayHarness } from './support/relayHarness.js';
import { gate } from './support/stores.js';

const setup = useRelayHarness();

describe('relay: load before serve', () => {
  it('buffers 50 clients that connect during a slow load; all receive the stored state and nothing is written', async () => {
    const h = await setup();
    await h.seedBoard('board-slow-load', 30);
    const before = stateOf(await h.storedState('board-slow-load'));
    const loading = gate();
    h.store.loadGate = loading.promise;
    const clients = Array.from({ length: 50 }, () => new MemoryClient(h.relay, 'board-slow-load'));
    // Nothing may be answered from the empty doc while it loads.
    expect(clients.every((client) => client.socket.outbox.length === 0)).toBe(true);
    loading.open();
    expect(await h.relay.whenLoaded('board-slow-load')).toBe(true);
    await settle(h.relay, clients);
    expect(h.store.loads).toBe(1);
    expect(h.store.appendCalls).toBe(0);
    for (const client of clients) expect(readNotes(client.doc)).toHaveLength(30);
    expect(stateOf(await h.storedState('board-slow-load'))).toBe(before);
  });

  it('closes waiting clients with a retryable code when the load fails, writes nothing, and loads fresh next time', async () => {
    const h = await setup();
    await h.seedBoard('board-bad-load', 3);
    h.store.failLoads = true;
    const client = new MemoryClient(h.relay, 'board-bad-load');
    createNote(client.doc, { id: 'during-failure', x: 0, y: 0, createdAt: 1 });
    expect(await client.socket.whenClosed()).toBe(CloseCode.LoadFailed);
    await h.relay.drain();
    expect(h.store.appendCalls).toBe(0);
    expect(readNotes(await h.storedState('board-bad-load'))).toHaveLength(3);

    h.store.failLoads = false;
    const retry = new MemoryClient(h.relay, 'board-bad-load');
    await settle(h.relay, [retry]);
    expect(readNotes(retry.doc)).toHaveLength(3);
    expect(h.store.loads).toBe(2);
  });

  it('closes a client of a doc that does not exist with 4404 and creates nothing', async () => {
    const h = await setup();
    const client = new MemoryClient(h.relay, 'no-such-board');
    expect(await client.socket.whenClosed()).toBe(CloseCode.DocNotFound);
    expect(await h.storage.loadDoc('no-such-board')).toBeNull();
  });
});

describe('relay: durable before echo', () => {
  it('relays an update to other clients only after storage holds it', async () => {
    const h = await setup();
    await h.seedBoard('board-durable');
    const alice = new MemoryClient(h.relay, 'board-durable');
    const bob = new MemoryClient(h.relay, 'board-durable');
    await settle(h.relay, [alice, bob]);

    const storing = gate();
    h.store.appendGate = storing.promise;
    const appendStarted = h.store.nextAppend();
    createNote(alice.doc, { id: 'n1', x: 0, y: 0, text: 'gemt først', createdAt: 1 });
    await appendStarted;
    bob.deliver();
    expect(readNotes(bob.doc)).toHaveLength(0);
    // A client joining now must not see it either: it is not durable yet.
    const carol = new MemoryClient(h.relay, 'board-durable');
    carol.deliver();
    expect(readNotes(carol.doc)).toHaveLength(0);

    storing.open();
    h.store.appendGate = null;
    await settle(h.relay, [alice, bob, carol]);
    expect(readNotes(bob.doc).map((n) => n.text)).toEqual(['gemt først']);
    expect(readNotes(carol.doc).map((n) => n.text)).toEqual(['gemt først']);
    expect(readNotes(await h.storedState('board-durable'))).toHaveLength(1);
  });

  it('never relays an update that could not be stored; its room resets and clients resync on reconnect', async () => {
    const h = await setup();
    await h.seedBoard('board-persist-fail');
    const alice = new MemoryClient(h.relay, 'board-persist-fail');
    const bob = new MemoryClient(h.relay, 'board-persist-fail');
    await settle(h.relay, [alice, bob]);
    h.store.failAppends = true;
    createNote(alice.doc, { id: 'lost?', x: 0, y: 0, text: 'not yet stored', createdAt: 1 });
    expect(await alice.socket.whenClosed()).toBe(CloseCode.PersistFailed);
    expect(await bob.socket.whenClosed()).toBe(CloseCode.PersistFailed);
    bob.deliver();
    expect(readNotes(bob.doc)).toHaveLength(0);

    // Alice reconnects with her doc, as the provider does: her note reaches storage now.
    h.store.failAppends = false;
    const aliceAgain = new MemoryClient(h.relay, 'board-persist-fail');
    Y.applyUpdate(aliceAgain.doc, Y.encodeStateAsUpdate(alice.doc));
    const bobAgain = new MemoryClient(h.relay, 'board-persist-fail');
    await settle(h.relay, [aliceAgain, bobAgain]);
    expect(readNotes(bobAgain.doc).map((n) => n.text)).toEqual(['not yet stored']);
    expect(readNotes(await h.storedState('board-persist-fail'))).toHaveLength(1);
  });

  it('stores a server-authored change before any client receives it', async () => {
    const h = await setup();
    await h.seedBoard('board-command');
    const client = new MemoryClient(h.relay, 'board-command');
    await settle(h.relay, [client]);
    const storing = gate();
    h.store.appendGate = storing.promise;
    const appendStarted = h.store.nextAppend();
    h.relay.withRoom('board-command', (room) =>
      room.applyServerChange((doc) =>
        createNote(doc, { id: 'from-server', x: 0, y: 0, text: 'fra serveren', createdAt: 1 }),
      ),
    );
    await appendStarted;
    client.deliver();
    expect(readNotes(client.doc)).toHaveLength(0);
    storing.open();
    h.store.appendGate = null;
    await settle(h.relay, [client]);
    expect(readNotes(client.doc).map((n) => n.text)).toEqual(['fra serveren']);
    expect(readNotes(await h.storedState('board-command')).map((n) => n.id)).toEqual(['from-server']);
  });

  it("answers a joining client's sync while others keep writing (its step 1 does not lose its place)", async () => {
    const h = await setup();
    await h.seedBoard('board-join', 3);
    const [ada, bo] = [0, 1].map(() => new MemoryClient(h.relay, 'board-join'));
    if (!ada || !bo) throw new Error('two writers');
    await settle(h.relay, [ada, bo]);
    const turns = async () => {
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    let written = 0;
    const write = (client: MemoryClient) =>
      createNote(client.doc, { id: `w${written}`, x: written, y: 0, text: `w${written++}`, createdAt: 10 + written });
    // Storage is slow: each batch waits until the test lets it through.
    let storing = gate();
    h.store.appendGate = storing.promise;
    write(ada);
    await turns();
    // A first joiner's step 1 holds the room's frames; then a write, a second joiner, a write.
    const first = new MemoryClient(h.relay, 'board-join');
    write(bo);
    const second = new MemoryClient(h.relay, 'board-join');
    write(ada);
    const hasSeeded = (client: MemoryClient) => readNotes(client.doc).some((note) => note.id === 'seed0');
    // Each round one batch is stored and someone writes again, as in a busy plenum.
    for (let round = 0; round < 4 && !(hasSeeded(first) && hasSeeded(second)); round++) {
      const next = gate();
      h.store.appendGate = next.promise;
      storing.open();
      storing = next;
      await turns();
      write(round % 2 === 0 ? bo : ada);
      await turns();
      first.deliver();
      second.deliver();
    }
    // Both got the board's state (the seeded notes only come with the answer to their step 1).
    expect(hasSeeded(first)).toBe(true);
    expect(hasSeeded(second)).toBe(true);
    h.store.appendGate = null;
    storing.open();
    await settle(h.relay, [ada, bo, first, second]);
    for (const client of [ada, bo, first, second]) expect(readNotes(client.doc)).toHaveLength(3 + written);
  });

  it('stores all updates of one tick in one transaction', async () => {
    const h = await setup();
    await h.seedBoard('board-batch');
    const clients = Array.from({ length: 10 }, () => new MemoryClient(h.relay, 'board-batch'));
    await settle(h.relay, clients);
    const callsBefore = h.store.appendCalls;
    clients.forEach((client, i) => {
      createNote(client.doc, { id: `c${i}`, x: i, y: 0, createdAt: i });
    });
    await settle(h.relay, clients);
    expect(h.store.appendCalls - callsBefore).toBe(1);
    for (const client of clients) expect(readNotes(client.doc)).toHaveLength(10);
  });

  it('within the relay window, updates from several writers are stored as one row and reach a reader as one frame', async () => {
    const h = await setup({ timings: { relayWindowMs: 200, relayWindowClients: 4 } });
    await h.seedBoard('board-window');
    const [alice, bob, carol, reader] = Array.from({ length: 4 }, () => new MemoryClient(h.relay, 'board-window'));
    if (!alice || !bob || !carol || !reader) throw new Error('four clients');
    await settle(h.relay, [alice, bob, carol, reader]);

    // After a quiet spell the first update is stored and relayed at once.
    const first = h.store.nextAppend();
    createNote(alice.doc, { id: 'first', x: 0, y: 0, text: 'først', createdAt: 1 });
    await first;
    await h.relay.drain();
    expect(reader.socket.outbox).toHaveLength(1);
    reader.deliver();

    // Two more within the window wait for it to close: nothing is stored or relayed before that.
    const rowsBefore = (await h.storage.loadDoc('board-window'))?.updates.length ?? 0;
    const appendsBefore = h.store.appendCalls;
    const windowClosed = h.store.nextAppend();
    createNote(bob.doc, { id: 'second', x: 1, y: 0, text: 'anden', createdAt: 2 });
    createNote(carol.doc, { id: 'third', x: 2, y: 0, text: 'tredje', createdAt: 3 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.store.appendCalls).toBe(appendsBefore);
    expect(reader.socket.outbox).toHaveLength(0);

    await windowClosed;
    await h.relay.drain();
    expect(h.store.appendCalls - appendsBefore).toBe(1);
    expect(reader.socket.outbox).toHaveLength(1);
    reader.deliver();
    expect(
      readNotes(reader.doc)
        .map((note) => note.text)
        .sort(),
    ).toEqual(['anden', 'først', 'tredje']);
    // Both updates went into one log row.
    expect((await h.storage.loadDoc('board-window'))?.updates).toHaveLength(rowsBefore + 1);
    await settle(h.relay, [alice, bob, carol, reader]);
    for (const client of [alice, bob, carol]) expect(readNotes(client.doc)).toHaveLength(3);
  });
});

describe('relay: presence', () => {
  it('within the relay window, several cursor moves reach the others as one frame with the latest position', async () => {
    const h = await setup({ timings: { relayWindowMs: 200, relayWindowClients: 4 } });
    await h.seedBoard('board-presence');
    const mover = new MemoryClient(h.relay, 'board-presence');
    const watcher = new MemoryClient(h.relay, 'board-presence');
    await settle(h.relay, [mover, watcher]);
    const { encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const moveTo = (x: number) => {
      mover.awareness.setLocalStateField('cursor', { x, y: 0 });
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(mover.awareness, [mover.doc.clientID]));
      mover.send(encoding.toUint8Array(encoder));
    };
    const cursorSeen = () => watcher.awareness.getStates().get(mover.doc.clientID)?.cursor?.x;

    // After a quiet spell the first move goes out at once.
    const first = watcher.socket.nextFrame();
    moveTo(1);
    await first;
    expect(watcher.deliver()).toBe(1);
    expect(cursorSeen()).toBe(1);

    // Moves within the window wait for it and arrive together, as the latest state.
    const windowClosed = watcher.socket.nextFrame();
    moveTo(2);
    moveTo(3);
    moveTo(4);
    await new Promise((resolve) => setImmediate(resolve));
    expect(watcher.socket.outbox).toHaveLength(0);
    await windowClosed;
    expect(watcher.deliver()).toBe(1);
    expect(cursorSeen()).toBe(4);
  });
});

describe('relay: permissions and hostile input', () => {
  it('closes a read-only connection that sends an update with 4403; nothing is stored or relayed', async () => {
    const h = await setup();
    await h.seedBoard('board-readonly', 2);
    const writer = new MemoryClient(h.relay, 'board-readonly');
    const viewer = new MemoryClient(h.relay, 'board-readonly', { canWrite: false });
    await settle(h.relay, [writer, viewer]);
    // The viewer synced (its empty step 2 is fine) and reads the board.
    expect(readNotes(viewer.doc)).toHaveLength(2);
    expect(viewer.socket.isOpen()).toBe(true);
    const before = stateOf(await h.storedState('board-readonly'));
    const appendsBefore = h.store.appendCalls;

    createNote(viewer.doc, { id: 'sneaky', x: 0, y: 0, text: 'should not land', createdAt: 9 });
    expect(await viewer.socket.whenClosed()).toBe(CloseCode.ReadOnly);
    await settle(h.relay, [writer]);
    expect(writer.received).toBeGreaterThan(0);
    expect(readNotes(writer.doc)).toHaveLength(2);
    expect(h.store.appendCalls).toBe(appendsBefore);
    expect(stateOf(await h.storedState('board-readonly'))).toBe(before);
  });

  it('closes only the sender of malformed frames; the doc and other clients are unaffected', async () => {
    const h = await setup();
    await h.seedBoard('board-malformed', 1);
    const good = new MemoryClient(h.relay, 'board-malformed');
    await settle(h.relay, [good]);
    const before = stateOf(await h.storedState('board-malformed'));
    const frames = [
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // varint that never ends
      new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]), // absurd length
      new Uint8Array([0, 2, 3, 1, 2, 3]), // invalid Yjs update
      new Uint8Array([0, 9, 0]), // unknown sync step
      new Uint8Array([7]), // unknown message type
      new Uint8Array([1, 5, 1, 1, 1, 1, 0x7b]), // awareness with broken JSON
      new Uint8Array([]),
    ];
    for (const frame of frames) {
      const bad = new MemoryClient(h.relay, 'board-malformed', { sendStep1: false });
      bad.send(frame);
      expect(await bad.socket.whenClosed()).toBe(CloseCode.MalformedMessage);
    }
    createNote(good.doc, { id: 'after', x: 0, y: 0, createdAt: 2 });
    const witness = new MemoryClient(h.relay, 'board-malformed');
    await settle(h.relay, [good, witness]);
    expect(good.socket.isOpen()).toBe(true);
    expect(readNotes(witness.doc)).toHaveLength(2);
    expect(before).not.toBe(stateOf(await h.storedState('board-malformed')));
  });

  it('enforces frame size, message rate and awareness size with their close codes', async () => {
    const h = await setup({ limits: { maxFrameBytes: 2048, maxMessagesPerSecond: 5, maxAwarenessStateBytes: 100 } });
    await h.seedBoard('board-limits');
    const big = new MemoryClient(h.relay, 'board-limits', { sendStep1: false });
    big.send(updateFrame(new Uint8Array(4096)));
    expect(big.socket.closeCode).toBe(CloseCode.FrameTooLarge);

    const chatty = new MemoryClient(h.relay, 'board-limits', { sendStep1: false });
    for (let i = 0; i < 20 && chatty.socket.isOpen(); i++) chatty.send(new Uint8Array([3]));
    expect(chatty.socket.closeCode).toBe(CloseCode.RateLimited);

    const loud = new MemoryClient(h.relay, 'board-limits');
    await settle(h.relay, [loud]);
    loud.awareness.setLocalStateField('user', { name: 'x'.repeat(500) });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    const { encodeAwarenessUpdate } = await import('y-protocols/awareness');
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(loud.awareness, [loud.doc.clientID]));
    loud.send(encoding.toUint8Array(encoder));
    expect(loud.socket.closeCode).toBe(CloseCode.AwarenessTooLarge);
  });

  it('refuses an update that would grow the doc past its size limit', async () => {
    const h = await setup({ limits: { maxDocBytes: 4096 } });
    await h.seedBoard('board-doc-limit');
    const client = new MemoryClient(h.relay, 'board-doc-limit');
    await settle(h.relay, [client]);
    createNote(client.doc, { id: 'huge', x: 0, y: 0, text: 'x'.repeat(1900), createdAt: 1 });
    await settle(h.relay, [client]);
    createNote(client.doc, { id: 'huge2', x: 0, y: 0, text: 'y'.repeat(1900), createdAt: 2 });
    createNote(client.doc, { id: 'huge3', x: 0, y: 0, text: 'z'.repeat(1900), createdAt: 3 });
    expect(await client.socket.whenClosed()).toBe(CloseCode.DocTooLarge);
    await h.relay.drain();
    expect(readNotes(await h.storedState('board-doc-limit')).map((n) => n.id)).not.toContain('huge3');
  });
});

describe('relay: bounded memory', () => {
  it('closes a client that does not read instead of queueing without bound', async () => {
    const h = await setup({ limits: { maxBufferedBytes: 64 * 1024 } });
    await h.seedBoard('board-slow-reader');
    const writer = new MemoryClient(h.relay, 'board-slow-reader');
    const slow = new MemoryClient(h.relay, 'board-slow-reader');
    await settle(h.relay, [writer, slow]);
    slow.socket.buffered = 63 * 1024; // the OS buffer is nearly full: this client stopped reading
    createNote(writer.doc, { id: 'n', x: 0, y: 0, text: 'x'.repeat(2000), createdAt: 1 });
    await settle(h.relay, [writer]);
    expect(slow.socket.closeCode).toBe(CloseCode.SlowConsumer);
    expect(writer.socket.isOpen()).toBe(true);
  });

  it('unloads an idle doc once persisted, and a new client gets everything back from storage', async () => {
    const timers = new ManualTimers();
    const h = await setup({ timings: { idleUnloadMs: 0 }, scheduler: timers });
    await h.seedBoard('board-idle');
    const client = new MemoryClient(h.relay, 'board-idle');
    await settle(h.relay, [client]);
    createNote(client.doc, { id: 'n', x: 0, y: 0, text: 'husk mig', createdAt: 1 });
    await settle(h.relay, [client]);
    client.disconnect();
    timers.fire(); // the idle unload's time has come
    expect(h.relay.loadedRooms).toBe(0);
    const back = new MemoryClient(h.relay, 'board-idle');
    await settle(h.relay, [back]);
    expect(readNotes(back.doc).map((n) => n.text)).toEqual(['husk mig']);
  });

  it('refuses new docs past the loaded-doc budget with a retryable code, after unloading idle ones', async () => {
    const h = await setup({ limits: { maxLoadedDocs: 1 } });
    await h.seedBoard('board-a');
    await h.seedBoard('board-b');
    const a = new MemoryClient(h.relay, 'board-a');
    await settle(h.relay, [a]);
    const b = new MemoryClient(h.relay, 'board-b');
    expect(b.socket.closeCode).toBe(CloseCode.Overloaded);
    a.disconnect();
    const b2 = new MemoryClient(h.relay, 'board-b');
    await settle(h.relay, [b2]);
    expect(b2.socket.isOpen()).toBe(true);
  });
});

describe('relay: log and compaction', () => {
  it('compacts the log into a snapshot past its bound without losing anything', async () => {
    const h = await setup({ timings: { compactAfterUpdates: 10 } });
    await h.seedBoard('board-compact');
    const client = new MemoryClient(h.relay, 'board-compact');
    await settle(h.relay, [client]);
    for (let i = 0; i < 25; i++) {
      createNote(client.doc, { id: `n${i}`, x: i, y: i, text: `note ${i}`, createdAt: i });
      await settle(h.relay, [client]);
    }
    const compactionsDone = await h.registry.getSingleMetric('samle_compactions_total')?.get();
    expect(compactionsDone?.values[0]?.value).toBeGreaterThanOrEqual(1);
    const stored = await h.storage.loadDoc('board-compact');
    expect(stored?.snapshot).not.toBeNull();
    expect(stored?.updates.length).toBeLessThan(10);
    expect(readNotes(await h.storedState('board-compact'))).toEqual(readNotes(client.doc));
  });
});

describe('relay: updates with missing dependencies', () => {
  it('holds a few back without storing them, and closes a client that piles them up', async () => {
    const h = await setup({ limits: { maxFrameBytes: 4096 } });
    await h.seedBoard('board-pending');
    const client = new MemoryClient(h.relay, 'board-pending');
    const witness = new MemoryClient(h.relay, 'board-pending');
    await settle(h.relay, [client, witness]);
    // Updates that build on a change the server never saw: Yjs keeps them pending.
    const source = new Y.Doc();
    createNote(source, { id: 'base', x: 0, y: 0, createdAt: 1 });
    let sent = 0;
    while (client.socket.isOpen() && sent < 100) {
      const before = Y.encodeStateVector(source);
      createNote(source, { id: `dep${sent}`, x: 0, y: 0, text: 'x'.repeat(400), createdAt: 2 + sent });
      client.send(updateFrame(Y.encodeStateAsUpdate(source, before)));
      sent++;
      await h.relay.drain();
    }
    expect(client.socket.closeCode).toBe(CloseCode.MalformedMessage);
    expect(sent).toBeGreaterThan(1);
    await settle(h.relay, [witness]);
    expect(witness.socket.isOpen()).toBe(true);
    expect(readNotes(await h.storedState('board-pending'))).toEqual([]);
  });
});
