#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
// Synthesis benchmark (issue #19 item 3): the synthesis view of a session with 4 tables × 500 notes in headless
// Chromium. Prints time to first paint, then frame times while each column scrolls and while notes are selected
// (by mouse and by keyboard), with long tasks, and the target (frame work p95 < 16 ms) met or not.
// A script, not a test: `node bench/synthesis/run.mjs [--tables 4] [--notes 500] [--runs 2]
// [--samle-dir /path/to/built/checkout …] [--profile DIR] [--trace DIR]` — several --samle-dir run interleaved
// (before/after in one go); --profile writes CPU profiles of the scroll and select phases, --trace Chrome traces of
// them and prints where the main thread's time went (script, style, layout, paint; layouts forced by a script).
import { loadavg } from 'node:os';
import path from 'node:path';
import { checkoutArgs, printRuns, runInterleaved, writeJson } from '../browser/checkouts.mjs';
import { frameSummary, startFrames, stopFrames } from '../browser/frames.mjs';
import {
  browserCpu,
  facilitatorContext,
  seedBoard,
  signUpFacilitator,
  workshopWithTables,
} from '../browser/workshop.mjs';
import { median, round } from '../relay/stats.mjs';
import { printTrace, startTrace } from './trace.mjs';

// --runs, --samle-dir, --screenshot (a PNG of each page once it has painted) and --json: bench/browser/checkouts.mjs.
const {
  values,
  runs: RUNS,
  dirs,
} = checkoutArgs({
  tables: { type: 'string', default: '4' },
  notes: { type: 'string', default: '500' },
  // Chrome DevTools CPU profiles of the scroll and select phases into this folder (for a look at what costs).
  profile: { type: 'string' },
  // Chrome traces of the scroll and select phases into this folder, summarised on the console.
  trace: { type: 'string' },
});
const TABLES = Number(values.tables);
const NOTES = Number(values.notes);

let shots = 0;

async function measure(browser, server, { cookie, seeded }) {
  const context = await facilitatorContext(browser, server.base, cookie);
  const page = await context.newPage();
  const load = loadavg()[0];
  const cpuBefore = await browserCpu(browser);
  await page.goto(`${server.base}/w/${seeded.workshopId}/synthesis?session=${seeded.sessionId}`);
  // First paint: every table's column is ready and shows notes. performance.now() counts from navigation start.
  const painted = await page.waitForFunction(
    (tables) => {
      const columns = [...document.querySelectorAll('[data-testid="synth-board"][data-board-kind="group"]')];
      const ready =
        columns.length === tables &&
        columns.every((c) => c.dataset.status === 'ready' && c.querySelector('[data-testid="synth-note"]'));
      return ready ? performance.now() : false;
    },
    TABLES,
    { polling: 'raf', timeout: 300_000 },
  );
  const firstPaintMs = Math.round(await painted.jsonValue());
  const paintCpuMs = Math.round(((await browserCpu(browser)) - cpuBefore) * 1000);
  const inDom = await page.locator('[data-testid="synth-note"]').count();
  if (values.screenshot) await page.screenshot({ path: values.screenshot.replace(/\.png$/, `-${++shots}.png`) });

  const cdp = values.profile ? await context.newCDPSession(page) : null;
  /** Runs one phase, with a CPU profile or a trace of it when asked for. */
  const phase = async (name, work) => {
    const file = (folder, ext) => {
      mkdirSync(folder, { recursive: true });
      return path.join(folder, `${path.basename(server.samleDir)}-${name}-${++shots}.${ext}`);
    };
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const trace = values.trace ? await startTrace(browser, page) : null;
    const result = await work();
    if (trace) printTrace(`${path.basename(server.samleDir)} ${name}`, await trace.stop(file(values.trace, 'json')));
    if (cdp) {
      const { profile: recorded } = await cdp.send('Profiler.stop');
      writeFileSync(file(values.profile, 'cpuprofile'), JSON.stringify(recorded));
    }
    return result;
  };

  // Scrolling: each table's column in turn, 60 frames of 120 px down (a wheel turn at a time), then back up.
  let cpuAt = await browserCpu(browser);
  await page.evaluate(startFrames);
  const scrolled = await phase('scroll', () =>
    page.evaluate(async () => {
      const bodies = [
        ...document.querySelectorAll('[data-testid="synth-board"][data-board-kind="group"] .synth-board-body'),
      ];
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      let moved = 0;
      for (const body of bodies) {
        const start = body.scrollTop;
        for (let i = 0; i < 60; i++) {
          body.scrollTop += 120;
          await frame();
        }
        moved += body.scrollTop - start;
        for (let i = 0; i < 20; i++) {
          body.scrollTop -= 360;
          await frame();
        }
      }
      return moved;
    }),
  );
  const scroll = frameSummary(await page.evaluate(stopFrames));
  // Browser CPU for the phase: on a loaded machine frame times include the queue for a core; CPU time does not.
  scroll.cpuMs = Math.round(((await browserCpu(browser)) - cpuAt) * 1000);
  cpuAt = await browserCpu(browser);

  // Selecting: ctrl-clicks on 10 notes in view of each column, then 20 × (ArrowDown, Space) from the keyboard.
  await page.evaluate(startFrames);
  const columns = page.locator('[data-testid="synth-board"][data-board-kind="group"]');
  await phase('select', async () => {
    await page.keyboard.down('Control');
    for (let c = 0; c < TABLES; c++) {
      const notes = columns.nth(c).locator('[data-testid="synth-note"]');
      for (let i = 1; i <= 10; i++) await notes.nth(i).click();
    }
    await page.keyboard.up('Control');
    await columns.nth(0).locator('[data-testid="synth-note"]').nth(12).focus();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
    }
  });
  const select = frameSummary(await page.evaluate(stopFrames));
  select.cpuMs = Math.round(((await browserCpu(browser)) - cpuAt) * 1000);
  const picked = await page.getByTestId('tray-item').count();
  await context.close();
  return { load, firstPaintMs, paintCpuMs, inDom, scrolled, scroll, select, picked };
}

