import { createNote, readNotes } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BOARD_ROOTS, notesGuard } from '../src/access/boardPolicy.js';
import { MemoryClient, updateFrame } from './support/memoryClient.js';
import { settle, useRelayHarness } from './support/relayHarness.js';
import { gate } from './support/stores.js';

const setup = useRelayHarness();
/** A participant's writing on a board: judged by the board's guard, as a real grant's socket is. */
const participant = (personId: string) =>
  notesGuard({ roots: BOARD_ROOTS, anonymous: false, mayDeleteMany: false, personId });

describe('relay: a writer back from offline', () => {
  it('takes an edit sent before the writer answered the sync, once the answer brings what it builds on', async () => {
    const h = await setup();
    await h.seedBoard('board-back');
    const ada = new MemoryClient(h.relay, 'board-back', { guard: participant('ada') });
    const reader = new MemoryClient(h.relay, 'board-back');
    await settle(h.relay, [ada, reader]);
    createNote(ada.doc, { id: 'online', x: 0, y: 0, text: 'online', createdAt: 1 });
    await settle(h.relay, [ada, reader]);

    // Offline: a note written on the device only.
    ada.disconnect();
    createNote(ada.doc, { id: 'offline', x: 1, y: 0, text: 'skrevet offline', createdAt: 2 });

    // Back: the same Yjs client, and — as a stock provider does once its socket is open — a new edit goes
    // out before the client has answered the server's step 1 with the offline note it builds on.
    const back = new MemoryClient(h.relay, 'board-back', {
      initial: Y.encodeStateAsUpdate(ada.doc),
      guard: participant('ada'),
    });
    back.doc.clientID = ada.doc.clientID;
    createNote(back.doc, { id: 'typed', x: 2, y: 0, text: 'skrevet straks', createdAt: 3 });
    await settle(h.relay, [back, reader]);

    // Nobody was closed, nothing is lost, everyone and storage have all three.
    expect(back.socket.closeCode).toBeNull();
    const ids = (doc: Y.Doc) =>
      readNotes(doc)
        .map((note) => note.id)
        .sort();
    expect(ids(reader.doc)).toEqual(['offline', 'online', 'typed']);
    expect(ids(await h.storedState('board-back'))).toEqual(['offline', 'online', 'typed']);
  });

  it('closes a writer that piles up edits without ever answering the sync (4429), and keeps none of them', async () => {
    const h = await setup({ limits: { maxFrameBytes: 4096, maxMessagesPerSecond: 10_000 } });
    await h.seedBoard('board-silent');
    const reader = new MemoryClient(h.relay, 'board-silent');
    await settle(h.relay, [reader]);
    // A client that says it holds structs the server never got, and never answers the server's step 1.
    const source = new Y.Doc();
    createNote(source, { id: 'base', x: 0, y: 0, text: 'x', createdAt: 1 });
    const silent = new MemoryClient(h.relay, 'board-silent', { sendStep1: false, guard: participant('bo') });
    for (let i = 0; silent.socket.closeCode === null && i < 50; i++) {
      const before = Y.encodeStateVector(source);
      createNote(source, { id: `n${i}`, x: i, y: 1, text: 'y'.repeat(500), createdAt: 2 + i });
      silent.send(updateFrame(Y.encodeStateAsUpdate(source, before)));
    }
    expect(silent.socket.closeCode).toBe(4429);
    await settle(h.relay, [reader]);
    expect(readNotes(reader.doc)).toHaveLength(0);
  });
});

describe('relay: a sync held over a rebuild', () => {
  it('answers a client whose step 1 was held behind an update that made the board rebuild', async () => {
    const h = await setup();
    await h.seedBoard('board-held', 3);
    const ada = new MemoryClient(h.relay, 'board-held', { guard: participant('ada') });
    const bo = new MemoryClient(h.relay, 'board-held', { guard: participant('bo') });
    await settle(h.relay, [ada, bo]);
    const turns = async () => {
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    // A batch on its way to storage: a first joiner's step 1 holds the room's frames.
    const storing = gate();
    h.store.appendGate = storing.promise;
    createNote(ada.doc, { id: 'a1', x: 0, y: 0, text: 'på vej', createdAt: 1 });
    await turns();
    const first = new MemoryClient(h.relay, 'board-held');
    // Held behind it: an update building on what the server lacks (it will make the board rebuild), then a second joiner.
    const orphan = new Y.Doc();
    createNote(orphan, { id: 'never-sent', x: 0, y: 0, text: 'x', createdAt: 2 });
    const sent = Y.encodeStateVector(orphan);
    createNote(orphan, { id: 'gap', x: 0, y: 0, text: 'y', createdAt: 3 });
    bo.send(updateFrame(Y.encodeStateAsUpdate(orphan, sent)));
    const second = new MemoryClient(h.relay, 'board-held');
    // The batch is stored: the held frames go — the first joiner is answered, the update is refused (4505) and
    // the board rebuilt; the second joiner must be answered once the rebuild is done.
    storing.open();
    h.store.appendGate = null;
    await settle(h.relay, [ada, first, second]);
    expect(bo.socket.closeCode).toBe(4505);
    const ids = (client: MemoryClient) =>
      readNotes(client.doc)
        .map((note) => note.id)
        .sort();
    expect(ids(first)).toEqual(['a1', 'seed0', 'seed1', 'seed2']);
    expect(ids(second)).toEqual(['a1', 'seed0', 'seed1', 'seed2']);
  });
});
