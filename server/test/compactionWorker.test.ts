import { createNote, deleteNote, readNotes } from '@samle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SnapshotMerger } from '../src/sync/SnapshotMerger.js';
import { mergeForSnapshot } from '../src/sync/snapshotMerge.js';
import type { RelayLogger } from '../src/sync/types.js';
import { MemoryClient } from './support/memoryClient.js';
import { type Harness, relayHarness, settle, stateOf } from './support/relayHarness.js';
import { gate } from './support/stores.js';

/** A board's history as its stored parts: the first state, then one update per edit (notes made, moved, deleted). */
function boardParts(notes: number): Uint8Array[] {
  const doc = new Y.Doc();
  const parts: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => parts.push(update));
  for (let i = 0; i < notes; i++) {
    createNote(doc, { id: `n${i}`, x: i, y: i, text: `note ${i} with some words in it`, createdAt: i });
  }
  for (let i = 0; i < notes; i += 3) deleteNote(doc, `n${i}`);
  doc.destroy();
  return parts;
}

function recordingLogger(): RelayLogger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => {}, warn: () => {}, error: (_obj, msg) => errors.push(msg) };
}

const mergers: SnapshotMerger[] = [];
function merger(logger: RelayLogger, url?: URL): SnapshotMerger {
  const made = url ? new SnapshotMerger(logger, url) : new SnapshotMerger(logger);
  mergers.push(made);
  return made;
}

let harness: Harness | undefined;
afterEach(async () => {
  await Promise.all(mergers.splice(0).map((m) => m.close()));
  await harness?.close();
  harness = undefined;
});

describe('compaction merge on a worker thread', () => {
  it('gives the same state, byte for byte, as the merge on the relay thread, without deleted notes', async () => {
    const parts = boardParts(600);
    const here = mergeForSnapshot(parts);
    const away = await merger(recordingLogger()).merge(parts);
    expect(Buffer.from(away).equals(Buffer.from(here))).toBe(true);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, away);
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVectorFromUpdate(Y.mergeUpdates(parts)));
    expect(readNotes(doc)).toHaveLength(400);
    // The parts it was given are untouched (they were copied into the buffer sent over).
    expect(mergeForSnapshot(parts)).toEqual(here);
  });

  it('leaves the relay thread free while it merges a big board', async () => {
    const parts = boardParts(3000);
    let turns = 0;
    let merging = true;
    const spin = () => {
      turns++;
      if (merging) setImmediate(spin);
    };
    setImmediate(spin);
    await merger(recordingLogger()).merge(parts);
    merging = false;
    // In-thread, the merge would finish before a single turn of the loop.
    expect(turns).toBeGreaterThan(1);
  });

  it('rejects a part that does not apply, with the reason', async () => {
    const parts = [...boardParts(3), new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02])];
    await expect(merger(recordingLogger()).merge(parts)).rejects.toThrow();
  });

  it('merges on the relay thread, and says so, when its worker dies', async () => {
    const logger = recordingLogger();
    const dying = merger(logger, new URL('data:text/javascript,process.exit(3)'));
    const parts = boardParts(50);
    const merged = await dying.merge(parts);
    expect(merged).toEqual(mergeForSnapshot(parts));
    expect(logger.errors[0]).toMatch(/compaction worker died/);
    // Three deaths, and it stops starting workers.
    await dying.merge(parts);
    await dying.merge(parts);
    expect(dying.offThread).toBe(false);
    expect(logger.errors.at(-1)).toMatch(/merge on the relay thread/);
  });
});

describe("relay: a board's clean state for its history", () => {
  it("is built on the worker thread, without deleted text, with the board's note count", async () => {
    harness = await relayHarness();
    const h = harness;
    await h.seedBoard('board-big', 3000);
    const writer = new MemoryClient(h.relay, 'board-big');
    await settle(h.relay, [writer]);
    createNote(writer.doc, { id: 'secret', x: 0, y: 0, text: 'SLETTET-TEKST', createdAt: 1 });
    await settle(h.relay, [writer]);
    deleteNote(writer.doc, 'secret');
    createNote(writer.doc, { id: 'kept', x: 0, y: 0, text: 'bliver', createdAt: 2 });
    await settle(h.relay, [writer]);

    let turns = 0;
    let building = true;
    const spin = () => {
      turns++;
      if (building) setImmediate(spin);
    };
    setImmediate(spin);
    const { state, keys } = await h.relay.cleanState('board-big', 'notes');
    building = false;
    // Built here, a 3,000-note board's copy would finish before a single turn of the loop.
    expect(turns).toBeGreaterThan(1);
    expect(keys).toBe(3001);
    expect(Buffer.from(state).includes(Buffer.from('SLETTET-TEKST'))).toBe(false);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    expect(readNotes(doc).map((note) => note.id)).toContain('kept');
  });
});

describe('relay: a compaction on the worker thread', () => {
  it('stores and relays what is written while it merges, and loses none of it', async () => {
    harness = await relayHarness({ timings: { compactAfterUpdates: 10 } });
    const h = harness;
    await h.seedBoard('board-busy', 20);
    const writer = new MemoryClient(h.relay, 'board-busy');
    const reader = new MemoryClient(h.relay, 'board-busy');
    await settle(h.relay, [writer, reader]);

    // The compaction's write waits after the worker's merge; the board goes on meanwhile.
    const held = gate();
    h.store.mergeGate = held.promise;
    const merged = h.store.nextMerge();
    // relay.drain() waits for compactions, so while one is held the clients are served by hand.
    const flow = async (done: () => boolean) => {
      while (!done()) {
        writer.deliver();
        reader.deliver();
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    for (let i = 0; i < 12; i++) {
      const stored = h.store.appendedUpdates;
      createNote(writer.doc, { id: `before${i}`, x: i, y: 0, text: `before ${i}`, createdAt: 100 + i });
      await flow(() => h.store.appendedUpdates > stored);
    }
    await merged;

    const appendedBefore = h.store.appendedUpdates;
    for (let i = 0; i < 15; i++) {
      createNote(writer.doc, { id: `during${i}`, x: i, y: 1, text: `during ${i}`, createdAt: 200 + i });
    }
    // Stored and relayed while the compaction has not written yet.
    await flow(() => readNotes(reader.doc).length === 47);
    expect(h.store.appendedUpdates).toBeGreaterThan(appendedBefore);
    expect(h.store.compactions).toBe(0);

    held.open();
    await settle(h.relay, [writer, reader]);
    expect(h.store.compactions).toBeGreaterThanOrEqual(1);
    const stored = await h.storage.loadDoc('board-busy');
    expect(stored?.snapshot).not.toBeNull();
    // Everything written during the merge is in storage: in the log left after the new snapshot, or merged since.
    expect(stateOf(await h.storedState('board-busy'))).toBe(stateOf(writer.doc));
    expect(stateOf(reader.doc)).toBe(stateOf(writer.doc));
    expect(readNotes(await h.storedState('board-busy'))).toHaveLength(47);
    expect(h.errors).toEqual([]);
  });
});
