#!/usr/bin/env node
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createNote, notesOf } from '@samle/shared';
import { BenchClient, connectMany, withTimeout } from '../relay/client.mjs';
import { cpuMicros, selfCpuMicros, sleep } from '../relay/proc.mjs';
import { freePort } from '../relay/servers.mjs';
import { Histogram } from '../relay/stats.mjs';

/**
 * Several-instances benchmark: one Samle instance (PostgreSQL) against two instances
 * (the same PostgreSQL + Redis), clients spread over the instances, in one run.
 *
 * - Fan-out latency: writers at a steady rate, every reader applies every update to a real
 *   Y.Doc; time from the writer's change to the reader's doc having it, split into readers on
 *   the writer's own instance and readers on the other instance (cross-instance: through
 *   PostgreSQL and Redis).
 * - Saturation: the offered rate doubles every step; the saturation throughput is the highest
 *   rate whose updates all arrive with p99 under 250 ms.
 *
 *   node bench/cluster/run.mjs [--quick] [--database-url URL] [--redis-url URL]
 */
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'database-url': {
      type: 'string',
      default: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    'redis-url': { type: 'string', default: process.env.REDIS_URL || 'redis://127.0.0.1:6379' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  process.stdout.write('usage: node bench/cluster/run.mjs [--quick] [--database-url URL] [--redis-url URL]\n');
  process.exit(0);
}

const repoDir = path.resolve(import.meta.dirname, '..', '..');
const serverMain = path.join(repoDir, 'server/dist/main.js');
const cliMain = path.join(repoDir, 'server/dist/cli.js');
const pg = createRequire(path.join(repoDir, 'server/package.json'))('pg');

const ROOMS = 4;
const WRITERS_PER_ROOM = 2;
const READERS_PER_ROOM = args.quick ? 6 : 10;
const STEADY_RATE = 50; // updates per second, all writers together
const STEADY_SECONDS = args.quick ? 4 : 10;
const STEP_SECONDS = args.quick ? 2 : 4;
const RATES = args.quick ? [200, 800, 1600] : [200, 400, 800, 1600, 3200, 6400];
const P99_LIMIT_MS = 250;
// The instances serve /metrics only to a scraper with this token.
const METRICS_TOKEN = 'bench-cluster-metrics-token';
const metricsHeaders = { authorization: `Bearer ${METRICS_TOKEN}` };

async function startInstance(env, core) {
  const port = await freePort();
  const child = spawn('taskset', ['-c', String(core), process.execPath, serverMain], {
    env: {
      ...process.env,
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      SAMLE_CLIENT_DIR: '',
      LOG_LEVEL: 'warn',
      SAMLE_MAX_MESSAGES_PER_SECOND: '100000',
      SAMLE_MAX_BUFFERED_BYTES: '268435456',
      // Boards gain a note per update: thousands a second in the last steps.
      SAMLE_MAX_WRITER_BYTES: String(1024 * 1024 * 1024),
      SAMLE_MAX_DOC_BYTES: String(1024 * 1024 * 1024),
      SAMLE_METRICS_TOKEN: METRICS_TOKEN,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await withTimeout(
    new Promise((resolve, reject) => {
      const onData = (chunk) => {
        output = (output + chunk.toString()).slice(-4000);
        if (/Samle is running at/.test(output)) resolve();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      exited.then((code) => reject(new Error(`instance exited (${code}): ${output}`)));
    }),
    30_000,
    'instance did not start',
  );
  return {
    pid: child.pid,
    http: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * One configuration: `count` instances sharing a fresh PostgreSQL schema (and Redis when count > 1).
 * `placement`: `spread` deals each board's clients over all instances in turn (a balancer by
 * connection count); `board` puts all of a board's clients on one instance (the nginx example's
 * hashing by board, deploy/nginx-two-instances.conf).
 */
async function runConfiguration(count, placement = 'spread') {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const env = {
    DATABASE_URL: args['database-url'],
    SAMLE_DATABASE_SCHEMA: schema,
    SAMLE_SECRET: randomBytes(32).toString('base64'),
    ...(count > 1 ? { REDIS_URL: args['redis-url'], SAMLE_REDIS_PREFIX: `bench-${schema}` } : {}),
  };
  const cores = cpus().length;
  const instances = [];
  try {
    for (let i = 0; i < count; i++) instances.push(await startInstance(env, i % cores));
    const first = instances[0];
    const signup = await fetch(`${first.http}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench', email: 'bench@example.dk', password: 'benchmark password' }),
    });
    const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0];
    const rooms = [];
    for (let r = 0; r < ROOMS; r++) {
      const response = await fetch(`${first.http}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-samle-csrf': '1' },
        body: JSON.stringify({ title: `Bench ${r}` }),
      });
      rooms.push((await response.json()).id);
    }
    const token = execFileSync(
      process.execPath,
      [cliMain, 'mint-token', ...rooms.map((id) => `--doc=${id}`), '--access', 'write', '--ttl', '86400'],
      { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ).trim();

    const sameInstance = new Histogram();
    const crossInstance = new Histogram();
    let received = 0;
    /**
     * Writers add a note per update (boards accept only the board schema); every reader applies
     * every update to its doc. The clients share this process's clock: a note's id says when and
     * from which instance it was sent.
     */
    const sentAt = new Map();
    const onRemoteTransaction = (client, transaction) => {
      const keys = transaction.changed.get(notesOf(client.doc));
      if (!keys) return;
      const now = performance.now();
      for (const key of keys) {
        const sent = key === null ? undefined : sentAt.get(key);
        if (!sent) continue;
        received++;
        (sent.i === client.instance ? sameInstance : crossInstance).record(now - sent.t);
      }
    };
    const writers = [];
    const readers = [];
    let n = 0;
    for (const [roomIndex, room] of rooms.entries()) {
      const made = await connectMany(WRITERS_PER_ROOM + READERS_PER_ROOM, (j) => {
        const instance = placement === 'board' ? roomIndex % count : n++ % count;
        const client = new BenchClient({
          url: `${instances[instance].ws}/sync/${room}?token=${token}`,
          room,
          framing: 'yws',
          ...(j >= WRITERS_PER_ROOM ? { onRemoteTransaction } : {}),
        });
        client.instance = instance;
        return client;
      });
      writers.push(...made.slice(0, WRITERS_PER_ROOM));
      readers.push(...made.slice(WRITERS_PER_ROOM));
    }
    const clients = [...writers, ...readers];

    /** Writers send `rate` updates per second in total for `seconds`; returns what arrived and how fast. */
    let seq = 0;
    async function drive(rate, seconds) {
      sameInstance.reset();
      sentAt.clear();
      crossInstance.reset();
      received = 0;
      const cpuBefore = instances.map((instance) => cpuMicros(instance.pid));
      const selfBefore = selfCpuMicros();
      const storeBefore = await storeTotals(instances);
      const started = performance.now();
      let sent = 0;
      const tick = 10;
      await new Promise((resolve) => {
        const timer = setInterval(() => {
          const elapsed = (performance.now() - started) / 1000;
          const due = Math.min(rate * seconds, Math.floor(rate * elapsed));
          while (sent < due) {
            const writer = writers[sent % writers.length];
            const key = `n${seq++}`;
            sentAt.set(key, { t: performance.now(), i: writer.instance });
            writer.edit(() => createNote(writer.doc, { id: key, x: 0, y: 0, text: '', createdAt: 0 }));
            sent++;
          }
          if (elapsed >= seconds) {
            clearInterval(timer);
            resolve();
          }
        }, tick);
      });
      const expected = sent * READERS_PER_ROOM;
      if (process.env.BENCH_DEBUG) {
        for (const instance of instances) {
          const text = await (await fetch(`${instance.http}/metrics`, { headers: metricsHeaders })).text();
          const wanted =
            /^(samle_cluster_\w+|samle_compactions_total|samle_compaction_lease_busy_total|samle_compaction_failures_total|samle_updates_persisted_total|samle_persist_batch_seconds_(sum|count)|samle_relay_delay_seconds_(sum|count))/;
          process.stderr.write(
            `rate ${rate} ${instance.http}\n${text
              .split('\n')
              .filter((l) => wanted.test(l))
              .join('\n')}\n`,
          );
        }
      }
      // Let what is in flight arrive (up to 5 s), then count.
      const deadline = performance.now() + 5000;
      while (received < expected && performance.now() < deadline) await sleep(20);
      const wall = (performance.now() - started) / 1000;
      const cpu = instances.map((instance, i) => (cpuMicros(instance.pid) - cpuBefore[i]) / 1e6 / wall);
      const generatorCores = (selfCpuMicros() - selfBefore) / 1e6 / wall;
      const storeAfter = await storeTotals(instances);
      const batches = storeAfter.count - storeBefore.count;
      const storeMs = batches > 0 ? ((storeAfter.sum - storeBefore.sum) * 1000) / batches : Number.NaN;
      return {
        rate,
        sent,
        expected,
        received,
        same: summary(sameInstance),
        cross: summary(crossInstance),
        all: summary(merged(sameInstance, crossInstance)),
        serverCores: cpu.reduce((a, b) => a + b, 0),
        generatorCores,
        storeMs,
        errors: clients.reduce((sum, client) => sum + client.errors.length, 0),
      };
    }

    await drive(STEADY_RATE, 1); // warm-up
    const steady = await drive(STEADY_RATE, STEADY_SECONDS);
    const steps = [];
    for (const rate of RATES) {
      const step = await drive(rate, STEP_SECONDS);
      steps.push(step);
      if (step.received < step.expected || step.all.p99 > P99_LIMIT_MS) break;
    }
    for (const client of clients) client.close();
    const good = steps.filter((step) => step.received >= step.expected && step.all.p99 <= P99_LIMIT_MS);
    const best = good.at(-1);
    return {
      count,
      placement,
      steady,
      steps,
      saturation: best ? best.rate * READERS_PER_ROOM : 0,
      saturationSent: best?.rate ?? 0,
    };
  } finally {
    for (const instance of instances) await instance.stop();
    const client = new pg.Client({ connectionString: args['database-url'] });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

/** Batches stored and seconds spent storing them, over all instances (from /metrics). */
async function storeTotals(instances) {
  let sum = 0;
  let count = 0;
  for (const instance of instances) {
    const text = await (await fetch(`${instance.http}/metrics`, { headers: metricsHeaders })).text();
    sum += Number(/^samle_persist_batch_seconds_sum (\S+)/m.exec(text)?.[1] ?? 0);
    count += Number(/^samle_persist_batch_seconds_count (\S+)/m.exec(text)?.[1] ?? 0);
  }
  return { sum, count };
}

function summary(histogram) {
  return {
    count: histogram.count,
    p50: histogram.quantile(0.5),
    p99: histogram.quantile(0.99),
  };
}

function merged(a, b) {
  const h = new Histogram();
  for (let i = 0; i < h.counts.length; i++) h.counts[i] = a.counts[i] + b.counts[i];
  h.count = a.count + b.count;
  return h;
}

const ms = (value) => (Number.isNaN(value) ? '—' : `${value.toFixed(1)} ms`);

function report(one, two, byBoard) {
  const results = [one, two, byBoard];
  const cores = (result) => result.steps.find((s) => s.rate === result.saturationSent)?.serverCores.toFixed(2) ?? '—';
  const clients = `${ROOMS * (READERS_PER_ROOM + WRITERS_PER_ROOM)}`;
  const rows = [
    ['', 'one instance', 'two, boards spread', 'two, routed by board'],
    ['clients (readers + writers)', clients, `${clients} (half on each)`, `${clients} (each board on one)`],
    [
      `fan-out p50 / p99, same instance (${STEADY_RATE} updates/s)`,
      ...results.map((r) => `${ms(r.steady.same.p50)} / ${ms(r.steady.same.p99)}`),
    ],
    [
      'fan-out p50 / p99, cross-instance',
      '— (one instance)',
      `${ms(two.steady.cross.p50)} / ${ms(two.steady.cross.p99)}`,
      '— (none crosses)',
    ],
    ['deliveries received / expected (steady)', ...results.map((r) => `${r.steady.received} / ${r.steady.expected}`)],
    [
      `saturation: updates/s written (deliveries/s), p99 ≤ ${P99_LIMIT_MS} ms, none lost`,
      ...results.map((r) => `${r.saturationSent} (${r.saturation})`),
    ],
    ['server CPU at saturation (cores, all instances)', ...results.map(cores)],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  const out = [line(rows[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.slice(1).map(line)];
  return out.join('\n');
}

function stepsTable(result) {
  const lines = [
    "| offered updates/s | received / expected | p50 | p99 | p99 cross-instance | server cores | clients' cores | PostgreSQL store per batch |",
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const step of result.steps) {
    lines.push(
      `| ${step.rate} | ${step.received} / ${step.expected} | ${ms(step.all.p50)} | ${ms(step.all.p99)} | ${ms(step.cross.p99)} | ${step.serverCores.toFixed(2)} | ${step.generatorCores.toFixed(2)} | ${ms(step.storeMs)} |`,
    );
  }
  return lines.join('\n');
}

if (!existsSync(serverMain)) {
  process.stderr.write('build Samle first: pnpm build\n');
  process.exit(1);
}
process.stdout.write(
  `Several-instances benchmark: ${ROOMS} boards × (${WRITERS_PER_ROOM} writers + ${READERS_PER_ROOM} readers), ` +
    `${cpus().length} cores, instance i on core i mod ${cpus().length}, clients in this process (not pinned)\n`,
);
const loadBefore = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const one = process.env.BENCH_ONLY_TWO ? await runConfiguration(2) : await runConfiguration(1);
const two = await runConfiguration(2);
const byBoard = await runConfiguration(2, 'board');
process.stdout.write(`\n${report(one, two, byBoard)}\n\nOne instance, saturation steps:\n${stepsTable(one)}\n`);
process.stdout.write(`\nTwo instances, boards spread, saturation steps:\n${stepsTable(two)}\n`);
process.stdout.write(`\nTwo instances, routed by board, saturation steps:\n${stepsTable(byBoard)}\n`);
const loadAfter = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
process.stdout.write(
  `\nMachine load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter} (other work shares the cores if it is above ~0.5)\n`,
);