// Seeded alike on one server per checkout, then the runs interleave: a busy spell hits both.
const results = await runInterleaved({
  name: 'synthesis',
  dirs,
  runs: RUNS,
  async seed(server) {
    const cookie = await signUpFacilitator(server.base);
    const seeded = await workshopWithTables(server.base, cookie, TABLES);
    for (const boardId of seeded.boardIds) await seedBoard(server, boardId, { notes: NOTES });
    return { cookie, seeded };
  },
  measure,
});

const f = (value) => round(value);
printRuns(
  `Synthesis view — ${TABLES} tables × ${NOTES} notes (seeded through the API and the sync), headless Chromium 1440×900, ${RUNS} runs (cold page each)`,
  [
    'first paint (ms)',
    'its CPU (ms)',
    'notes in DOM',
    'scroll: frame work p50 / p95 (ms)',
    'scroll: interval p95 (ms)',
    'scroll: long tasks (ms)',
    'scroll: CPU (ms)',
    'select: frame work p50 / p95 (ms)',
    'select: interval p95 (ms)',
    'select: long tasks (ms)',
    'select: CPU (ms)',
    'picks in tray',
  ],
  results,
  (r) => [
    r.firstPaintMs,
    r.paintCpuMs,
    r.inDom,
    `${f(r.scroll.workP50)} / ${f(r.scroll.workP95)}`,
    f(r.scroll.intervalP95),
    `${r.scroll.longTasks} (${Math.round(r.scroll.longMs)})`,
    r.scroll.cpuMs,
    `${f(r.select.workP50)} / ${f(r.select.workP95)}`,
    f(r.select.intervalP95),
    `${r.select.longTasks} (${Math.round(r.select.longMs)})`,
    r.select.cpuMs,
    r.picked,
  ],
);
const verdicts = results.map((entry) => {
  const scrollP95 = round(median(entry.runs.map((r) => r.scroll.workP95)));
  const selectP95 = round(median(entry.runs.map((r) => r.select.workP95)));
  const paint = median(entry.runs.map((r) => r.firstPaintMs));
  const met = scrollP95 < 16 && selectP95 < 16;
  console.log(
    `\n${entry.dir}: seeded in ${entry.seedMs} ms; median first paint ${paint} ms; median frame work p95 scrolling ${scrollP95} ms, selecting ${selectP95} ms — target p95 < 16 ms: ${met ? 'met' : 'NOT met'}`,
  );
  return { dir: entry.dir, paint, scrollP95, selectP95, met, runs: entry.runs };
});
writeJson(values.json, { tables: TABLES, notes: NOTES, results: verdicts });
