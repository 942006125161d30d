import { CloseCode, createNote, notesOf } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BOARD_ROOTS, notesGuard } from '../src/access/boardPolicy.js';
import type { Room } from '../src/sync/Room.js';
import { MemoryClient, updateFrame } from './support/memoryClient.js';
import { type Harness, relayHarness, settle, stateOf } from './support/relayHarness.js';
import { startSamle } from './support/samleServer.js';
import { type StockClient, stockClient, synced, until } from './support/stockClient.js';

/**
 * A notes board written by guarded clients is judged from its struct index: the relay holds
 * no live Y.Doc for it (DocState's *indexed* form), answers sync from its encoded state, and
 * hands everything unusual to the live doc, which decides as it always has.
 */

const participant = (personId: string, anonymous = false) =>
  notesGuard({ roots: BOARD_ROOTS, anonymous, mayDeleteMany: false, personId });

function roomOf(h: Harness, docId: string): Room {
  let found: Room | undefined;
  h.relay.withRoom(docId, (room) => {
    found = room;
  });
  if (!found) throw new Error(`no room ${docId}`);
  return found;
}

async function storedRows(h: Harness, docId: string): Promise<number> {
  return (await h.storage.loadDoc(docId))?.updates.length ?? 0;
}

/** A board with 20 seeded notes and three guarded writers who have written a note each; the room is indexed. */
async function writtenBoard(anonymous = false) {
  const h = await relayHarness();
  await h.seedBoard('b', 20);
  const writers = ['ada', 'bo', 'cy'].map(
    (person) => new MemoryClient(h.relay, 'b', { guard: participant(person, anonymous) }),
  );
  await settle(h.relay, writers);
  writers.forEach((writer, i) => {
    createNote(writer.doc, { id: `w${i}`, x: i, y: i, text: `skrevet ${i}`, createdAt: 100 + i });
  });
  await settle(h.relay, writers);
  return { h, writers, room: roomOf(h, 'b') };
}

