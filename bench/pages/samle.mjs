// A built Samle (server/dist + client/dist, what `npm start` runs) on a free port and a fresh data folder,
// and the API calls that give a participant a join code: a facilitator, a workshop from the municipal
// template, its first employee day opened.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoDir = path.resolve(import.meta.dirname, '..', '..');

export async function startSamle() {
  const serverMain = path.join(repoDir, 'server/dist/main.js');
  if (!existsSync(serverMain) || !existsSync(path.join(repoDir, 'client/dist/index.html'))) {
    throw new Error('bench/pages: build first (pnpm build): server/dist or client/dist is missing');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samle-pages-bench-'));
  const child = spawn(process.execPath, [serverMain], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SAMLE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /running at http:\/\/[^:]+:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`Samle exited (${code}) before it was ready`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function call(base, method, pathname, body, cookie) {
  const response = await fetch(`${base}${pathname}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie, 'x-samle-csrf': '1' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`${method} ${pathname} answered ${response.status}: ${await response.text()}`);
  return response;
}

/** A workshop whose first employee day is open; returns its join code. */
export async function openDayJoinCode(base) {
  const signUp = await call(base, 'POST', '/api/auth/signup', {
    name: 'Bench Facilitator',
    email: 'bench@example.dk',
    password: 'benchmark password',
  });
  const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0];
  const workshop = await (
    await call(base, 'POST', '/api/workshops', { title: 'Sidevægt', template: 'municipal-process' }, cookie)
  ).json();
  // The template's second session is employee day 1 (the first is the leaders').
  const session = workshop.sessions[1];
  const opened = await (await call(base, 'POST', `/api/sessions/${session.id}/open`, {}, cookie)).json();
  if (!opened.joinCode) throw new Error('bench/pages: the opened session has no join code');
  return opened.joinCode;
}
