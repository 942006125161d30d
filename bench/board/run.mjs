#!/usr/bin/env node
// Big-board benchmark (issues #5, #19): a 2,000- or 10,000-note board in headless Chromium.
// Prints first paint (navigation → notes on screen, connected) and drag frame
// times (p50/p95/p99 of requestAnimationFrame intervals while a note is dragged),
// for a few runs. A script, not a test: `node bench/board/run.mjs [--notes 2000] [--runs 3]`.
// `--client-dir before=/tmp/old-client-dist` (repeatable) measures other built clients beside this checkout's,
// each on a server of its own, runs interleaved; `--profile /tmp/board.cpuprofile` writes a CPU profile of
// each page's load (navigation → first paint) and prints where its time went; `--timeline` prints each page's
// requests and socket frames up to its first paint.
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { frameSummary, startFrames, stopFrames } from '../browser/frames.mjs';
import { launchChromium, startSamle } from '../browser/samle.mjs';
import { median, round } from '../relay/stats.mjs';
import { printSummary, startProfile } from './profile.mjs';
import { seedBigBoard } from './seedBoard.mjs';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    // A PNG of each page once it is settled, for a look (e.g. /tmp/board.png → /tmp/board-1.png, …).
    screenshot: { type: 'string' },
    // Another built client to measure beside this checkout's: `label=path/to/client/dist` (repeatable).
    'client-dir': { type: 'string', multiple: true, default: [] },
    profile: { type: 'string' },
    // Print each page's requests and socket frames (ms after navigation) up to its first paint.
    timeline: { type: 'boolean', default: false },
  },
});
const builds = [
  { label: 'this', clientDir: undefined },
  ...values['client-dir'].map((spec) => {
    const [label, dir] = spec.includes('=') ? spec.split(/=(.*)/s) : [path.basename(spec), spec];
    return { label, clientDir: dir };
  }),
];
const NOTES = Number(values.notes);
const RUNS = Number(values.runs);

/** CPU seconds Chromium's processes have used so far (all of them: browser, renderers, GPU, utility). */
async function browserCpu(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  return processInfo.reduce((sum, info) => sum + info.cpuTime, 0);
}

/** The page's requests (start, end) and socket frames, as `[ms after navigation, what]`, appended as they come. */
function recordTimeline(page, base, started) {
  const events = [];
  const at = (what) => events.push([Date.now() - started, what]);
  const short = (url) =>
    url
      .replace(base, '')
      .replace(/^wss?:\/\/[^/]+/, '')
      .replace(/\?.*$/, '');
  page.on('request', (request) => at(`request ${request.method()} ${short(request.url())}`));
  page.on('requestfinished', (request) => at(`done ${short(request.url())}`));
  page.on('websocket', (socket) => {
    at(`socket open ${short(socket.url())}`);
    socket.on('framesent', (frame) => at(`socket sent ${frame.payload.length} B ${short(socket.url())}`));
    socket.on('framereceived', (frame) => at(`socket received ${frame.payload.length} B ${short(socket.url())}`));
  });
  return events;
}

let shots = 0;
let profiles = 0;

