import { BOARD_SCHEMA_VERSION, createNote, metaOf, readNotes } from '@samle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryClient } from './support/memoryClient.js';
import { type Harness, relayHarness, settle } from './support/relayHarness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A board stored before `schemaVersion` existed (version 0): a note, no meta. */
async function seedOldBoard(h: Harness, id: string): Promise<void> {
  const doc = new Y.Doc();
  createNote(doc, { id: 'old-note', x: 10, y: 20, text: 'skrevet før versioner', createdAt: 1 });
  await h.storage.createBoard({ id, title: 'Old', kind: 'plenum', createdAt: 1 }, Y.encodeStateAsUpdate(doc));
  doc.destroy();
}

describe('board-schema migrations on load', () => {
  it('brings an old board up to the current schema when it loads, stored and seen by the client, notes kept', async () => {
    const h = await relayHarness();
    harness = h;
    await seedOldBoard(h, 'board-old-schema');
    const client = new MemoryClient(h.relay, 'board-old-schema');
    await settle(h.relay, [client]);

    expect(metaOf(client.doc).get('schemaVersion')).toBe(BOARD_SCHEMA_VERSION);
    const stored = await h.storedState('board-old-schema');
    expect(metaOf(stored).get('schemaVersion')).toBe(BOARD_SCHEMA_VERSION);
    expect(readNotes(stored).map((note) => note.text)).toEqual(['skrevet før versioner']);
  });

  it('writes nothing when a board already has the current schema', async () => {
    const h = await relayHarness();
    harness = h;
    await h.seedBoard('board-current-schema', 2);
    const rowsBefore = (await h.storage.loadDoc('board-current-schema'))?.updates.length;
    const client = new MemoryClient(h.relay, 'board-current-schema');
    await settle(h.relay, [client]);

    expect(readNotes(client.doc)).toHaveLength(2);
    expect((await h.storage.loadDoc('board-current-schema'))?.updates.length).toBe(rowsBefore);
  });
});
