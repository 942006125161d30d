// A big board for the browser measurements (bench/board/run.mjs, client/scripts/fit-big-board.mjs): a
// facilitator signs up, makes a board, and a real sync client writes `notes` notes on a grid in transactions of
// 250; a second client that receives them all proves the server stored and relayed them.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createNote } from '@samle/shared';
import { BenchClient, withTimeout } from '../relay/client.mjs';

const repoDir = path.resolve(import.meta.dirname, '..', '..');

async function signUp(base, name) {
  const response = await fetch(`${base}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, email: `${name.toLowerCase()}@example.dk`, password: 'benchmark password' }),
  });
  if (response.status !== 201) throw new Error(`signup answered ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

async function createBoard(base, cookie, title) {
  const response = await fetch(`${base}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-samle-csrf': '1' },
    body: JSON.stringify({ title }),
  });
  return (await response.json()).id;
}

/**
 * Signs up `name`, makes a board of `notes` notes on `server` (bench/browser/samle.mjs's startSamle) and
 * resolves with `{ cookie, boardId }` once a second client holds every note. `text(i)` is note i's text.
 */
export async function seedBigBoard(server, { notes, name = 'Bench', text = (i) => `Idé nummer ${i}` }) {
  const cookie = await signUp(server.base, name);
  const boardId = await createBoard(server.base, cookie, `${notes} notes`);
  const token = execFileSync(
    process.execPath,
    [path.join(repoDir, 'server/dist/cli.js'), 'mint-token', `--doc=${boardId}`, '--access=write', '--ttl=3600'],
    { env: { ...process.env, SAMLE_DATA_DIR: server.dataDir }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  ).trim();
  const url = `ws://127.0.0.1:${server.port}/sync/${boardId}?token=${token}`;
  const client = new BenchClient({ url, room: boardId, framing: 'yws' });
  await withTimeout(client.ready, 20_000, 'seeding client did not sync');
  const columns = Math.ceil(Math.sqrt(notes * 1.6));
  for (let start = 0; start < notes; start += 250) {
    client.edit(() => {
      for (let i = start; i < Math.min(notes, start + 250); i++) {
        const at = { x: (i % columns) * 230, y: Math.floor(i / columns) * 190 };
        createNote(client.doc, { id: `n${i}`, ...at, text: text(i), authorName: name, createdAt: i });
      }
    });
  }
  const check = new BenchClient({ url, room: boardId, framing: 'yws' });
  const arrived = (async () => {
    await check.ready;
    while (check.doc.getMap('notes').size < notes) await new Promise((resolve) => setTimeout(resolve, 50));
  })();
  await withTimeout(arrived, 60_000, 'seeded notes did not arrive');
  client.close();
  check.close();
  return { cookie, boardId };
}
