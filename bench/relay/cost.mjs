#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { createNote, notesOf } from '@samle/shared';
import { BenchClient, connectMany, withTimeout } from './client.mjs';
import { cpuSplitMicros, sleep } from './proc.mjs';
import { prepare, SERVER_KINDS, startServer, useSamleDir } from './servers.mjs';
import { round } from './stats.mjs';

/**
 * Server CPU per update and per delivery, measured closed-loop: the clients send
 * `burst` edits (from `burst` different clients) at once, wait until every other
 * client on the board has them, then send the next burst. Nothing queues, so the
 * figures hardly depend on how busy the machine is (unlike the latency and the
 * rate-driven CPU figures of run.mjs) — use it to compare code changes.
 *
 *   node bench/relay/cost.mjs [--only samle,…] [--clients 120] [--updates 1200] [--burst 1] [--samle-dir DIR]
 */
const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    clients: { type: 'string', default: '120' },
    updates: { type: 'string', default: '1200' },
    burst: { type: 'string', default: '1' },
    'samle-dir': { type: 'string' },
  },
});

if (process.env.BENCH_PINNED !== '1') {
  const result = spawnSync(
    'taskset',
    ['-c', '1', process.execPath, ...process.execArgv, import.meta.filename, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, BENCH_PINNED: '1' } },
  );
  process.exit(result.status ?? 1);
}

const clientsPerBoard = Number(args.clients);
const totalUpdates = Number(args.updates);
const burst = Number(args.burst);
const kinds = args.only ? args.only.split(',') : SERVER_KINDS;
if (args['samle-dir']) useSamleDir(args['samle-dir']);

async function measure(kind) {
  prepare(kind);
  const server = await startServer(kind);
  try {
    const room = await server.createRoom('cost');
    const tally = { seen: 0 };
    const onRemoteTransaction = (client, transaction) => {
      for (const [type, keys] of transaction.changed) if (keys.has('n') && type !== client.note) tally.seen++;
    };
    const clients = await connectMany(
      clientsPerBoard,
      () => new BenchClient({ url: server.roomUrl(room), room, framing: server.framing, onRemoteTransaction }),
    );
    clients.forEach((client, i) => {
      client.edit(() => {
        client.note = createNote(client.doc, { id: `note-${i}`, x: i, y: 0, text: `client ${i}`, createdAt: i });
      });
    });
    await withTimeout(
      (async () => {
        while (clients.some((c) => notesOf(c.doc).size < clientsPerBoard)) await sleep(20);
      })(),
      30_000,
      'notes did not reach every client',
    );
    let cursor = 0;
    let edits = 0;
    const run = async (updates) => {
      for (let sent = 0; sent < updates; sent += burst) {
        tally.seen = 0;
        for (let k = 0; k < burst; k++) {
          const client = clients[cursor];
          cursor = (cursor + 1) % clients.length;
          edits++;
          client.edit(() => {
            const text = client.note.get('text');
            if (text.length > 200) text.delete(0, 1);
            text.insert(text.length, String.fromCharCode(97 + (edits % 26)));
            client.note.set('n', edits);
          });
        }
        const expected = burst * (clientsPerBoard - 1);
        const deadline = performance.now() + 10_000;
        while (tally.seen < expected) {
          if (performance.now() > deadline) throw new Error(`only ${tally.seen} of ${expected} deliveries arrived`);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    };
    await run(Math.min(200, totalUpdates)); // warm-up
    const before = cpuSplitMicros(server.pid);
    const started = performance.now();
    await run(totalUpdates);
    const wallMs = performance.now() - started;
    const after = cpuSplitMicros(server.pid);
    for (const client of clients) client.close();
    const user = after.user - before.user;
    const system = after.system - before.system;
    const deliveries = totalUpdates * (clientsPerBoard - 1);
    return {
      kind,
      perUpdateUs: round((user + system) / totalUpdates, 1),
      perDeliveryUs: round((user + system) / deliveries, 2),
      userPerDeliveryUs: round(user / deliveries, 2),
      kernelPerDeliveryUs: round(system / deliveries, 2),
      wallMs: Math.round(wallMs),
    };
  } finally {
    await server.stop();
  }
}

process.stdout.write(
  `closed loop: 1 board × ${clientsPerBoard} clients, ${totalUpdates} updates in bursts of ${burst}\n`,
);
for (const kind of kinds) {
  const result = await measure(kind);
  process.stdout.write(
    `${kind.padEnd(11)} CPU per update ${result.perUpdateUs} µs, per delivery ${result.perDeliveryUs} µs (user ${result.userPerDeliveryUs} / kernel ${result.kernelPerDeliveryUs}), ${result.wallMs} ms\n`,
  );
}
