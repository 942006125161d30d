import { createNote, readNotes, notesOf as readNotesMap } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocState } from '../src/sync/DocState.js';
import { mergeForSnapshot } from '../src/sync/snapshotMerge.js';
import { ManualTimers } from './support/manualTimers.js';
import { MemoryClient } from './support/memoryClient.js';
import { relayHarness, settle } from './support/relayHarness.js';

function boardWithNotes(count: number): Y.Doc {
  const doc = new Y.Doc();
  for (let i = 0; i < count; i++) createNote(doc, { id: `n${i}`, x: i, y: i, text: `note ${i}`, createdAt: i });
  return doc;
}

describe('DocState: cold and live', () => {
  it('serves state vector and diffs from the cold form exactly as a live doc would', () => {
    const source = boardWithNotes(20);
    const cold = new DocState(() => {});
    cold.reset(Y.encodeStateAsUpdate(source));
    expect(cold.isLive).toBe(false);

    const reader = new Y.Doc();
    createNote(reader, { id: 'mine', x: 0, y: 0, createdAt: 0 });
    Y.applyUpdate(reader, cold.diff(Y.encodeStateVector(reader)));
    expect(readNotes(reader)).toHaveLength(21);
    expect(cold.stateVector()).toEqual(Y.encodeStateVector(source));
    expect(cold.isLive).toBe(false);
  });

  it('goes live for a write, reports the effective update, and keeps everything when it goes cold again', () => {
    const effective: Uint8Array[] = [];
    const state = new DocState((update) => effective.push(update));
    state.reset(Y.encodeStateAsUpdate(boardWithNotes(3)));
    const live = state.live();
    expect(effective).toEqual([]);
    createNote(live, { id: 'new', x: 0, y: 0, text: 'ny', createdAt: 9 });
    expect(effective).toHaveLength(1);
    state.makeCold();
    expect(state.isLive).toBe(false);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state.diff(new Uint8Array([0])));
    expect(readNotes(copy).map((n) => n.id)).toEqual(['n0', 'n1', 'n2', 'new']);
  });

  it("takes a compaction's clean state only when nothing changed since compaction took its mark", () => {
    const source = boardWithNotes(3);
    const state = new DocState(() => {});
    state.reset(Y.encodeStateAsUpdate(source));
    const appendFrom = (doc: Y.Doc, change: () => void) => {
      const before = Y.encodeStateVector(doc);
      change();
      state.append(Y.encodeStateAsUpdate(doc, before));
    };
    appendFrom(source, () => createNote(source, { id: 'kept', x: 0, y: 0, text: 'SLETTES-SNART', createdAt: 5 }));
    appendFrom(source, () => readNotesMap(source).delete('kept'));
    const ids = () => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, state.diff(new Uint8Array([0])));
      return readNotes(copy).map((note) => note.id);
    };
    // What compaction merged from storage: the same notes, the deleted one's text collected.
    const clean = Y.encodeStateAsUpdate(source);
    const text = (bytes: Uint8Array) => Buffer.from(bytes).includes(Buffer.from('SLETTES-SNART'));
    expect(text(clean)).toBe(false);

    // A write after the mark: the clean state lacks it, so it is not taken.
    const stale = state.changes;
    appendFrom(source, () => createNote(source, { id: 'late', x: 0, y: 0, text: 'sen', createdAt: 6 }));
    state.compacted(clean, stale);
    expect(ids()).toContain('late');

    // Nothing since the mark: the clean state is served, with the held updates it already contains.
    const fresh = Y.encodeStateAsUpdate(source);
    state.compacted(fresh, state.changes);
    expect(text(state.diff(new Uint8Array([0])))).toBe(false);
    expect(ids()).toEqual(['n0', 'n1', 'n2', 'late']);
  });

  it('merges held updates away from its thread, keeps what arrives meanwhile, and drops a merge made moot', async () => {
    const source = boardWithNotes(3);
    const asked: Array<{ parts: readonly Uint8Array[]; finish: () => void }> = [];
    const state = new DocState(
      () => {},
      (parts) =>
        new Promise((resolve) => {
          asked.push({ parts, finish: () => resolve(mergeForSnapshot(parts)) });
        }),
    );
    state.reset(Y.encodeStateAsUpdate(source));
    const write = (id: string) => {
      const before = Y.encodeStateVector(source);
      createNote(source, { id, x: 0, y: 0, text: 'x'.repeat(2000), createdAt: 1 });
      state.append(Y.encodeStateAsUpdate(source, before));
    };
    const served = () => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, state.diff(Y.encodeStateVector(new Y.Doc())));
      return readNotes(copy).length;
    };
    // Past 32 KB held: one merge is asked for, with the state and everything held then.
    let written = 0;
    while (asked.length === 0 && written < 40) write(`a${written++}`);
    const first = asked[0] as (typeof asked)[number];
    expect(first.parts).toHaveLength(1 + written);
    // More arrives while it runs: no second merge, and it stays held.
    write('late');
    expect(asked).toHaveLength(1);
    first.finish();
    await new Promise((resolve) => setImmediate(resolve));
    // The merged state stands in for the state and those held; the late one is still there.
    expect(served()).toBe(3 + written + 1);

    // A merge made moot by a reset meanwhile is not taken.
    for (let i = 0; i < 40 && asked.length < 2; i++) write(`b${i}`);
    expect(asked).toHaveLength(2);
    state.reset(Y.encodeStateAsUpdate(boardWithNotes(1)));
    (asked[1] as (typeof asked)[number]).finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(served()).toBe(1);
  });

  it('keeps a doc that is only read cold in the relay, and makes it cold again after writing stops', async () => {
    const timers = new ManualTimers();
    const h = await relayHarness({ timings: { coldAfterMs: 0 }, scheduler: timers });
    try {
      await h.seedBoard('board-cold', 50);
      const readers = Array.from({ length: 5 }, () => new MemoryClient(h.relay, 'board-cold'));
      await settle(h.relay, readers);
      let room: { content: DocState } | undefined;
      h.relay.withRoom('board-cold', (r) => {
        room = r;
      });
      expect(room?.content.isLive).toBe(false);
      for (const reader of readers) expect(readNotes(reader.doc)).toHaveLength(50);

      createNote(readers[0]?.doc ?? new Y.Doc(), { id: 'w', x: 0, y: 0, createdAt: 99 });
      await settle(h.relay, readers);
      expect(readNotes(readers[4]?.doc ?? new Y.Doc())).toHaveLength(51);
      // The cold timer set by the write: its time has come.
      timers.fire();
      expect(room?.content.isLive).toBe(false);
      const late = new MemoryClient(h.relay, 'board-cold');
      await settle(h.relay, [late]);
      expect(readNotes(late.doc)).toHaveLength(51);
    } finally {
      await h.close();
    }
  });
});
