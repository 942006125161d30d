#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createNote, notesOf } from '@samle/shared';
import * as Y from 'yjs';
import { BenchClient, withTimeout } from './client.mjs';
import { sleep } from './proc.mjs';
import { prepare, startServer, useSamleDir } from './servers.mjs';
import { round } from './stats.mjs';
import { openSwarm } from './swarm.mjs';

/**
 * Compaction of a big board vs everyone else on the server: how long the server's event loop
 * stalls (perf_hooks.monitorEventLoopDelay, preloaded by loopWatch.mjs) and the relay latency of
 * another board's clients, first while nothing compacts, then while a big board (5,000 notes,
 * several MB) is written and compacted again and again. With --before DIR (a built checkout of an
 * older commit), the same run is made against that build first, and both print side by side.
 * Server on core 0, clients on core 1 (the server's worker thread shares core 0 with it).
 * First, in this process, one compaction's merge of the same board three ways: what the old relay
 * did on its thread (encode the live doc on one instance, rebuild a doc from the log with several),
 * and the new worker (the event loop's longest delay while the worker merges).
 *
 *   node bench/relay/compaction.mjs [--before /tmp/samle-before] [--notes 5000] [--text 600]
 *                                   [--seconds 20] [--big-rate 50] [--rate 100] [--compact-after 200] [--merge-only]
 */
const { values: args } = parseArgs({
  options: {
    before: { type: 'string' },
    notes: { type: 'string', default: '5000' },
    text: { type: 'string', default: '600' },
    seconds: { type: 'string', default: '20' },
    'big-rate': { type: 'string', default: '50' },
    rate: { type: 'string', default: '100' },
    'compact-after': { type: 'string', default: '200' },
    'merge-only': { type: 'boolean', default: false },
  },
});

if (process.env.BENCH_PINNED !== '1') {
  const result = spawnSync(
    'taskset',
    ['-c', '1', process.execPath, ...process.execArgv, import.meta.filename, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, BENCH_PINNED: '1' } },
  );
  if (result.error) throw result.error;
  process.exit(result.status ?? 1);
}

const NOTES = Number(args.notes);
const TEXT = Number(args.text);
const SECONDS = Number(args.seconds);
const BIG_RATE = Number(args['big-rate']);
const RATE = Number(args.rate);
const log = (line) => process.stderr.write(`${line}\n`);

// Every server started below loads the loop watcher and compacts its logs past this many updates.
process.env.BENCH_SERVER_NODE_ARGS = `--import ${pathToFileURL(path.join(import.meta.dirname, 'loopWatch.mjs'))}`;
process.env.SAMLE_COMPACT_AFTER_UPDATES = args['compact-after'];

/** The server's longest event-loop stall (and p99) since the last call, from loopWatch.mjs's line. */
async function loopStall(server) {
  const seen = server.output().length;
  process.kill(server.pid, 'SIGUSR2');
  const line = /loop-stall max=([\d.]+) p99=([\d.]+) ms\n/g;
  for (let i = 0; i < 200; i++) {
    const matches = [...server.output().matchAll(line)];
    const last = matches.at(-1);
    if (last && (last.index ?? 0) + last[0].length > seen - 1 && server.output().length > seen) {
      return { max: Number(last[1]), p99: Number(last[2]) };
    }
    await sleep(25);
  }
  throw new Error('the server printed no loop-stall line (is loopWatch.mjs loaded?)');
}

function seed(client) {
  const words = 'samle idea note board workshop '.repeat(Math.ceil(TEXT / 30)).slice(0, TEXT);
  for (let start = 0; start < NOTES; start += 250) {
    client.edit(() => {
      for (let i = start; i < Math.min(NOTES, start + 250); i++) {
        createNote(client.doc, {
          id: `big-${i}`,
          x: (i % 100) * 220,
          y: Math.floor(i / 100) * 180,
          text: `${i} ${words}`,
          createdAt: 1_700_000_000_000 + i,
        });
      }
    });
  }
}

async function runBuild(label, dir) {
  useSamleDir(dir);
  const info = prepare('samle');
  const server = await startServer('samle');
  try {
    const swarm = await openSwarm(server, { boards: 1, clientsPerBoard: 20, label: `${label} other` });
    const room = await server.createRoom(`${label} big board`);
    const big = new BenchClient({ url: server.roomUrl(room), room, framing: server.framing });
    await withTimeout(big.ready, 20_000, 'big board client did not sync');
    seed(big);
    const encodedBytes = Y.encodeStateAsUpdate(big.doc).byteLength;
    // Let the seeding be stored and compacted, and warm up the other board.
    await sleep(5000);
    await swarm.warmUp(RATE, 3000, 'mixed');

    await loopStall(server);
    const quiet = await swarm.measure(RATE, SECONDS * 1000, 'mixed');
    const quietStall = await loopStall(server);

    const compactions0 = (await server.metric('samle_compactions_total')) ?? 0;
    const seconds0 = (await server.metric('samle_compaction_seconds_sum')) ?? 0;
    let moves = 0;
    const notes = [...notesOf(big.doc).values()];
    const writer = setInterval(() => {
      for (let k = 0; k < BIG_RATE / 20; k++) {
        const note = notes[(moves * 7919) % notes.length];
        moves++;
        big.edit(() => note.set('x', (moves * 13) % 20_000));
      }
    }, 50);
    const busy = await swarm.measure(RATE, SECONDS * 1000, 'mixed');
    clearInterval(writer);
    const busyStall = await loopStall(server);
    const compactions = ((await server.metric('samle_compactions_total')) ?? 0) - compactions0;
    const compactionSeconds = ((await server.metric('samle_compaction_seconds_sum')) ?? 0) - seconds0;
    swarm.close();
    big.close();
    return {
      label,
      version: `${info.version} (${path.relative(process.cwd(), dir) || '.'})`,
      encodedMiB: round(encodedBytes / 1024 / 1024, 2),
      quiet: { latency: quiet.latencyMs, stall: quietStall, completeness: quiet.completeness },
      busy: { latency: busy.latencyMs, stall: busyStall, completeness: busy.completeness },
      bigMoves: moves,
      compactions,
      compactionMeanMs: compactions ? round((compactionSeconds * 1000) / compactions) : null,
    };
  } finally {
    await server.stop();
  }
}

