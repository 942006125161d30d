// What the browser benchmarks share: a built Samle (server/dist + client/dist, what `npm start` runs) on a free
// port and a fresh data folder, and headless Chromium with the flags toolchain.md gives.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const repoDir = path.resolve(import.meta.dirname, '..', '..');

/**
 * Starts the built server; `name` tells whose data folder it is. `clientDir` serves another built client
 * (e.g. a copy of an older client/dist, to measure it beside this one); `samleDir` runs another built checkout
 * (server and client, e.g. an older commit, to measure before and after a change in one run).
 */
export async function startSamle(name, { clientDir, samleDir = repoDir } = {}) {
  const serverMain = path.join(samleDir, 'server/dist/main.js');
  if (!existsSync(serverMain) || !existsSync(path.join(samleDir, 'client/dist/index.html'))) {
    throw new Error(`bench/${name}: build first (pnpm build): server/dist or client/dist is missing`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), `samle-${name}-bench-`));
  const child = spawn(process.execPath, [serverMain], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SAMLE_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...(clientDir ? { SAMLE_CLIENT_DIR: path.resolve(clientDir) } : {}),
    },
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
    port,
    dataDir,
    samleDir,
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

/** Debian's Chromium, headless, without the background traffic that would blur the figures. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.SAMLE_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
