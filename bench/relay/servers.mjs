import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { withTimeout } from './client.mjs';

/**
 * Starts the three servers under test, each pinned to core 0, and gives the
 * scenarios one shape for all of them: a pid to measure, a way to make a room,
 * and the URLs clients use.
 */
export const SERVER_KINDS = ['samle', 'reference', 'hocuspocus'];

const HOST = '127.0.0.1';
const benchDir = path.resolve(import.meta.dirname, '..');
const repoDir = path.resolve(benchDir, '..');
// The reference server is a dependency of @samle/bench (yjs 13; its optional LevelDB persistence is not built).
const referenceDir = benchDir;
/** Which Samle checkout to run: this repo by default, or another one (`--samle-dir`), e.g. a build of an older commit. */
let samleDir = repoDir;

export function useSamleDir(dir) {
  samleDir = path.resolve(dir);
}

function versionOf(packageJson) {
  return JSON.parse(readFileSync(packageJson, 'utf8')).version;
}

/** Fails early, with the fix, when something a server needs is missing. */
export function prepare(kind, { build = false } = {}) {
  if (kind === 'samle') {
    const main = path.join(samleDir, 'server/dist/main.js');
    if (build || !existsSync(main)) {
      process.stderr.write(`building Samle (pnpm build in ${samleDir})...\n`);
      const result = spawnSync('pnpm', ['build'], { cwd: samleDir, stdio: 'inherit' });
      if (result.status !== 0) throw new Error('pnpm build failed');
    }
    return { label: 'Samle', version: versionOf(path.join(samleDir, 'server/package.json')), dir: samleDir };
  }
  if (kind === 'reference') {
    const pkg = path.join(referenceDir, 'node_modules/@y/websocket-server/package.json');
    if (!existsSync(pkg)) {
      throw new Error('the reference server is not installed: run  pnpm install');
    }
    return { label: 'y-websocket ref', version: versionOf(pkg) };
  }
  const pkg = path.join(benchDir, 'node_modules/@hocuspocus/server/package.json');
  return { label: 'Hocuspocus', version: versionOf(pkg) };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Samle serves /metrics only to a scraper with this token.
const METRICS_TOKEN = 'bench-relay-metrics-token';

function commandFor(kind, port, dataDir) {
  const base = { ...process.env, HOST, PORT: String(port) };
  if (kind === 'samle') {
    return {
      script: path.join(samleDir, 'server/dist/main.js'),
      env: {
        ...base,
        SAMLE_DATA_DIR: dataDir,
        SAMLE_CLIENT_DIR: '',
        LOG_LEVEL: 'warn',
        SAMLE_MAX_MESSAGES_PER_SECOND: '100000',
        SAMLE_MAX_BUFFERED_BYTES: '268435456',
        SAMLE_METRICS_TOKEN: METRICS_TOKEN,
      },
      readyLine: /Samle is running at/,
    };
  }
  if (kind === 'reference') {
    return {
      script: path.join(referenceDir, 'node_modules/@y/websocket-server/src/server.js'),
      env: base,
      readyLine: /running at/,
    };
  }
  return { script: path.join(import.meta.dirname, 'hocuspocus-server.mjs'), env: base, readyLine: /hocuspocus ready/ };
}

/**
 * Starts one server on core 0. `dataDir` (Samle only) reuses a data folder, for
 * a restart; by default every start gets a fresh one, removed on stop.
 */
export async function startServer(kind, { dataDir } = {}) {
  const port = await freePort();
  const ownDataDir = kind === 'samle' && !dataDir;
  const dir = kind === 'samle' ? (dataDir ?? mkdtempSync(path.join(tmpdir(), 'samle-bench-'))) : null;
  const { script, env, readyLine } = commandFor(kind, port, dir);
  // Every server, Samle and peers alike, can be asked what it holds after a full GC (heapWatch.mjs).
  const heapWatch = ['--expose-gc', '--import', pathToFileURL(path.join(import.meta.dirname, 'heapWatch.mjs')).href];
  const nodeArgs = [...heapWatch, ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const child = spawn('taskset', ['-c', '0', process.execPath, ...nodeArgs, script], {
    env,
    cwd: repoDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output = (output + chunk.toString()).slice(-4000);
      if (readyLine.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(({ code, signal }) => reject(new Error(`${kind} exited early (${code ?? signal}): ${output}`)));
  });
  // Generous: on a shared, loaded machine a pinned server has taken over 30 s to start.
  await withTimeout(ready, 90_000, `${kind} did not start`);
  const httpBase = `http://${HOST}:${port}`;
  const wsBase = `ws://${HOST}:${port}`;
  let roomCounter = 0;
  let cookie;
  const tokens = new Map();
  /** A board's token; after a restart on old data the map is empty, so it is minted again from the key there. */
  const tokenFor = (room) => {
    if (!tokens.has(room) && kind === 'samle' && existsSync(path.join(dir, 'signing.key'))) {
      tokens.set(room, mintToken(dir, room));
    }
    return tokens.get(room);
  };

  return {
    kind,
    pid: child.pid,
    port,
    dataDir: dir,
    framing: kind === 'hocuspocus' ? 'hocuspocus' : 'yws',
    /** Frames the server has sent so far (Samle's /metrics counter); null for servers without one. */
    framesOut() {
      return this.metric('samle_frames_out_total');
    },
    /** One unlabelled series of Samle's /metrics (e.g. `samle_compactions_total`); null if absent or another server. */
    async metric(name) {
      if (kind !== 'samle') return null;
      try {
        const text = await (
          await fetch(`${httpBase}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
        ).text();
        const match = new RegExp(`^${name} ([\\d.e+-]+)$`, 'm').exec(text);
        return match ? Number(match[1]) : null;
      } catch {
        return null;
      }
    },
    /** Base URL and room for a stock WebsocketProvider (null: the server does not speak plain y-websocket). */
    providerBase: kind === 'samle' ? `${wsBase}/sync` : kind === 'reference' ? wsBase : null,
    /** Creates a room (a board, for Samle) and returns its name. */
    async createRoom(title) {
      if (kind !== 'samle') return `bench-${++roomCounter}-${title.replace(/\W+/g, '-')}`;
      // Samle needs a facilitator to create a board, and a token to sync it (no auth bypass).
      // An older Samle (before accounts) has no signup route: it then needs neither cookie nor token.
      if (cookie === undefined) cookie = await signUpBenchFacilitator(httpBase);
      const auth = cookie === null ? {} : { cookie, 'x-samle-csrf': '1' };
      const response = await fetch(`${httpBase}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ title }),
      });
      if (response.status !== 201) throw new Error(`POST /api/boards answered ${response.status}`);
      const { id } = await response.json();
      if (cookie !== null) tokens.set(id, mintToken(dir, id));
      return id;
    },
    /** Query string a stock provider needs for `room` (Samle: its token). */
    params(room) {
      const token = tokenFor(room);
      return token ? { token } : {};
    },
    /** The URL one hand-written client opens for `room`. */
    roomUrl(room) {
      if (kind === 'samle') {
        const token = tokenFor(room);
        return token ? `${wsBase}/sync/${room}?token=${token}` : `${wsBase}/sync/${room}`;
      }
      if (kind === 'reference') return `${wsBase}/${room}`;
      return wsBase;
    },
    output: () => output,
    /** Stops the server (SIGTERM, then SIGKILL after 10 s); removes its data folder unless `keepData`. */
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      if (ownDataDir && !keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs up Samle's first facilitator (a fresh data folder has none) and returns the session cookie (null: no accounts). */
async function signUpBenchFacilitator(httpBase) {
  const response = await fetch(`${httpBase}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench', email: 'bench@example.dk', password: 'benchmark password' }),
  });
  if (response.status === 404) return null;
  if (response.status !== 201) throw new Error(`signup answered ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

/** A write token for one board from the operator CLI, signed with the server's key in its data folder. */
function mintToken(dataDir, boardId) {
  return execFileSync(
    process.execPath,
    [
      path.join(samleDir, 'server/dist/cli.js'),
      'mint-token',
      `--doc=${boardId}`,
      '--access',
      'write',
      '--ttl',
      '86400',
    ],
    {
      env: { ...process.env, SAMLE_DATA_DIR: dataDir },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  ).trim();
}