const repoDir = path.resolve(import.meta.dirname, '../..');

/** One compaction's merge of a board like the big one, in this process: the relay thread's share of it. */
async function mergeOnly() {
  const { SnapshotMerger } = await import(pathToFileURL(path.join(repoDir, 'server/dist/sync/SnapshotMerger.js')).href);
  const { mergeForSnapshot } = await import(
    pathToFileURL(path.join(repoDir, 'server/dist/sync/snapshotMerge.js')).href
  );
  const client = { doc: new Y.Doc(), edit: (change) => client.doc.transact(change) };
  seed(client);
  const snapshot = Y.encodeStateAsUpdate(client.doc);
  const entries = [];
  client.doc.on('update', (update) => entries.push(update));
  const notes = [...notesOf(client.doc).values()];
  for (let i = 0; i < Number(args['compact-after']); i++) client.edit(() => notes[i % notes.length].set('x', i));
  const parts = [snapshot, ...entries];
  const timed = (work) => {
    const started = performance.now();
    work();
    return round(performance.now() - started);
  };
  const merger = new SnapshotMerger({ info() {}, warn() {}, error: (_obj, msg) => log(msg) });
  await merger.merge(parts); // starts the worker
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const runs = { encode: [], rebuild: [], workerWall: [], workerLoopMax: [] };
  for (let k = 0; k < 3; k++) {
    runs.encode.push(timed(() => Y.encodeStateAsUpdate(client.doc)));
    runs.rebuild.push(timed(() => mergeForSnapshot(parts)));
    loop.reset();
    loop.enable();
    const started = performance.now();
    await merger.merge(parts);
    runs.workerWall.push(round(performance.now() - started));
    loop.disable();
    runs.workerLoopMax.push(round(loop.max / 1e6));
  }
  await merger.close();
  return { encodedMiB: round(snapshot.byteLength / 1024 / 1024, 2), logEntries: entries.length, ...runs };
}

log("one compaction's merge, in this process (3 runs each)...");
const merge = await mergeOnly();
process.stdout.write(
  `\nOne compaction's merge of a ${merge.encodedMiB} MiB board + ${merge.logEntries} log entries (ms, 3 runs):\n` +
    `  relay thread busy, old relay on one instance (encode the live doc): ${merge.encode.join(', ')}\n` +
    `  relay thread busy, old relay with several instances (rebuild from the log): ${merge.rebuild.join(', ')}\n` +
    `  new: worker merge, start to result: ${merge.workerWall.join(', ')}; relay thread's longest loop delay meanwhile: ${merge.workerLoopMax.join(', ')}\n`,
);
const builds = args['merge-only']
  ? []
  : args.before
    ? [
        ['before', path.resolve(args.before)],
        ['after', repoDir],
      ]
    : [['this build', repoDir]];
const results = [];
for (const [label, dir] of builds) {
  log(`running ${label} (${dir})...`);
  results.push(await runBuild(label, dir));
}

if (results.length === 0) process.exit(0);
const rows = [
  ['big board (encoded MiB)', (r) => r.encodedMiB],
  ['other board p50 / p99 ms, nothing compacting', (r) => `${r.quiet.latency.p50} / ${r.quiet.latency.p99}`],
  ['longest event-loop stall ms, nothing compacting', (r) => r.quiet.stall.max],
  [
    'other board p50 / p99 / max ms, big board compacting',
    (r) => `${r.busy.latency.p50} / ${r.busy.latency.p99} / ${r.busy.latency.max}`,
  ],
  ['longest event-loop stall ms, big board compacting', (r) => r.busy.stall.max],
  ['event-loop delay p99 ms, big board compacting', (r) => r.busy.stall.p99],
  ['compactions (mean ms each, start to written)', (r) => `${r.compactions} (${r.compactionMeanMs})`],
  ['deliveries complete (quiet / compacting)', (r) => `${r.quiet.completeness} / ${r.busy.completeness}`],
];
const header = ['', ...results.map((r) => `${r.label}: ${r.version}`)];
process.stdout.write(
  `\n${NOTES} notes × ${TEXT} chars, big board written at ${BIG_RATE} upd/s, compacted past ${args['compact-after']} updates; other board: 20 clients, ${RATE} upd/s, ${SECONDS} s per phase\n\n`,
);
process.stdout.write(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n`);
for (const [name, value] of rows) process.stdout.write(`| ${name} | ${results.map(value).join(' | ')} |\n`);
process.stdout.write(`\n${JSON.stringify({ merge, results })}\n`);
