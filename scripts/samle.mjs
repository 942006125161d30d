#!/usr/bin/env node
// The two Quick start commands (README): `npm start` and `npm test`.
// Needs only Node 20 and npm: it brings the pinned pnpm, installs, builds, then
// starts Samle or runs every test. Plain JavaScript, so it runs before anything is built.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const CHROMIUM = process.env.SAMLE_CHROMIUM || '/usr/bin/chromium';
const command = process.argv[2];

function say(message) {
  process.stdout.write(`\x1b[1m[samle]\x1b[0m ${message}\n`);
}

function fail(message) {
  process.stderr.write(`\n[samle] ${message}\n`);
  process.exit(1);
}

/** The pinned pnpm: the one on PATH if it is the right version, else through npx (no global install needed). */
function pnpmCommand() {
  const found = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (found.status === 0 && found.stdout.trim() === PNPM_VERSION) return ['pnpm'];
  say(`using pnpm ${PNPM_VERSION} through npx (install it globally with: npm i -g pnpm@${PNPM_VERSION})`);
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

/** better-sqlite3 is compiled by node-gyp; pnpm ignores .npmrc's nodedir, so pass npm's through the environment. */
function buildEnv() {
  const env = { ...process.env };
  if (!env.npm_config_nodedir) {
    try {
      const nodedir = execFileSync('npm', ['config', 'get', 'nodedir'], { encoding: 'utf8' }).trim();
      if (nodedir && nodedir !== 'undefined' && fs.existsSync(path.join(nodedir, 'include', 'node', 'node.h'))) {
        env.npm_config_nodedir = nodedir;
      }
    } catch {
      // No npm config: node-gyp falls back to its own header lookup.
    }
  }
  return env;
}

function run(argv, env) {
  const [bin, ...args] = argv;
  const result = spawnSync(bin, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (result.error) fail(`could not run ${bin}: ${result.error.message}`);
  return result.status ?? 1;
}

function must(argv, env, what) {
  const status = run(argv, env);
  if (status !== 0) fail(`${what} failed (exit ${status}); see the output above.`);
}

function installAndBuild(pnpm, env) {
  say('installing dependencies');
  const frozen = fs.existsSync(path.join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
  must([...pnpm, 'install', ...frozen], env, 'pnpm install');
  say('building');
  must([...pnpm, 'run', 'build'], env, 'build');
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (!isRoot || !hasApt) {
    fail(
      `the browser tests need Chromium at ${CHROMIUM}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set SAMLE_CHROMIUM to its path.`,
    );
  }
  say('installing Chromium from Debian packages (browser tests)');
  must(['apt-get', 'update', '-qq'], process.env, 'apt-get update');
  must(
    ['apt-get', 'install', '-y', '-qq', 'chromium'],
    { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    'apt-get install chromium',
  );
}

/** Whether something answers on 127.0.0.1:5432 (the PostgreSQL the storage tests use by default). */
async function postgresAnswers() {
  return answersOn(5432);
}

/** Whether something answers on 127.0.0.1:PORT. */
async function answersOn(port) {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The storage contract tests run against a real PostgreSQL. If none answers and
 * SAMLE_TEST_DATABASE_URL is not set, install Debian's (as root), start it, and
 * give the test user a password, since Debian's default allows local TCP logins
 * only with one. Returns extra environment for the test run.
 */
async function ensurePostgres() {
  if (process.env.SAMLE_TEST_DATABASE_URL || (await postgresAnswers())) return {};
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (!isRoot || !hasApt) {
    say(
      'PostgreSQL is not running on 127.0.0.1:5432: the PostgreSQL storage tests will fail. Start one, or set SAMLE_TEST_DATABASE_URL.',
    );
    return {};
  }
  say('installing and starting PostgreSQL from Debian packages (storage tests)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  must(
    ['sh', '-c', 'command -v pg_ctlcluster >/dev/null || (apt-get update -qq && apt-get install -y -qq postgresql)'],
    env,
    'install PostgreSQL',
  );
  must(
    ['sh', '-c', 'pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true'],
    env,
    'start PostgreSQL',
  );
  const password = 'samle-tests';
  must(
    ['su', 'postgres', '-c', `psql -q -c "ALTER USER postgres PASSWORD '${password}'"`],
    env,
    'set the PostgreSQL test password',
  );
  return { SAMLE_TEST_DATABASE_URL: `postgres://postgres:${password}@127.0.0.1:5432/postgres` };
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

/**
 * The several-instances tests use the machine's Redis (127.0.0.1:6379, or SAMLE_TEST_REDIS_URL)
 * and start private Redis and PostgreSQL servers of their own to stop and start them, so they
 * need the redis-server, initdb and pg_ctl programs. As root with apt, install what is missing
 * (Debian packages) and start Redis if nothing answers.
 */
async function ensureRedisAndServerPrograms() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const canInstall = isRoot && hasCommand('apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const hasInitdb =
    fs.existsSync('/usr/lib/postgresql') &&
    fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  const missing = [...(hasCommand('redis-server') ? [] : ['redis-server']), ...(hasInitdb ? [] : ['postgresql'])];
  if (missing.length > 0) {
    if (!canInstall) {
      say(`the several-instances tests need ${missing.join(' and ')} (Debian packages); they will fail without.`);
    } else {
      say(`installing ${missing.join(', ')} from Debian packages (several-instances tests)`);
      must(['apt-get', 'update', '-qq'], env, 'apt-get update');
      must(['apt-get', 'install', '-y', '-qq', ...missing], env, `apt-get install ${missing.join(' ')}`);
    }
  }
  if (process.env.SAMLE_TEST_REDIS_URL || (await answersOn(6379))) return;
  if (!hasCommand('redis-server')) {
    say(
      'Redis is not running on 127.0.0.1:6379: the several-instances tests will fail. Start one, or set SAMLE_TEST_REDIS_URL.',
    );
    return;
  }
  say('starting Redis on 127.0.0.1:6379 (several-instances tests)');
  const logDir = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'samle-redis-'));
  must(
    [
      'redis-server',
      '--daemonize',
      'yes',
      '--bind',
      '127.0.0.1',
      '--port',
      '6379',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      logDir,
      '--logfile',
      path.join(logDir, 'redis.log'),
    ],
    env,
    'start Redis',
  );
}

function summarize() {
  const report = path.join(root, '.vitest-report.json');
  if (!fs.existsSync(report)) return null;
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(fs.readFileSync(report, 'utf8'));
  return { passed: numPassedTests, failed: numFailedTests, skipped: numPendingTests };
}

function start() {
  const env = buildEnv();
  installAndBuild(pnpmCommand(), env);
  say('starting Samle (embedded SQLite; stop with Ctrl+C)');
  const server = spawn(process.execPath, [path.join(root, 'server', 'dist', 'main.js')], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

async function test() {
  const env = buildEnv();
  const pnpm = pnpmCommand();
  ensureChromium();
  Object.assign(env, await ensurePostgres());
  await ensureRedisAndServerPrograms();
  installAndBuild(pnpm, env);
  say('lint');
  const lint = run([...pnpm, 'run', 'lint'], env);
  say('unit, integration and browser tests');
  fs.rmSync(path.join(root, '.vitest-report.json'), { force: true });
  const tests = run([...pnpm, 'exec', 'vitest', 'run'], { ...env, SAMLE_CHROMIUM: CHROMIUM });
  const counts = summarize();
  if (lint !== 0) say('lint failed (see above)');
  if (!counts) fail('the test runner wrote no report');
  const failed = counts.failed + (lint === 0 ? 0 : 1);
  process.stdout.write(
    `${counts.passed} passed, ${failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}\n`,
  );
  process.exit(tests !== 0 || lint !== 0 ? 1 : 0);
}

if (command === 'start') start();
else if (command === 'test') await test();
else fail('usage: node scripts/samle.mjs start|test');
