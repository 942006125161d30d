/**
 * "Fit the whole board" on a 10,000-note board, in headless Chromium at 1440×900: how far it zooms out, how long
 * the fitted view takes to show, how many notes are then in the DOM, and the main thread's work per frame while the
 * fitted board is panned (wheel). A dev measurement, not a test:
 *   node client/scripts/fit-big-board.mjs [--notes 10000] [--runs 3] [--client-dir before=/path/to/client/dist]
 * Each build gets a server of its own with the same board (the bench's grid); runs are interleaved. Prints the load
 * average beside each run.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { seedBigBoard } from '../../bench/board/seedBoard.mjs';
import { frameSummary, startFrames, stopFrames } from '../../bench/browser/frames.mjs';
import { launchChromium, startSamle } from '../../bench/browser/samle.mjs';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    'client-dir': { type: 'string', multiple: true, default: [] },
    screenshot: { type: 'string' },
  },
});
const NOTES = Number(values.notes);
const RUNS = Number(values.runs);
const builds = [
  { label: 'this', clientDir: undefined },
  ...values['client-dir'].map((spec) => {
    const [label, dir] = spec.split(/=(.*)/s);
    return { label, clientDir: dir };
  }),
];
const round = (n) => Math.round(n * 10) / 10;

async function boardOn(server) {
  const { cookie, boardId } = await seedBigBoard(server, { notes: NOTES, name: 'Fit' });
  return { base: server.base, cookie, id: boardId };
}

async function measure(browser, { base, cookie, id }, label, run) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'da-DK' });
  const url = new URL(base);
  const [name, ...rest] = cookie.split('=');
  await context.addCookies([{ name, value: rest.join('='), domain: url.hostname, path: '/' }]);
  await context.addInitScript(() => window.localStorage.setItem('samle.name', 'Fit'));
  const page = await context.newPage();
  await page.goto(`${base}/b/${id}`);
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 300_000 });
  await page.locator('[data-testid="note"]').first().waitFor({ timeout: 300_000 });
  await page.waitForTimeout(1500);
  const zoomShown = async () => `${Number.parseInt((await page.getByTestId('zoom-level').textContent()) ?? '', 10)} %`;
  const opened = await zoomShown();
  const load = loadavg()[0];
  const fitMs = await page.evaluate(async () => {
    const started = performance.now();
    document.querySelector('[data-testid="zoom-fit"]').click();
    // Two frames later the fitted view has been laid out and painted.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now() - started;
  });
  const fitted = await zoomShown();
  const inDom = await page.locator('[data-testid="note"]').count();
  const canvas = await page.getByTestId('board-canvas').boundingBox();
  const lastOnScreen = await page.evaluate((last) => {
    const box = document.querySelector(`[data-note-id="n${last}"]`)?.getBoundingClientRect();
    return !!box && box.right <= window.innerWidth && box.bottom <= window.innerHeight;
  }, NOTES - 1);
  if (values.screenshot) await page.screenshot({ path: values.screenshot.replace(/\.png$/, `-${label}-${run}.png`) });
  await page.evaluate(startFrames);
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  for (let step = 0; step < 40; step++) await page.mouse.wheel(12, 8);
  const pan = frameSummary(await page.evaluate(stopFrames));
  await context.close();
  return {
    load,
    opened,
    fitted,
    fitMs,
    inDom,
    lastOnScreen,
    workP50: pan.workP50,
    workP95: pan.workP95,
  };
}

const servers = [];
try {
  for (const build of builds) {
    const server = await startSamle('fit', { clientDir: build.clientDir });
    servers.push(server);
    build.board = await boardOn(server);
    build.runs = [];
  }
  const browser = await launchChromium();
  for (let run = 0; run < RUNS; run++) {
    for (const build of builds) build.runs.push(await measure(browser, build.board, build.label, run + 1));
  }
  await browser.close();
  console.log(`\nFit the whole board — ${NOTES} notes, headless Chromium 1440×900\n`);
  console.log(
    '| build | run | load avg | opens at | fitted to | last note on screen | fit to painted (ms) | notes in DOM | pan frame work p50 / p95 (ms) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (let run = 0; run < RUNS; run++) {
    for (const { label, runs } of builds) {
      const r = runs[run];
      console.log(
        `| ${label} | ${run + 1} | ${r.load.toFixed(1)} | ${r.opened} | ${r.fitted} | ${r.lastOnScreen ? 'yes' : 'no'} | ${Math.round(r.fitMs)} | ${r.inDom} | ${round(r.workP50)} / ${round(r.workP95)} |`,
      );
    }
  }
} finally {
  for (const server of servers) await server.stop();
}
