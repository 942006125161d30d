import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const serverMain = path.join(root, 'server', 'dist', 'main.js');
const clientIndex = path.join(root, 'client', 'dist', 'index.html');

/** The built Samle server as a real child process: what `npm start` runs. */
export class SamleProcess {
  baseUrl = '';
  private child: ChildProcess | null = null;

  constructor(readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samle-e2e-'))) {
    if (!fs.existsSync(serverMain) || !fs.existsSync(clientIndex)) {
      throw new Error('SamleProcess: build first (pnpm build): server/dist or client/dist is missing');
    }
  }

  /** Starts the server and resolves with its URL once it prints the "running at" line. */
  start(port = 0): Promise<string> {
    const child = spawn(process.execPath, [serverMain], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SAMLE_DATA_DIR: this.dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    return new Promise((resolve, reject) => {
      let stdout = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /Samle is running at (http:\/\/\S+?)\/? /.exec(stdout);
        if (match?.[1]) {
          this.baseUrl = match[1];
          resolve(match[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`Samle exited with ${code} before it was ready:\n${stderr}`)));
    });
  }

  /** Graceful stop (SIGTERM: flush, close clients), resolving when the process is gone. */
  stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  /** Stops and starts again on the same port and data folder, so open pages reconnect by themselves. */
  async restart(): Promise<void> {
    const port = Number(new URL(this.baseUrl).port);
    await this.stop();
    await this.start(port);
  }
}

export function launchChromium(): Promise<Browser> {
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

/**
 * What Chromium refused under the server's Content-Security-Policy, in any person's page.
 * The suite fails a test file that caused any: the app must work with the policy on.
 */
export const cspViolations: string[] = [];

/** One browser context per simulated person, with their name and language already chosen. */
export async function personContext(browser: Browser, name: string, locale = 'da-DK'): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  context.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
      cspViolations.push(`${message.location().url}: ${message.text()}`);
    }
  });
  await context.addInitScript((personName) => {
    window.localStorage.setItem('samle.name', personName);
  }, name);
  return context;
}
