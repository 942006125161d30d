// What the browser benchmarks that compare built checkouts share: their common arguments, one seeded server per
// checkout with the runs interleaved in one Chromium, and the table of runs they print.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, startSamle } from './samle.mjs';

const repoDir = path.resolve(import.meta.dirname, '..', '..');

/**
 * The bench's own `options` (node:util parseArgs style) and those every such bench takes: `--runs N`,
 * `--samle-dir DIR` (repeatable: built checkouts measured side by side; this one when none is given),
 * `--screenshot FILE.png` (a PNG per page, FILE-1.png, …) and `--json FILE` (the results).
 */
export function checkoutArgs(options, { runs = '2' } = {}) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: runs },
      'samle-dir': { type: 'string', multiple: true },
      screenshot: { type: 'string' },
      json: { type: 'string' },
      ...options,
    },
  });
  const dirs = (values['samle-dir'] ?? [repoDir]).map((dir) => path.resolve(dir));
  return { values, runs: Number(values.runs), dirs };
}

/**
 * Starts a server per checkout and seeds each alike (`seed(server)` returns what `measure` needs), then runs
 * `measure(browser, server, seeded)` for each checkout in turn, `runs` times (a, b, a, b, …), so a busy spell
 * on the machine hits every checkout. Each result: `{ dir, seedMs, runs }`.
 */
export async function runInterleaved({ name, dirs, runs, seed, measure }) {
  const results = dirs.map((dir) => ({ dir, seedMs: 0, runs: [] }));
  const servers = [];
  try {
    for (const entry of results) {
      const server = await startSamle(name, { samleDir: entry.dir });
      servers.push(server);
      const started = Date.now();
      const seeded = await seed(server);
      entry.seedMs = Date.now() - started;
      Object.assign(entry, { server, seeded });
    }
    const browser = await launchChromium();
    try {
      for (let run = 0; run < runs; run++) {
        for (const entry of results) entry.runs.push(await measure(browser, entry.server, entry.seeded));
      }
    } finally {
      await browser.close();
    }
  } finally {
    for (const server of servers) await server.stop();
  }
  return results.map(({ dir, seedMs, runs: measured }) => ({ dir, seedMs, runs: measured }));
}

/**
 * Prints `title` and a Markdown table with a row per checkout and run: the checkout's folder name, the run,
 * the load average when it started (each run's `load`), then `cells(run)` under `headers`.
 */
export function printRuns(title, headers, results, cells) {
  const columns = ['checkout', 'run', 'load avg', ...headers];
  console.log(`\n${title}\n`);
  console.log(`| ${columns.join(' | ')} |`);
  console.log(`|${columns.map(() => '---').join('|')}|`);
  for (const entry of results) {
    entry.runs.forEach((run, index) => {
      const row = [path.basename(entry.dir), index + 1, run.load.toFixed(1), ...cells(run)];
      console.log(`| ${row.join(' | ')} |`);
    });
  }
}

/** Writes the results as JSON when the bench was given `--json FILE`. */
export function writeJson(file, data) {
  if (file) writeFileSync(file, JSON.stringify(data, null, 2));
}
