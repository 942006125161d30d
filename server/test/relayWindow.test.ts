import { createNote, readNotes } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { relayWindowFor } from '../src/sync/relayWindow.js';
import { ManualTimers } from './support/manualTimers.js';
import { MemoryClient } from './support/memoryClient.js';
import { settle, useRelayHarness } from './support/relayHarness.js';

const setup = useRelayHarness();

describe('relay: a window per board', () => {
  it('relays an edit on a quiet board at once while a busy board waits for its own window', async () => {
    const timers = new ManualTimers();
    const h = await setup({ timings: { relayWindowMs: 60_000, relayWindowClients: 2 }, scheduler: timers });
    await h.seedBoard('board-busy');
    await h.seedBoard('board-quiet');
    const [busyWriter, busyReader] = [0, 1].map(() => new MemoryClient(h.relay, 'board-busy'));
    const [quietWriter, quietReader] = [0, 1].map(() => new MemoryClient(h.relay, 'board-quiet'));
    if (!busyWriter || !busyReader || !quietWriter || !quietReader) throw new Error('four clients');
    await settle(h.relay, [busyWriter, busyReader, quietWriter, quietReader]);
    timers.advance(60_000); // a quiet spell on both boards
    const ids = (client: MemoryClient) => readNotes(client.doc).map((note) => note.id);

    // The busy board's first edit after the quiet spell goes at once; its next one waits for the window.
    const firstOnBusy = busyReader.socket.nextFrame();
    createNote(busyWriter.doc, { id: 'busy-1', x: 0, y: 0, text: 'en', createdAt: 1 });
    await firstOnBusy;
    busyReader.deliver();
    createNote(busyWriter.doc, { id: 'busy-2', x: 1, y: 0, text: 'to', createdAt: 2 });

    // Meanwhile an edit on the quiet board is stored and relayed on the next turn, not after the busy board's window.
    const onQuiet = quietReader.socket.nextFrame();
    createNote(quietWriter.doc, { id: 'quiet-1', x: 0, y: 0, text: 'stille', createdAt: 3 });
    await onQuiet;
    quietReader.deliver();
    expect(ids(quietReader)).toEqual(['quiet-1']);
    expect(busyReader.socket.outbox).toHaveLength(0);
    expect(ids(busyReader)).toEqual(['busy-1']);

    // When the busy board's window closes, its waiting edit follows.
    const secondOnBusy = busyReader.socket.nextFrame();
    timers.advance(60_000);
    timers.fire();
    await secondOnBusy;
    busyReader.deliver();
    expect(ids(busyReader).sort()).toEqual(['busy-1', 'busy-2']);
  });
  it('gives a board of a few people no window, and a board with many clients one', async () => {
    const timers = new ManualTimers();
    const h = await setup({ timings: { relayWindowMs: 60_000, relayWindowClients: 12 }, scheduler: timers });
    await h.seedBoard('board-table');
    await h.seedBoard('board-plenum');
    const table = [0, 1].map(() => new MemoryClient(h.relay, 'board-table'));
    const plenum = Array.from({ length: 12 }, () => new MemoryClient(h.relay, 'board-plenum'));
    const [tableWriter, tableReader] = table;
    const [plenumWriter, plenumReader] = plenum;
    if (!tableWriter || !tableReader || !plenumWriter || !plenumReader) throw new Error('clients');
    await settle(h.relay, [...table, ...plenum]);
    timers.advance(60_000);
    const ids = (client: MemoryClient) =>
      readNotes(client.doc)
        .map((note) => note.id)
        .sort();

    // On the table's board (2 clients, fewer than 12) edits right after each other each go at once.
    for (const id of ['table-1', 'table-2', 'table-3']) {
      const relayed = tableReader.socket.nextFrame();
      createNote(tableWriter.doc, { id, x: 0, y: 0, text: id, createdAt: 1 });
      await relayed;
      tableReader.deliver();
    }
    expect(ids(tableReader)).toEqual(['table-1', 'table-2', 'table-3']);

    // On the plenum's board (12 clients) the first edit goes at once, the next waits for the window.
    const first = plenumReader.socket.nextFrame();
    createNote(plenumWriter.doc, { id: 'plenum-1', x: 0, y: 0, text: 'en', createdAt: 1 });
    await first;
    plenumReader.deliver();
    createNote(plenumWriter.doc, { id: 'plenum-2', x: 1, y: 0, text: 'to', createdAt: 2 });
    createNote(plenumWriter.doc, { id: 'plenum-3', x: 2, y: 0, text: 'tre', createdAt: 3 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(plenumReader.socket.outbox).toHaveLength(0);
    expect(ids(plenumReader)).toEqual(['plenum-1']);

    // When its window closes, both waiting edits reach the reader in one frame.
    const merged = plenumReader.socket.nextFrame();
    timers.advance(60_000);
    timers.fire();
    await merged;
    expect(plenumReader.deliver()).toBe(1);
    expect(ids(plenumReader)).toEqual(['plenum-1', 'plenum-2', 'plenum-3']);
  });
});

describe("relay: a window by the server's load", () => {
  it("relays a plenum's edits one by one while the server is idle, and merges them once it is busy", async () => {
    const timers = new ManualTimers();
    const h = await setup({
      timings: { relayWindowMs: 60_000, relayWindowClients: 2, relayWindowBusy: 0.5 },
      scheduler: timers,
    });
    await h.seedBoard('board-plenum');
    const [writer, reader] = [0, 1].map(() => new MemoryClient(h.relay, 'board-plenum'));
    if (!writer || !reader) throw new Error('two clients');
    await settle(h.relay, [writer, reader]);
    timers.advance(60_000);
    const ids = () =>
      readNotes(reader.doc)
        .map((note) => note.id)
        .sort();
    const relayedAtOnce = async (id: string) => {
      const relayed = reader.socket.nextFrame();
      createNote(writer.doc, { id, x: 0, y: 0, text: id, createdAt: 1 });
      await relayed;
      reader.deliver();
    };

    // The event loop at a fifth of its time (under three quarters of 0.5): no window, every edit goes on the next turn.
    timers.loadValue = 0.2;
    for (const id of ['idle-1', 'idle-2', 'idle-3']) await relayedAtOnce(id);
    expect(ids()).toEqual(['idle-1', 'idle-2', 'idle-3']);

    // Busy (0.8): the first edit after the last relay waits for the board's window, and what follows joins it.
    timers.loadValue = 0.8;
    createNote(writer.doc, { id: 'busy-1', x: 1, y: 0, text: 'en', createdAt: 2 });
    createNote(writer.doc, { id: 'busy-2', x: 2, y: 0, text: 'to', createdAt: 3 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(reader.socket.outbox).toHaveLength(0);
    const merged = reader.socket.nextFrame();
    timers.advance(60_000);
    timers.fire();
    await merged;
    expect(reader.deliver()).toBe(1);
    expect(ids()).toEqual(['busy-1', 'busy-2', 'idle-1', 'idle-2', 'idle-3']);

    // Idle again: no window.
    timers.loadValue = 0;
    await relayedAtOnce('idle-4');
    expect(ids()).toContain('idle-4');
  });

  it('sizes the window by the load: none under three quarters of "busy", all of it from "busy" on, in proportion between', () => {
    // A plenum at half load (where GC pauses and compactions swing the load by a tenth) gets no window.
    expect(relayWindowFor(120, 16, 40, 0.5, 0.8)).toBe(0);
    expect(relayWindowFor(120, 16, 40, 0.6, 0.8)).toBe(0);
    expect(relayWindowFor(120, 16, 40, 0.7, 0.8)).toBeCloseTo(24);
    expect(relayWindowFor(120, 16, 40, 0.8, 0.8)).toBe(48);
    expect(relayWindowFor(120, 16, 40, 0.95, 0.8)).toBe(48);
    // A table's board gets none whatever the load; "busy" 0 keeps the window whatever the load.
    expect(relayWindowFor(10, 16, 40, 1, 0.5)).toBe(0);
    expect(relayWindowFor(120, 16, 40, 0, 0)).toBe(48);
  });
});
