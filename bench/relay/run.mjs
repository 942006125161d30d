#!/usr/bin/env node
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allowedCores } from './proc.mjs';
import { combineRuns, resultTable, targetTable } from './report.mjs';
import { runBig, runSaturation, runSteady, scenarioPlan } from './scenarios.mjs';
import { prepare, SERVER_KINDS, useSamleDir } from './servers.mjs';

/**
 * Relay benchmark: Samle vs the reference y-websocket server vs Hocuspocus.
 * Servers run on core 0, this process (all the clients) on core 1.
 * Interleaved: each scenario runs every server in turn, `--rounds` times (the
 * order rotating each round), so a busy spell on the machine hits all of them;
 * the table shows the median of the rounds ((a) and (b); (c) and (d) run once).
 *
 *   node bench/relay/run.mjs [--quick] [--only samle|reference|hocuspocus[,…]] [--rounds 2]
 *                            [--scenarios a,b,c,d] [--plenum-rate 5] [--samle-dir DIR] [--build] [--full-clients]
 *
 * The clients read what the servers relay without integrating it into their docs (swarm.mjs's
 * light clients); `--full-clients` integrates every update into every client's Y.Doc, as before
 * 2026-12-07, which on a slow core makes the load generator, not the server, set the latency.
 */
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    scenarios: { type: 'string', default: 'a,b,c,d' },
    rounds: { type: 'string', default: '2' },
    'plenum-rate': { type: 'string', default: '5' },
    'samle-dir': { type: 'string' },
    build: { type: 'boolean', default: false },
    'full-clients': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  process.stdout.write(
    'usage: node bench/relay/run.mjs [--quick] [--only samle|reference|hocuspocus[,…]] [--scenarios a,b,c,d] [--rounds 2]\n' +
      "                                [--plenum-rate <updates/s per client, default 5, the issue's plenum>] [--samle-dir DIR] [--build]\n" +
      '                                [--full-clients (every client integrates every update)]\n',
  );
  process.exit(0);
}

// The load generator must run on core 1: re-run this script under taskset.
if (process.env.BENCH_PINNED !== '1') {
  if (cpus().length < 2) process.stderr.write('warning: fewer than 2 cores; servers and clients will share one\n');
  const result = spawnSync(
    'taskset',
    ['-c', '1', process.execPath, ...process.execArgv, import.meta.filename, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, BENCH_PINNED: '1' },
    },
  );
  if (result.error) throw result.error;
  process.exit(result.status ?? 1);
}

const log = (line) => process.stderr.write(`${line}\n`);
const kinds = args.only ? args.only.split(',').map((k) => k.trim()) : SERVER_KINDS;
for (const kind of kinds) if (!SERVER_KINDS.includes(kind)) throw new Error(`unknown server "${kind}"`);
const wanted = new Set(args.scenarios.split(',').map((s) => s.trim()));
const plenumRate = Number(args['plenum-rate']);
if (!(plenumRate > 0 && plenumRate <= 20)) throw new Error('--plenum-rate must be between 0 and 20');
const rounds = Number(args.rounds);
if (!(Number.isInteger(rounds) && rounds >= 1 && rounds <= 5)) throw new Error('--rounds must be 1 to 5');
if (args['samle-dir']) useSamleDir(args['samle-dir']);

/** The machine's load average (the other work on it moves every figure): `uptime`'s words. */
function loadAverage() {
  try {
    return execFileSync('uptime', { encoding: 'utf8' })
      .trim()
      .replace(/^.*load average: /, '');
  } catch {
    return 'unknown';
  }
}
const plan = scenarioPlan({ quick: args.quick, plenumRate, fullClients: args['full-clients'] });

const results = {
  startedAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    node: process.version,
    loadGeneratorCores: allowedCores(),
  },
  options: { quick: args.quick, plenumRate, fullClients: args['full-clients'], scenarios: [...wanted], rounds },
  loadAverage: { start: loadAverage() },
  plan,
  servers: {},
};

const started = performance.now();
const runners = { a: runSteady, b: runSteady, c: runBig, d: (kind, scenario) => runSaturation(kind, scenario, log) };
for (const kind of kinds) {
  const runs = { a: [], b: [], c: [], d: [] };
  results.servers[kind] = { ...prepare(kind, { build: args.build }), scenarios: {}, runs };
}
for (const key of ['a', 'b', 'c', 'd']) {
  if (!wanted.has(key)) continue;
  // (c) and (d) take minutes per server and measure capacity, not a noisy tail: one round each.
  const roundsHere = key === 'a' || key === 'b' ? rounds : 1;
  for (let round = 0; round < roundsHere; round++) {
    // Rotate the order each round: no server always runs first (or last) in a busy spell.
    const order = kinds.map((_, i) => kinds[(i + round) % kinds.length]);
    for (const kind of order) {
      const server = results.servers[kind];
      log(`${server.label}: ${plan[key].title} (round ${round + 1} of ${roundsHere}, load ${loadAverage()})`);
      const t0 = performance.now();
      let result;
      try {
        result = await runners[key](kind, plan[key]);
      } catch (error) {
        result = { failed: true, error: error.message };
        server.scenarios.failed = true;
        log(`  failed: ${error.message}`);
      }
      server.runs[key].push(result);
      log(`  done in ${Math.round((performance.now() - t0) / 1000)} s`);
    }
  }
  for (const kind of kinds) {
    const server = results.servers[kind];
    server.scenarios[key] = combineRuns(server.runs[key]);
  }
}
results.loadAverage.end = loadAverage();
results.durationSeconds = Math.round((performance.now() - started) / 1000);

const resultsDir = path.resolve(import.meta.dirname, '..', 'results');
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `relay-${results.startedAt.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);

process.stdout.write(
  `\nRelay benchmark — ${results.machine.cpus} cores (${results.machine.cpuModel}), Node ${process.version}`,
);
process.stdout.write(
  `, servers on core 0, clients on core ${results.machine.loadGeneratorCores}${args.quick ? ', QUICK run' : ''}\n`,
);
process.stdout.write(
  `interleaved; (a) and (b) the median of ${rounds} round(s); load average at start ${results.loadAverage.start}, at end ${results.loadAverage.end}\n` +
    `clients ${args['full-clients'] ? 'integrate every update into their Y.Doc (--full-clients)' : 'read relayed updates without integrating them (light clients)'}\n\n`,
);
process.stdout.write(
  `${resultTable(results)}\n\n${targetTable(results)}\n\nraw results: ${path.relative(process.cwd(), file)} (${results.durationSeconds} s)\n`,
);