async function measure(browser, base, cookie, boardId, label) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'da-DK' });
  const url = new URL(base);
  await context.addCookies([
    { name: cookie.split('=')[0], value: cookie.split('=').slice(1).join('='), domain: url.hostname, path: '/' },
  ]);
  await context.addInitScript(() => window.localStorage.setItem('samle.name', 'Bench'));
  const page = await context.newPage();
  const profiler = values.profile ? await startProfile(context, page) : undefined;
  const load = loadavg()[0];
  const cpuBefore = await browserCpu(browser);
  const started = Date.now();
  const events = values.timeline ? recordTimeline(page, base, started) : undefined;
  await page.goto(`${base}/b/${boardId}`);
  // Generous: on a loaded machine a cold 10,000-note page can take a minute.
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 300_000 });
  await page.locator('[data-testid="note"]').first().waitFor({ timeout: 300_000 });
  const firstPaintMs = Date.now() - started;
  if (events) {
    console.log(`\ntimeline of ${label} (ms after navigation; load ${load.toFixed(1)}):`);
    for (const [at, what] of events.splice(0)) console.log(`  ${String(at).padStart(6)}  ${what}`);
    console.log(`  ${String(firstPaintMs).padStart(6)}  connected, notes on screen`);
  }
  // On a loaded machine wall time mostly measures the queue for a core; CPU time says what the page cost.
  const paintCpuMs = Math.round(((await browserCpu(browser)) - cpuBefore) * 1000);
  if (profiler) {
    const file = values.profile.replace(/(\.cpuprofile)?$/, `-${label}-${++profiles}.cpuprofile`);
    printSummary(`${label} (${file})`, await profiler.stop(file));
  }
  const mounted = await page.locator('[data-testid="note"]').count();
  const shown = await page.locator('[data-testid="note"]:not([data-out-of-view])').count();

  // Drag one note (grabbed at its middle) across the screen in 60 steps while recording frame intervals:
  // a note a third of the way into the canvas, once the board has been fitted to its notes.
  await page.waitForTimeout(500);
  const noteId = await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="board-canvas"]').getBoundingClientRect();
    for (let step = 0; step < 40; step++) {
      const x = canvas.left + canvas.width / 3 + step * 7;
      const y = canvas.top + canvas.height / 3 + step * 5;
      const id = document.elementFromPoint(x, y)?.closest('[data-note-id]')?.getAttribute('data-note-id');
      if (id) return id;
    }
    return undefined;
  });
  if (!noteId) throw new Error('no note at a third of the canvas');
  const note = page.locator(`[data-note-id="${noteId}"]`);
  if (values.screenshot) await page.screenshot({ path: values.screenshot.replace(/\.png$/, `-${++shots}.png`) });
  // The board opens fitted to its notes once they are all in: wait until the note stays put.
  let box = await note.boundingBox();
  for (;;) {
    await page.waitForTimeout(300);
    const again = await page.locator(`[data-note-id="${noteId}"]`).boundingBox();
    if (again && again.x === box?.x && again.y === box?.y && again.width === box?.width) break;
    box = again;
  }
  // Per frame: the interval between frames and the main thread's work for it (bench/browser/frames.mjs).
  await page.evaluate(startFrames);
  const grabX = box.x + box.width / 2;
  const grabY = box.y + box.height / 2;
  await page.mouse.move(grabX, grabY);
  await page.mouse.down();
  for (let step = 1; step <= 60; step++) {
    await page.mouse.move(grabX + step * 8, grabY + step * 4);
  }
  await page.mouse.up();
  const after = await page.locator(`[data-note-id="${noteId}"]`).boundingBox();
  // The note followed the pointer (480 × 240 screen pixels), so the frames timed were a note drag.
  const moved = Math.round(after.x - box.x);
  const frames = frameSummary(await page.evaluate(stopFrames));
  await context.close();
  return {
    load,
    firstPaintMs,
    paintCpuMs,
    mounted,
    shown,
    moved,
    frames: frames.frames,
    p50: frames.intervalP50,
    p95: frames.intervalP95,
    workP50: frames.workP50,
    workP95: frames.workP95,
  };
}

const servers = [];
try {
  for (const build of builds) {
    const server = await startSamle('board', { clientDir: build.clientDir });
    servers.push(server);
    const { cookie, boardId } = await seedBigBoard(server, {
      notes: NOTES,
      text: (i) => `Idé nummer ${i}: kortere svartider for virksomheder`,
    });
    build.target = { base: server.base, cookie, boardId };
    build.runs = [];
  }
  const browser = await launchChromium();
  // Interleaved (this, before, this, before, …), so each build sees the machine's load alike.
  for (let run = 0; run < RUNS; run++) {
    for (const build of builds) {
      const { base, cookie, boardId } = build.target;
      build.runs.push(await measure(browser, base, cookie, boardId, build.label));
    }
  }
  await browser.close();
  console.log(
    `\nBig board — ${NOTES} notes, headless Chromium 1440×900, ${RUNS} runs per build (cold page each run)\n`,
  );
  console.log(
    '| build | run | load avg | first paint (ms) | its CPU (ms) | notes in DOM (in full) | drag frames (note moved px) | frame interval p50 / p95 (ms) | frame work p50 / p95 (ms) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (let run = 0; run < RUNS; run++) {
    for (const build of builds) {
      const r = build.runs[run];
      console.log(
        `| ${build.label} | ${run + 1} | ${r.load.toFixed(1)} | ${r.firstPaintMs} | ${r.paintCpuMs} | ${r.mounted} (${r.shown}) | ${r.frames} (${r.moved}) | ${round(r.p50)} / ${round(r.p95)} | ${round(r.workP50)} / ${round(r.workP95)} |`,
      );
    }
  }
  console.log('');
  for (const { label, runs } of builds) {
    const paint = median(runs.map((r) => r.firstPaintMs));
    const paintCpu = median(runs.map((r) => r.paintCpuMs));
    const work = round(median(runs.map((r) => r.workP95)));
    const interval = round(median(runs.map((r) => r.p95)));
    console.log(
      `${label}: median first paint ${paint} ms, its CPU ${paintCpu} ms (target < 2000: ${paint < 2000 ? 'met' : 'not met'}); median drag frame work p95 ${work} ms (target < 16: ${work < 16 ? 'met' : 'not met'}); frame interval p95 ${interval} ms`,
    );
  }
} finally {
  for (const server of servers) await server.stop();
}
