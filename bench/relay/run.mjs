#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allowedCores } from './proc.mjs';
import { resultTable, targetTable } from './report.mjs';
import { runBig, runSaturation, runSteady, scenarioPlan } from './scenarios.mjs';
import { prepare, SERVER_KINDS, useSamleDir } from './servers.mjs';

/**
 * Relay benchmark: Samle vs the reference y-websocket server vs Hocuspocus.
 * Servers run on core 0, this process (all the clients) on core 1.
 *
 *   node bench/relay/run.mjs [--quick] [--only samle|reference|hocuspocus[,…]]
 *                            [--scenarios a,b,c,d] [--plenum-rate 1] [--samle-dir DIR] [--build]
 */
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    scenarios: { type: 'string', default: 'a,b,c,d' },
    'plenum-rate': { type: 'string', default: '1' },
    'samle-dir': { type: 'string' },
    build: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  process.stdout.write(
    'usage: node bench/relay/run.mjs [--quick] [--only samle|reference|hocuspocus[,…]] [--scenarios a,b,c,d]\n' +
      '                                [--plenum-rate <updates/s per client, default 1>] [--samle-dir DIR] [--build]\n',
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
if (args['samle-dir']) useSamleDir(args['samle-dir']);
const plan = scenarioPlan({ quick: args.quick, plenumRate });

const results = {
  startedAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    node: process.version,
    loadGeneratorCores: allowedCores(),
  },
  options: { quick: args.quick, plenumRate, scenarios: [...wanted] },
  plan,
  servers: {},
};

const started = performance.now();
for (const kind of kinds) {
  const info = prepare(kind, { build: args.build });
  const scenarios = {};
  results.servers[kind] = { ...info, scenarios };
  const attempt = async (key, run) => {
    if (!wanted.has(key)) return;
    log(`${info.label}: ${plan[key].title}`);
    const t0 = performance.now();
    try {
      scenarios[key] = await run();
    } catch (error) {
      scenarios[key] = { failed: true, error: error.message };
      scenarios.failed = true;
      log(`  failed: ${error.message}`);
    }
    log(`  done in ${Math.round((performance.now() - t0) / 1000)} s`);
  };
  await attempt('a', () => runSteady(kind, plan.a));
  await attempt('b', () => runSteady(kind, plan.b));
  await attempt('c', () => runBig(kind, plan.c));
  await attempt('d', () => runSaturation(kind, plan.d, log));
}
results.durationSeconds = Math.round((performance.now() - started) / 1000);

const resultsDir = path.resolve(import.meta.dirname, '..', 'results');
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `relay-${results.startedAt.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);

process.stdout.write(
  `\nRelay benchmark — ${results.machine.cpus} cores (${results.machine.cpuModel}), Node ${process.version}`,
);
process.stdout.write(
  `, servers on core 0, clients on core ${results.machine.loadGeneratorCores}${args.quick ? ', QUICK run' : ''}\n\n`,
);
process.stdout.write(
  `${resultTable(results)}\n\n${targetTable(results)}\n\nraw results: ${path.relative(process.cwd(), file)} (${results.durationSeconds} s)\n`,
);
