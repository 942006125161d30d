#!/usr/bin/env node
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createNote } from '@samle/shared';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * The relay window, counted rather than timed: the real `Relay` of a built Samle (SQLite storage,
 * the board guards) is fed the bench's arrival pattern — swarm.mjs's round-robin over the members,
 * board by board — on a virtual clock moved by hand, with sockets that only count frames. Prints
 * frames per delivered update, the delay the window adds (the relay's own accept → relay histogram,
 * in virtual ms, so exact whatever the machine's load) and the relay's CPU per delivery without any
 * socket write (process.cpuUsage: this one does move with the load).
 *
 *   node bench/relay/window.mjs [--samle-dir DIR] [--scenarios a,b] [--seconds 20]
 */
const { values: args } = parseArgs({
  options: {
    'samle-dir': { type: 'string', default: path.resolve(import.meta.dirname, '../..') },
    scenarios: { type: 'string', default: 'a,b' },
    seconds: { type: 'string', default: '20' },
  },
});
const samleDir = path.resolve(args['samle-dir']);
const dist = (file) => import(pathToFileURL(path.join(samleDir, 'server/dist', file)).href);
const { notesGuard } = await dist('access/boardPolicy.js');
const { Relay } = await dist('sync/Relay.js');
const { RelayMetrics } = await dist('sync/RelayMetrics.js');
const { SqliteStorage } = await dist('storage/sqlite/SqliteStorage.js');
// The server's own prom-client, so its metrics register where we read them.
const { Registry } = createRequire(path.join(samleDir, 'server/package.json'))('prom-client');

const SCENARIOS = {
  a: { label: '(a) 10 boards × 20 clients, 100 edits/s', boards: 10, perBoard: 20, rate: 100 },
  b: { label: '(b) 1 board × 120 clients, 120 edits/s', boards: 1, perBoard: 120, rate: 120 },
};
const LIMITS = {
  maxFrameBytes: 1 << 22,
  maxMessagesPerSecond: 1e6,
  maxAwarenessStateBytes: 1 << 16,
  maxWriterBytes: 1 << 30,
  maxBufferedBytes: 1 << 28,
  maxLoadedDocs: 100,
  maxDocBytes: 1 << 30,
};
const nextTurns = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** A scheduler whose clock and timers move only when `advanceTo` says; `soon` stays real. */
function virtualClock() {
  let now = 1e6;
  const timers = [];
  const after = (ms, task) => {
    const timer = { at: now + ms, task, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  return {
    scheduler: {
      now: () => now,
      soon: (task) => {
        const immediate = setImmediate(task);
        return () => clearImmediate(immediate);
      },
      after,
      background: after,
    },
    now: () => now,
    async advanceTo(at) {
      for (;;) {
        timers.sort((x, y) => x.at - y.at);
        const next = timers[0];
        if (!next || next.at > at) break;
        timers.shift();
        if (next.cancelled) continue;
        now = Math.max(now, next.at);
        next.task();
        await nextTurns();
      }
      now = Math.max(now, at);
    },
  };
}

function updateFrame(update) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

async function run({ boards, perBoard, rate }, seconds) {
  const clock = virtualClock();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samle-window-'));
  const store = new SqliteStorage({ dataDir });
  const registry = new Registry();
  let relay;
  const metrics = new RelayMetrics(registry, () => relay?.loadedRooms ?? 0);
  const logger = { info() {}, warn() {}, error: (_obj, msg) => process.stderr.write(`${msg}\n`) };
  // The server's defaults (config.ts): window 16 ms; the clients-per-window setting at its default.
  const timings = { idleUnloadMs: 1e9, coldAfterMs: 1e9, heartbeatMs: 30_000, relayWindowMs: 16 };
  Object.assign(timings, { compactAfterUpdates: 500, compactAfterBytes: 1 << 20 });
  relay = new Relay({ store, metrics, logger, limits: LIMITS, timings, scheduler: clock.scheduler });
  let frames = 0;
  const members = [];
  for (let b = 0; b < boards; b++) {
    const docId = `board-${b}`;
    await store.ensureDoc(docId, 1);
    for (let i = 0; i < perBoard; i++) {
      const personId = `person-${b}-${i}`;
      const socket = { send: () => frames++, close() {}, isOpen: () => true, bufferedAmount: () => 0 };
      const guard = notesGuard({
        roots: new Set(['notes', 'clusters']),
        anonymous: false,
        mayDeleteMany: false,
        personId,
      });
      const handle = relay.connect(docId, socket, { canWrite: true, personId, writerKey: personId, guard });
      const doc = new Y.Doc();
      let last;
      doc.on('update', (update) => {
        last = update;
      });
      const note = createNote(doc, { id: `note-${b}-${i}`, x: i, y: b, text: 'x', createdAt: i });
      members.push({ handle, doc, note, edits: 0, send: () => handle.receive(updateFrame(last)) });
    }
    await relay.whenLoaded(docId);
  }
  for (const member of members) member.send();
  await nextTurns(5);
  await relay.drain();
  await clock.advanceTo(clock.now() + 60_000); // a quiet spell before the traffic
  const total = rate * seconds;
  const start = clock.now();
  const frames0 = frames;
  const cpu0 = process.cpuUsage();
  for (let sent = 0; sent < total; sent++) {
    await clock.advanceTo(start + (sent * 1000) / rate);
    const member = members[sent % members.length];
    member.edits++;
    member.doc.transact(() => {
      const text = member.note.get('text');
      text.insert(text.length, 'a');
      member.note.set('n', member.edits);
    });
    member.send();
    await nextTurns();
  }
  await clock.advanceTo(clock.now() + 1000);
  const cpu = process.cpuUsage(cpu0);
  const deliveries = total * (perBoard - 1);
  const delay = (await registry.getMetricsAsJSON()).find((metric) => metric.name === 'samle_relay_delay_seconds');
  const value = (suffix) => delay.values.find((v) => v.metricName.endsWith(suffix))?.value ?? 0;
  const count = value('_count');
  const within = (le) => delay.values.find((v) => v.metricName.endsWith('_bucket') && v.labels.le === le)?.value ?? 0;
  await relay.shutdown();
  await store.close?.();
  rmSync(dataDir, { recursive: true, force: true });
  return {
    framesPerDelivery: (frames - frames0) / deliveries,
    meanDelayMs: count ? (value('_sum') / count) * 1000 : 0,
    within5ms: count ? within(0.005) / count : 1,
    within50ms: count ? within(0.05) / count : 1,
    cpuPerDeliveryUs: (cpu.user + cpu.system) / deliveries,
  };
}

const seconds = Number(args.seconds);
const pct = (x) => `${Math.round(x * 100)} %`;
process.stdout.write(`Samle at ${samleDir}, ${seconds} s of traffic per scenario, virtual clock\n\n`);
process.stdout.write(
  '| scenario | frames per delivery | added delay mean | ≤ 5 ms | ≤ 50 ms | CPU per delivery, no writes |\n',
);
process.stdout.write('|---|---|---|---|---|---|\n');
for (const key of args.scenarios.split(',').map((s) => s.trim())) {
  const scenario = SCENARIOS[key];
  if (!scenario) throw new Error(`unknown scenario "${key}"`);
  const r = await run(scenario, seconds);
  process.stdout.write(
    `| ${scenario.label} | ${r.framesPerDelivery.toFixed(3)} | ${r.meanDelayMs.toFixed(1)} ms | ${pct(r.within5ms)} | ${pct(r.within50ms)} | ${r.cpuPerDeliveryUs.toFixed(1)} µs |\n`,
  );
}
