import { CloseCode, createNote, readNotes } from '@samle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { UpdateGuard } from '../src/sync/types.js';
import { MemoryClient } from './support/memoryClient.js';
import { type Harness, relayHarness, settle } from './support/relayHarness.js';
import { gate } from './support/stores.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Judges an update by integrating it into the live doc, as the board guards do, and refuses it. */
const refuseAfterIntegrating: UpdateGuard = (doc, update) => {
  Y.applyUpdate(doc, update);
  return 'refused by the test guard';
};

describe('relay: rebuilding a doc after a refused update', () => {
  it('greets a client that connects while the doc is rebuilt, so what it wrote offline is asked for and stored', async () => {
    const h = await relayHarness();
    harness = h;
    const docId = 'board-repair-join';
    await h.seedBoard(docId, 2);
    const hostile = new MemoryClient(h.relay, docId, { guard: refuseAfterIntegrating });
    await settle(h.relay, [hostile]);

    // The refusal makes the room rebuild its doc from storage; the rebuild is held here.
    const rebuilding = gate();
    h.store.loadGate = rebuilding.promise;
    createNote(hostile.doc, { id: 'refused', x: 0, y: 0, createdAt: 1 });
    expect(await hostile.socket.whenClosed()).toBe(CloseCode.PolicyViolation);

    // Meanwhile someone who wrote a note while offline reconnects.
    const offline = await h.storedState(docId);
    createNote(offline, { id: 'written-offline', x: 10, y: 10, text: 'skrevet i toget', createdAt: 2 });
    const late = new MemoryClient(h.relay, docId, { initial: Y.encodeStateAsUpdate(offline) });
    const answered = late.socket.nextFrame();
    rebuilding.open();
    await answered;
    await settle(h.relay, [late]);

    const stored = readNotes(await h.storedState(docId)).map((note) => note.id);
    expect(stored).toContain('written-offline');
    expect(stored).not.toContain('refused');
    // Nor does anyone who connected during the rebuild receive the refused note.
    expect(readNotes(late.doc).map((note) => note.id)).not.toContain('refused');
    expect(late.socket.isOpen()).toBe(true);
  });
});
