import { createNote, readNotes } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocState } from '../src/sync/DocState.js';
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
