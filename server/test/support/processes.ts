import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
/** The built server's entry point, for tests that run it themselves (a start that must fail). */
export const serverMain = path.join(dist, 'main.js');
const cliMain = path.join(dist, 'cli.js');

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  wsUrl: string;
  /** Resolves when the process has exited (by itself or killed). */
  exited: Promise<void>;
}

/** The built server (`server/dist/main.js`) as its own process, so it can really be killed with SIGKILL. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  if (!fs.existsSync(serverMain)) throw new Error(`build the server first (pnpm build): ${serverMain}`);
  const child = spawn(process.execPath, [serverMain], {
    env: { ...process.env, PORT: '0', SAMLE_CLIENT_DIR: '', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+?)\/? /.exec(out);
      if (match?.[1]) resolve({ child, baseUrl: match[1], wsUrl: `${match[1].replace('http', 'ws')}/sync`, exited });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready`)));
  });
}

export function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const TEST_ACCOUNT = { name: 'Cluster', email: 'cluster-tests@example.dk', password: 'a long enough password' };

/**
 * The session cookie of a facilitator on `baseUrl`: the first account of a database signs
 * up; later calls (same database) sign in to it.
 */
export async function facilitatorCookie(baseUrl: string, account = TEST_ACCOUNT): Promise<string> {
  const post = (route: string, body: object) =>
    fetch(`${baseUrl}/api/auth/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  let session = await post('signup', account);
  if (session.status !== 201) session = await post('signin', { email: account.email, password: account.password });
  return (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Creates a loose board on `baseUrl` as the facilitator whose cookie this is; returns its id. */
export async function createBoard(baseUrl: string, cookie: string, title: string): Promise<string> {
  const created = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-samle-csrf': '1' },
    body: JSON.stringify({ title }),
  });
  if (created.status !== 201) throw new Error(`creating a board answered ${created.status}`);
  return ((await created.json()) as { id: string }).id;
}

/** A write token for a board, minted by the operator CLI (`server/dist/cli.js`) with the server's key, as a load test would. */
export function mintWriteToken(env: Record<string, string>, boardId: string, extra: string[] = []): string {
  return execFileSync(process.execPath, [cliMain, 'mint-token', `--doc=${boardId}`, '--access', 'write', ...extra], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}

/** Signs up a facilitator on `baseUrl`, creates a board there and mints a write token for it with the CLI. */
export async function boardWithToken(
  baseUrl: string,
  env: Record<string, string>,
  title: string,
): Promise<{ boardId: string; token: string }> {
  const boardId = await createBoard(baseUrl, await facilitatorCookie(baseUrl), title);
  return { boardId, token: mintWriteToken(env, boardId) };
}

/** One counter's value (summed over the given label filter) from an instance's `/metrics`. */
export async function metricValue(baseUrl: string, token: string, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const [series, value] = line.split(' ');
    if (!series || (series !== name && !series.startsWith(`${name}{`))) continue;
    if (labels && !series.includes(labels)) continue;
    sum += Number(value);
  }
  return sum;
}