describe('a written notes board without a live Y.Doc', () => {
  it('takes writes, moves and typing into the index, and answers every kind of sync from the encoded state', async () => {
    const { h, writers, room } = await writtenBoard();
    try {
      const [ada, bo] = writers as [MemoryClient, MemoryClient, MemoryClient];
      notesOf(ada.doc).get('w0')?.set('x', 500);
      const text = notesOf(bo.doc).get('w1')?.get('text') as Y.Text;
      text.insert(text.length, ' og mere');
      await settle(h.relay, writers);
      expect(room.content.isLive).toBe(false);
      expect(room.content.isIndexed).toBe(true);
      const expected = stateOf(await h.storedState('b'));
      for (const writer of writers) expect(stateOf(writer.doc)).toBe(expected);
      // A fresh page (empty state vector) and a tab that has part of the board (its own state vector).
      const fresh = new MemoryClient(h.relay, 'b', { guard: participant('dan') });
      const partial = new MemoryClient(h.relay, 'b', {
        guard: participant('eve'),
        initial: Y.encodeStateAsUpdate(await h.storedState('b')),
      });
      createNote(ada.doc, { id: 'late', x: 1, y: 1, text: 'efter', createdAt: 200 });
      await settle(h.relay, [...writers, fresh, partial]);
      expect(notesOf(fresh.doc).size).toBe(24);
      const all = stateOf(await h.storedState('b'));
      for (const client of [...writers, fresh, partial]) expect(stateOf(client.doc)).toBe(all);
      expect(room.content.isLive).toBe(false);
    } finally {
      await h.close();
    }
  });

  it('serves the garbage-collected state after compaction and keeps its index for the next write', async () => {
    const { h, writers, room } = await writtenBoard();
    try {
      const [ada, bo] = writers as [MemoryClient, MemoryClient, MemoryClient];
      createNote(ada.doc, { id: 'gone', x: 0, y: 0, text: 'SLETTET-HEMMELIGHED', createdAt: 400 });
      await settle(h.relay, writers);
      ada.doc.transact(() => notesOf(ada.doc).delete('gone'));
      await settle(h.relay, writers);
      await h.relay.compactNow('b');
      expect(room.content.isIndexed).toBe(true);
      const served = Buffer.from(room.content.diff(new Uint8Array([0])));
      expect(served.includes(Buffer.from('SLETTET-HEMMELIGHED'))).toBe(false);
      createNote(bo.doc, { id: 'after', x: 0, y: 0, text: 'efter', createdAt: 401 });
      const fresh = new MemoryClient(h.relay, 'b', { guard: participant('dan') });
      await settle(h.relay, [...writers, fresh]);
      expect(room.content.isIndexed).toBe(true);
      expect(stateOf(fresh.doc)).toBe(stateOf(await h.storedState('b')));
      expect(notesOf(fresh.doc).has('after')).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('lets the live doc judge when the index cannot be built', async () => {
    const h = await relayHarness();
    try {
      await h.seedBoard('b', 5);
      const full = participant('ada');
      const judge = full.indexed;
      if (!judge) throw new Error('the board guard has an index judge');
      const broken = Object.assign(
        (doc: Y.Doc, update: Uint8Array, context: Parameters<typeof full>[2]) => full(doc, update, context),
        {
          indexed: {
            ...judge,
            build: () => {
              throw new Error('unreadable');
            },
          },
        },
      );
      const ada = new MemoryClient(h.relay, 'b', { guard: broken });
      const bo = new MemoryClient(h.relay, 'b', { guard: participant('bo') });
      await settle(h.relay, [ada, bo]);
      createNote(ada.doc, { id: 'a', x: 0, y: 0, createdAt: 1 });
      await settle(h.relay, [ada, bo]);
      expect(ada.socket.closeCode).toBeNull();
      expect(notesOf(bo.doc).has('a')).toBe(true);
      expect(roomOf(h, 'b').content.isLive).toBe(true);
      ada.doc.getMap('meta').set('title', 'x');
      await settle(h.relay, [ada, bo]);
      expect(ada.socket.closeCode).toBe(CloseCode.PolicyViolation);
    } finally {
      await h.close();
    }
  });

  it('stores nothing and relays nothing for an update it already has (a reused update)', async () => {
    const { h, writers, room } = await writtenBoard();
    try {
      const [ada, bo] = writers as [MemoryClient, MemoryClient, MemoryClient];
      const rows = await storedRows(h, 'b');
      const received = bo.received;
      ada.send(updateFrame(Y.encodeStateAsUpdate(ada.doc)));
      await settle(h.relay, writers);
      expect(await storedRows(h, 'b')).toBe(rows);
      expect(bo.received).toBe(received);
      expect(ada.socket.closeCode).toBeNull();
      expect(room.content.isIndexed).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('refuses as the live guard does: meta, an author on an anonymous board, too many deletes of others, garbage', async () => {
    const cases: Array<{ anonymous: boolean; write: (doc: Y.Doc) => void; code: number; reason: RegExp }> = [
      { anonymous: false, write: (doc) => doc.getMap('meta').set('title', 'x'), code: 4422, reason: /only the server/ },
      {
        anonymous: true,
        write: (doc) => notesOf(doc).get('w0')?.set('authorId', 'ada'),
        code: 4422,
        reason: /anonymous/,
      },
      {
        anonymous: false,
        write: (doc) => {
          for (let i = 0; i < 11; i++) notesOf(doc).delete(`seed${i}`);
        },
        code: CloseCode.ForeignDeletesRefused,
        reason: /facilitator/,
      },
    ];
    for (const { anonymous, write, code, reason } of cases) {
      const { h, writers } = await writtenBoard(anonymous);
      try {
        const [ada, bo] = writers as [MemoryClient, MemoryClient, MemoryClient];
        const rows = await storedRows(h, 'b');
        const before = stateOf(bo.doc);
        ada.doc.transact(() => write(ada.doc));
        await settle(h.relay, writers);
        expect(ada.socket.closeCode).toBe(code);
        expect(ada.socket.closeReason).toMatch(reason);
        expect(await storedRows(h, 'b')).toBe(rows);
        expect(stateOf(bo.doc)).toBe(before);
      } finally {
        await h.close();
      }
    }
    const { h, writers } = await writtenBoard();
    try {
      const ada = writers[0] as MemoryClient;
      // Bytes that do not decode are refused before any guard (4400), as they always were.
      const rows = await storedRows(h, 'b');
      ada.send(updateFrame(new Uint8Array([1, 1, 200, 7, 0, 40, 9, 9, 9])));
      await settle(h.relay, writers);
      expect(ada.socket.closeCode).toBe(CloseCode.MalformedMessage);
      expect(await storedRows(h, 'b')).toBe(rows);
    } finally {
      await h.close();
    }
  });

  it('falls back to the live doc for missing dependencies, a server change, an unguarded writer and another instance', async () => {
    const { h, writers, room } = await writtenBoard();
    try {
      const [ada, bo, cy] = writers as [MemoryClient, MemoryClient, MemoryClient];
      // An update that builds on one the server never had: closed 4505, as the live guard does.
      const offline = new Y.Doc();
      Y.applyUpdate(offline, Y.encodeStateAsUpdate(ada.doc));
      const lost: Uint8Array[] = [];
      offline.on('update', (update: Uint8Array) => lost.push(update));
      createNote(offline, { id: 'first', x: 0, y: 0, createdAt: 300 });
      notesOf(offline).get('first')?.set('x', 9);
      ada.send(updateFrame(lost[1] as Uint8Array));
      await settle(h.relay, writers);
      expect(ada.socket.closeCode).toBe(CloseCode.MissingDependencies);

      // Back to the index once the board is rebuilt; then a server change makes the doc live and keeps it all.
      room.content.makeCold();
      createNote(bo.doc, { id: 'bo2', x: 0, y: 0, createdAt: 301 });
      await settle(h.relay, [bo, cy]);
      expect(room.content.isIndexed).toBe(true);
      await h.relay.command('b', (doc) => doc.getMap('meta').set('title', 'Ny titel'));
      await settle(h.relay, [bo, cy]);
      expect(room.content.isLive).toBe(true);
      expect(bo.doc.getMap('meta').get('title')).toBe('Ny titel');
      expect(notesOf(cy.doc).has('bo2')).toBe(true);

      // An unguarded writer (no index judge) on an indexed board goes the live way.
      room.content.makeCold();
      createNote(cy.doc, { id: 'cy2', x: 0, y: 0, createdAt: 302 });
      await settle(h.relay, [bo, cy]);
      expect(room.content.isIndexed).toBe(true);
      const operator = new MemoryClient(h.relay, 'b');
      await settle(h.relay, [bo, cy, operator]);
      createNote(operator.doc, { id: 'op', x: 0, y: 0, createdAt: 303 });
      await settle(h.relay, [bo, cy, operator]);
      expect(room.content.isLive).toBe(true);

      // An update another instance stored: applied to the live doc and relayed.
      room.content.makeCold();
      createNote(bo.doc, { id: 'bo3', x: 0, y: 0, createdAt: 304 });
      await settle(h.relay, [bo, cy, operator]);
      expect(room.content.isIndexed).toBe(true);
      const elsewhere = new Y.Doc();
      Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(bo.doc));
      const remote: Uint8Array[] = [];
      elsewhere.on('update', (update: Uint8Array) => remote.push(update));
      createNote(elsewhere, { id: 'remote', x: 0, y: 0, createdAt: 305 });
      expect(room.applyRemote(remote[0] as Uint8Array)).toBe(true);
      await settle(h.relay, [bo, cy, operator]);
      expect(room.content.isLive).toBe(true);
      expect(notesOf(cy.doc).has('remote')).toBe(true);
      for (const id of ['bo2', 'cy2', 'op', 'bo3']) expect(notesOf(await h.storedState('b')).has(id)).toBe(true);
      for (const client of [bo, cy, operator]) expect(notesOf(client.doc).size).toBe(notesOf(elsewhere).size);
    } finally {
      await h.close();
    }
  });
});

describe("the server's board connections", () => {
  it('write a board through the index: no live doc while it is written over WebSocket', async () => {
    const samle = await startSamle();
    const clients: StockClient[] = [];
    try {
      const board = await samle.createBoard('Idéer');
      const writer = stockClient(samle.wsUrl, board.id, { token: await samle.tokenFor(board.id, 'write') });
      const reader = stockClient(samle.wsUrl, board.id, { token: await samle.tokenFor(board.id, 'read') });
      clients.push(writer, reader);
      await Promise.all([synced(writer), synced(reader)]);
      for (let i = 0; i < 30; i++) createNote(writer.doc, { id: `n${i}`, x: i, y: 0, text: `idé ${i}`, createdAt: i });
      await until(reader.doc, (doc) => notesOf(doc).size === 30);
      let mode = '';
      samle.samle.relay.withRoom(board.id, (room) => {
        mode = room.content.isLive ? 'live' : room.content.isIndexed ? 'indexed' : 'cold';
      });
      expect(mode).toBe('indexed');
    } finally {
      for (const client of clients) client.destroy();
      await samle.stop();
    }
  });
});
