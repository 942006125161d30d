import type { ChildProcess } from 'node:child_process';
import { createNote, readNotes } from '@samle/shared';
import * as prng from 'lib0/prng';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../src/storage/sqlite/SqliteStorage.js';
import { createBoard, facilitatorCookie, killHard, mintWriteToken, startServerProcess } from './support/processes.js';
import { tempDataDir } from './support/samleServer.js';
import { type StockClient, stockClient, synced } from './support/stockClient.js';

function disconnected(client: StockClient): Promise<void> {
  if (!client.provider.wsconnected) return Promise.resolve();
  return new Promise((resolve) => {
    const onStatus = (event: { status: string }) => {
      if (event.status !== 'disconnected') return;
      client.provider.off('status', onStatus);
      resolve();
    };
    client.provider.on('status', onStatus);
  });
}

async function storedNotes(dataDir: string, boardId: string): Promise<Map<string, string>> {
  const storage = new SqliteStorage({ dataDir });
  try {
    const stored = await storage.loadDoc(boardId);
    const doc = new Y.Doc();
    for (const part of stored?.snapshot ? [stored.snapshot, ...stored.updates] : (stored?.updates ?? [])) {
      Y.applyUpdate(doc, part);
    }
    return new Map(readNotes(doc).map((note) => [note.id, note.text]));
  } finally {
    await storage.close();
  }
}

const running: ChildProcess[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) await killHard(child);
});

describe('crash safety', () => {
  it('kill -9 at random moments of a write burst, 20 cycles: no update any client received is lost', async () => {
    const gen = prng.create(4242);
    const dataDir = tempDataDir();
    const env = { SAMLE_DATA_DIR: dataDir };
    let { child, baseUrl } = await startServerProcess(env);
    running.push(child);
    const cookie = await facilitatorCookie(baseUrl, {
      name: 'Crash Tester',
      email: 'crash@example.dk',
      password: 'a long enough password',
    });
    const boardId = await createBoard(baseUrl, cookie, 'Crash test');
    // The operator CLI mints the clients' token with the server's key, as a load test would.
    const token = mintWriteToken(env, boardId, ['--ttl', '600']);
    let totalChecked = 0;

    for (let cycle = 0; cycle < 20; cycle++) {
      const wsUrl = `${baseUrl.replace('http', 'ws')}/sync`;
      const clients = Array.from({ length: 4 }, () => stockClient(wsUrl, boardId, { token }));
      await Promise.all(clients.map(synced));
      // Each client writes notes as fast as the event loop lets it, tagged with who wrote them.
      let seq = 0;
      const writers = clients.map((client, index) =>
        setInterval(() => {
          seq++;
          createNote(client.doc, {
            id: `c${cycle}-w${index}-${seq}`,
            x: seq,
            y: index,
            text: `t${seq}`,
            createdAt: seq,
          });
        }, 1),
      );
      await new Promise((resolve) => setTimeout(resolve, prng.int32(gen, 20, 250)));
      await killHard(child);
      for (const writer of writers) clearInterval(writer);
      await Promise.all(clients.map(disconnected));

      // What each client received from others (its own notes may legitimately be unsent).
      const received = new Map<string, string>();
      clients.forEach((client, index) => {
        for (const note of readNotes(client.doc)) {
          if (!note.id.includes(`-w${index}-`)) received.set(note.id, note.text);
        }
      });
      for (const client of clients) client.destroy();

      const stored = await storedNotes(dataDir, boardId);
      for (const [id, text] of received) {
        expect(stored.get(id), `cycle ${cycle}: note ${id} was received by a client but is not stored`).toBe(text);
      }
      totalChecked += received.size;

      ({ child, baseUrl } = await startServerProcess(env));
      running.push(child);
    }
    // The burst must actually have relayed something for the check to mean anything.
    expect(totalChecked).toBeGreaterThan(100);
  }, 120_000);
});
