#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * What storing one update costs the relay's thread: `appendUpdates` with one 40-byte update per call (the
 * relay's batch when one person types), CPU and wall time per call; in the embedded store (SQLite), or with
 * --postgres URL in PostgreSQL (a schema of its own, dropped after; its server's own CPU is not counted).
 * With --before DIR (a checkout of an older commit with `server/dist` built), each run measures that
 * build and this one in turn, each in a fresh process and a fresh database, so a busy machine hurts both.
 *
 *   node bench/storage/append.mjs [--before /work/before] [--runs 3] [--calls 20000] [--postgres URL]
 */
const { values: args } = parseArgs({
  options: {
    before: { type: 'string' },
    runs: { type: 'string', default: '3' },
    calls: { type: 'string', default: '20000' },
    postgres: { type: 'string' },
    child: { type: 'string' },
  },
});
const CALLS = Number(args.calls);

if (args.child) {
  console.log(JSON.stringify(await measure(args.child)));
} else {
  const here = path.resolve(import.meta.dirname, '../..');
  const builds = args.before
    ? [
        ['before', path.resolve(args.before)],
        ['this', here],
      ]
    : [['this', here]];
  console.log(
    `load average ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
  console.log('run  build   CPU µs/call  wall µs/call');
  for (let run = 1; run <= Number(args.runs); run++) {
    for (const [name, root] of builds) {
      const engine = args.postgres ? ['--postgres', args.postgres] : [];
      const child = spawnSync(
        process.execPath,
        [import.meta.filename, '--child', root, '--calls', String(CALLS), ...engine],
        { encoding: 'utf8' },
      );
      if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
      const { cpuMicros, wallMicros } = JSON.parse(child.stdout);
      console.log(
        `${String(run).padEnd(4)} ${name.padEnd(7)} ${cpuMicros.toFixed(1).padStart(11)}  ${wallMicros.toFixed(1).padStart(12)}`,
      );
    }
  }
  console.log(
    `load average ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
}

async function measure(root) {
  const { storage, cleanup } = args.postgres ? await openPostgres(root, args.postgres) : await openSqlite(root);
  try {
    await storage.ensureDoc('board', Date.now());
    const entry = [{ docId: 'board', update: new Uint8Array(40).fill(7) }];
    for (let i = 0; i < CALLS / 10; i++) await storage.appendUpdates(entry);
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) await storage.appendUpdates(entry);
    const wallMicros = Number(process.hrtime.bigint() - started) / 1e3 / CALLS;
    const used = process.cpuUsage(cpu);
    return { cpuMicros: (used.user + used.system) / CALLS, wallMicros };
  } finally {
    await storage.close();
    await cleanup();
  }
}

async function openSqlite(root) {
  const module = pathToFileURL(path.join(root, 'server/dist/storage/sqlite/SqliteStorage.js'));
  const { SqliteStorage } = await import(module.href);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samle-bench-append-'));
  const storage = new SqliteStorage({ dataDir });
  return { storage, cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

async function openPostgres(root, connectionString) {
  const module = pathToFileURL(path.join(root, 'server/dist/storage/postgres/PostgresStorage.js'));
  const { PostgresStorage } = await import(module.href);
  const schema = `bench_append_${process.pid}`;
  const storage = await PostgresStorage.open({ connectionString, schema });
  const cleanup = async () => {
    const pg = createRequire(path.join(root, 'server/package.json'))('pg');
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  };
  return { storage, cleanup };
}
