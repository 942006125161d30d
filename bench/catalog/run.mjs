#!/usr/bin/env node
// Catalog benchmark (issue #19 item 3): the idea catalog with 300 ideas, opened cold in headless Chromium.
// Seeds a workshop whose tables hold notes, gathers 300 ideas from them through the real API (two notes each),
// then times navigation start → every idea listed, and prints
// the target (< 1 s) met or not, with the requests the page made and the browser's CPU for it.
// A script, not a test: `node bench/catalog/run.mjs [--ideas 300] [--runs 3] [--samle-dir DIR …]`;
// `--profile /tmp/catalog.cpuprofile` writes a CPU profile of each open (navigation → 2 s after every idea is listed) and prints
// where its time went (self time by script and function), as `bench/board/run.mjs --profile` does.
// `--waterfall` prints when each request and WebSocket of each open started and ended (bench/catalog/waterfall.mjs).
import { loadavg } from 'node:os';
import path from 'node:path';
import { printSummary, startProfile } from '../board/profile.mjs';
import { checkoutArgs, printRuns, runInterleaved, writeJson } from '../browser/checkouts.mjs';
import {
  browserCpu,
  callApi,
  facilitatorContext,
  seedBoard,
  signUpFacilitator,
  workshopWithTables,
} from '../browser/workshop.mjs';
import { median } from '../relay/stats.mjs';
import { printWaterfall, readWaterfall, recordSockets } from './waterfall.mjs';

// --runs, --samle-dir, --screenshot and --json: bench/browser/checkouts.mjs.
const {
  values,
  runs: RUNS,
  dirs,
} = checkoutArgs(
  {
    ideas: { type: 'string', default: '300' },
    profile: { type: 'string' },
    waterfall: { type: 'boolean', default: false },
  },
  { runs: '3' },
);
const IDEAS = Number(values.ideas);
const TABLES = 4;
const SETTLE_MS = 2000;

/** 300 ideas, each gathered from two notes on two tables, as a facilitator gathers them in the synthesis view. */
async function seed(server) {
  const cookie = await signUpFacilitator(server.base);
  const { workshopId, boardIds } = await workshopWithTables(server.base, cookie, TABLES);
  const perBoard = IDEAS;
  for (const boardId of boardIds) await seedBoard(server, boardId, { notes: perBoard, themes: 0 });
  for (let i = 0; i < IDEAS; i++) {
    const a = boardIds[i % TABLES];
    const b = boardIds[(i + 1) % TABLES];
    await callApi(
      server.base,
      'POST',
      `/api/workshops/${workshopId}/catalog/gather`,
      {
        title: `Idé ${i + 1}: samlet fra to borde`,
        sources: [
          { boardId: a, noteIds: [`n${i}`] },
          { boardId: b, noteIds: [`n${i}`] },
        ],
      },
      cookie,
    );
  }
  return { cookie, workshopId };
}

let shots = 0;
let profiles = 0;

async function measure(browser, server, { cookie, workshopId }) {
  const context = await facilitatorContext(browser, server.base, cookie);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) requests.push(new URL(request.url()).pathname);
  });
  let sockets = 0;
  page.on('websocket', () => {
    sockets += 1;
  });
  const profiler = values.profile ? await startProfile(context, page) : undefined;
  // The page's main thread in thread time (CPU, not wall clock): what the page itself cost, which a loaded machine
  // blurs far less than wall time or the browser's CPU (compositor, raster, network and browser processes).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const mainThread = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration').value;
  const load = loadavg()[0];
  const cpuBefore = await browserCpu(browser);
  const mainBefore = await mainThread();
  if (values.waterfall) await recordSockets(page);
  await page.goto(`${server.base}/w/${workshopId}/catalog`);
  const listed = await page.waitForFunction(
    (ideas) => (document.querySelectorAll('[data-testid="idea-row"]').length >= ideas ? performance.now() : false),
    IDEAS,
    { polling: 'raf', timeout: 300_000 },
  );
  const openMs = Math.round(await listed.jsonValue());
  const cpuMs = Math.round(((await browserCpu(browser)) - cpuBefore) * 1000);
  const mainMs = Math.round(((await mainThread()) - mainBefore) * 1000);
  const listedCalls = requests.length;
  // What the page goes on doing right after (similarity marks, source statuses, descriptions for printing).
  await page.waitForTimeout(SETTLE_MS);
  const settledMainMs = Math.round(((await mainThread()) - mainBefore) * 1000);
  if (values.waterfall) {
    printWaterfall(`${path.basename(server.samleDir)}, load ${load.toFixed(1)}`, await readWaterfall(page), openMs);
  }
  if (profiler) {
    const label = path.basename(server.samleDir);
    const file = values.profile.replace(/(\.cpuprofile)?$/, `-${label}-${++profiles}.cpuprofile`);
    printSummary(`${label} (${file})`, await profiler.stop(file));
  }
  const rows = await page.locator('[data-testid="idea-row"]').count();
  if (values.screenshot) await page.screenshot({ path: values.screenshot.replace(/\.png$/, `-${++shots}.png`) });
  const apiCalls = requests.length;
  await context.close();
  return { load, openMs, cpuMs, mainMs, settledMainMs, rows, listedCalls, apiCalls, sockets };
}

const results = await runInterleaved({ name: 'catalog', dirs, runs: RUNS, seed, measure });

printRuns(
  `Catalog — ${IDEAS} ideas (gathered through the API), headless Chromium 1440×900, ${RUNS} cold opens`,
  [
    'open → all ideas listed (ms)',
    'browser CPU (ms)',
    'page main thread CPU (ms)',
    `main thread CPU to ${SETTLE_MS / 1000} s later (ms)`,
    'ideas listed',
    'API requests (listed / later)',
    'sockets',
  ],
  results,
  (r) => [r.openMs, r.cpuMs, r.mainMs, r.settledMainMs, r.rows, `${r.listedCalls} / ${r.apiCalls}`, r.sockets],
);
const verdicts = results.map((entry) => {
  const open = median(entry.runs.map((r) => r.openMs));
  const met = open < 1000;
  console.log(
    `\n${entry.dir}: seeded in ${entry.seedMs} ms; median open ${open} ms — target < 1000 ms: ${met ? 'met' : 'NOT met'}`,
  );
  return { dir: entry.dir, open, met, runs: entry.runs };
});
writeJson(values.json, { ideas: IDEAS, results: verdicts });
