#!/usr/bin/env node
// Every benchmark of issue #19 in one go (`pnpm bench:all`), then one table of every target with its figure and
// met / NOT met. Runs, one after the other: the relay (quick), the 10,000-note board, page weight, the synthesis
// view (4 × 500 notes) and the catalog (300 ideas). Each script's own output is shown as it runs; the summary
// reads their printed target lines (and the JSON the synthesis and catalog scripts write). It takes long (about
// 15–25 minutes on a quiet 2-core machine, far more on a busy one) and is not part of `npm test`.
// `node bench/all/run.mjs [--skip relay,board] [--runs 1]` — --runs is passed to the browser benchmarks.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    skip: { type: 'string', default: '' },
    runs: { type: 'string', default: '2' },
  },
});
const skip = new Set(values.skip.split(',').filter(Boolean));
const benchDir = path.resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'samle-bench-all-'));
const runs = values.runs;

/** Runs one benchmark script, echoing its output; resolves with what it printed and its exit code. */
function run(script, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(benchDir, script), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('exit', (code) => resolve({ out, code }));
  });
}

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

/** Rows of the summary: target, figure, limit, verdict (met / NOT met / not measured). */
const rows = [];
const missing = (target, limit, why) => rows.push([target, why, limit, 'not measured']);
const verdict = (met) => (met ? 'met' : 'NOT met');

const steps = [
  {
    name: 'relay',
    script: 'relay/run.mjs',
    args: ['--quick', '--rounds', '1'],
    read({ out }) {
      // The relay script prints its targets as a table: | target | Samle | against | limit | ratio | met? |
      const lines = out
        .split('\n')
        .filter((line) => /^\| \([abc]\) /.test(line) && /\| (met|NOT met|–) \|$/.test(line));
      if (lines.length === 0) return missing('relay targets (issue #19 items 1–2)', '', 'no target table printed');
      for (const line of lines) {
        const cells = line.split('|').map((c) => c.trim());
        rows.push([`relay ${cells[1]} (quick run)`, `${cells[2]} (${cells[5]} of ${cells[3]})`, cells[4], cells[6]]);
      }
    },
  },
  {
    name: 'board',
    script: 'board/run.mjs',
    args: ['--notes', '10000', '--runs', runs],
    read({ out }) {
      const paint = /median first paint (\d+) ms/.exec(out);
      const drag = /median drag frame work p95 ([\d.]+) ms/.exec(out);
      if (paint)
        rows.push([
          'board 10,000 notes: first paint',
          `${paint[1]} ms`,
          '< 2,000 ms',
          verdict(Number(paint[1]) < 2000),
        ]);
      else missing('board 10,000 notes: first paint', '< 2,000 ms', 'no figure printed');
      if (drag)
        rows.push([
          'board 10,000 notes: drag frame work p95',
          `${drag[1]} ms`,
          '< 16 ms',
          verdict(Number(drag[1]) < 16),
        ]);
      else missing('board 10,000 notes: drag frame work p95', '< 16 ms', 'no figure printed');
    },
  },
  {
    name: 'pages',
    script: 'pages/run.mjs',
    args: ['--runs', runs],
    read({ out }) {
      for (const [label, target] of [
        ['join page', 'join page transferred'],
        ['phone board, first load', "phone board's first load transferred"],
      ]) {
        const line = out.split('\n').find((l) => l.startsWith(`| ${label}`));
        const cells = line?.split('|').map((c) => c.trim());
        const total = cells ? Number(cells[cells.length - 3]) : Number.NaN;
        if (Number.isFinite(total)) rows.push([target, `${total} kB`, '< 300 kB', verdict(total < 300)]);
        else missing(target, '< 300 kB', 'no figure printed');
      }
    },
  },
  {
    name: 'synthesis',
    script: 'synthesis/run.mjs',
    args: ['--runs', runs, '--json', path.join(scratch, 'synthesis.json')],
    read() {
      const result = readJson(path.join(scratch, 'synthesis.json'))?.results?.[0];
      if (!result) return missing('synthesis 4 × 500 notes: frame work p95', '< 16 ms', 'no result written');
      rows.push([
        'synthesis 4 × 500 notes: scroll frame work p95',
        `${result.scrollP95} ms`,
        '< 16 ms',
        verdict(result.scrollP95 < 16),
      ]);
      rows.push([
        'synthesis 4 × 500 notes: select frame work p95',
        `${result.selectP95} ms`,
        '< 16 ms',
        verdict(result.selectP95 < 16),
      ]);
      rows.push(['synthesis 4 × 500 notes: first paint (no target)', `${result.paint} ms`, '–', '–']);
    },
  },
  {
    name: 'catalog',
    script: 'catalog/run.mjs',
    args: ['--runs', runs, '--json', path.join(scratch, 'catalog.json')],
    read() {
      const result = readJson(path.join(scratch, 'catalog.json'))?.results?.[0];
      if (!result) return missing('catalog 300 ideas: open', '< 1,000 ms', 'no result written');
      rows.push([
        'catalog 300 ideas: open → all listed',
        `${result.open} ms`,
        '< 1,000 ms',
        verdict(result.open < 1000),
      ]);
    },
  },
];

const load = [loadavg()[0]];
const started = Date.now();
try {
  for (const step of steps) {
    if (skip.has(step.name)) continue;
    console.log(`\n=== bench:all — ${step.name} (load average ${loadavg()[0].toFixed(1)}) ===\n`);
    const result = await run(step.script, step.args);
    if (result.code !== 0) console.log(`\n${step.name} exited with ${result.code}`);
    step.read(result);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
load.push(loadavg()[0]);

console.log(
  `\nIssue #19 targets — ${new Date().toISOString()}, ${Math.round((Date.now() - started) / 60000)} min, load average ${load[0].toFixed(1)} at the start, ${load[1].toFixed(1)} at the end (wall-clock figures on a loaded machine measure the queue for a core)\n`,
);
console.log('| target | figure | limit | met? |');
console.log('|---|---|---|---|');
for (const [target, figure, limit, met] of rows) console.log(`| ${target} | ${figure} | ${limit} | ${met} |`);
