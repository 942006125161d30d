import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNote, readNotes } from '@samle/shared';
import * as prng from 'lib0/prng';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../src/storage/sqlite/SqliteStorage.js';
import { tempDataDir } from './support/samleServer.js';
import { type StockClient, stockClient, synced } from './support/stockClient.js';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const serverMain = path.join(dist, 'main.js');
const cliMain = path.join(dist, 'cli.js');

/** The built server as a separate process, so it can really be killed with SIGKILL. */
function startProcess(dataDir: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  if (!fs.existsSync(serverMain)) throw new Error(`crash test: build the server first (pnpm build): ${serverMain}`);
  const child = spawn(process.execPath, [serverMain], {
    env: { ...process.env, PORT: '0', SAMLE_DATA_DIR: dataDir, SAMLE_CLIENT_DIR: '', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+?)\/? /.exec(out);
      if (match?.[1]) resolve({ child, baseUrl: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before it was ready`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

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
    let { child, baseUrl } = await startProcess(dataDir);
    running.push(child);
    const signup = await fetch(`${baseUrl}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Crash Tester', email: 'crash@example.dk', password: 'a long enough password' }),
    });
    const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const created = await fetch(`${baseUrl}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-samle-csrf': '1' },
      body: JSON.stringify({ title: 'Crash test' }),
    });
    const boardId = ((await created.json()) as { id: string }).id;
    // The operator CLI mints the clients' token with the server's key, as a load test would.
    const token = execFileSync(
      process.execPath,
      [cliMain, 'mint-token', `--doc=${boardId}`, '--access', 'write', '--ttl', '600'],
      {
        env: { ...process.env, SAMLE_DATA_DIR: dataDir },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    ).trim();
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

      ({ child, baseUrl } = await startProcess(dataDir));
      running.push(child);
    }
    // The burst must actually have relayed something for the check to mean anything.
    expect(totalChecked).toBeGreaterThan(100);
  }, 120_000);
});
