#!/usr/bin/env node
// Page weight on a phone (issue #19): what the join page and a phone's first load of a board transfer.
// Starts the built Samle, opens the pages in headless Chromium as a phone (390×844, touch, Danish, cold cache,
// no service worker) and prints the bytes that crossed the wire, from Chromium's network events
// (`Network.loadingFinished` encodedDataLength, plus WebSocket frames), against the target of < 300 kB.
// A script, not a test: `pnpm bench:pages [--runs 3] [--files]`. Build first (`pnpm build`).
import { parseArgs } from 'node:util';
import { launchChromium, startSamle } from '../browser/samle.mjs';
import { NetworkMeter } from './meter.mjs';
import { openDayJoinCode } from './samle.mjs';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, files: { type: 'boolean', default: false } },
});
const RUNS = Number(values.runs);
/** The target, in kB of 1,000 bytes (as Vite and Chromium's devtools count). */
const TARGET_KB = 300;

const PHONE = {
  locale: 'da-DK',
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  // Measured apart below: a service worker would answer later requests from its own cache.
  serviceWorkers: 'block',
};

const connected = (page) => page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();

/** One participant's first visit: the join page, joining (into the board's write mode), then the board cold. */
async function visit(browser, base, code) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const meter = await NetworkMeter.attach(page);
  await page.goto(`${base}/join?code=${code}`);
  await page.getByTestId('join-name-input').waitFor();
  await meter.settled();
  const joinPage = meter.take();

  await page.getByTestId('join-name-input').fill('Ada');
  await page.getByTestId('join-submit').tap();
  await page.waitForURL(/\/b\//);
  await page.getByTestId('write-view').waitFor();
  await connected(page);
  await meter.settled();
  const joining = meter.take();

  // The same person opens the board again in a fresh browser context: cookies and name kept, no cache.
  const boardUrl = page.url();
  const again = await browser.newContext({ ...PHONE, storageState: await context.storageState() });
  await context.close();
  const boardPage = await again.newPage();
  const boardMeter = await NetworkMeter.attach(boardPage);
  await boardPage.goto(boardUrl);
  await boardPage.getByTestId('write-view').waitFor();
  await connected(boardPage);
  await boardMeter.settled();
  const board = boardMeter.take();
  await again.close();
  return { joinPage, joining, board };
}

/** What the service worker fetches in the background after the join page has loaded (its precache). */
async function serviceWorkerPrecache(browser, base, code) {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'allow' });
  let bytes = 0;
  let files = 0;
  const sizes = [];
  context.on('requestfinished', (request) => {
    if (!request.serviceWorker()) return;
    files++;
    sizes.push(request.sizes().then((size) => (bytes += size.responseHeadersSize + size.responseBodySize)));
  });
  const page = await context.newPage();
  await page.goto(`${base}/join?code=${code}`);
  // Workbox activates the worker once its precache is complete.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state;
  });
  await Promise.all(sizes);
  await context.close();
  return { bytes, files };
}

const kb = (bytes) => (bytes / 1000).toFixed(1);
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const mark = (bytes) => (bytes < TARGET_KB * 1000 ? '**met**' : '**not met**');

const samle = await startSamle('pages');
const browser = await launchChromium();
try {
  const code = await openDayJoinCode(samle.base);
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push(await visit(browser, samle.base, code));
  const precache = await serviceWorkerPrecache(browser, samle.base, code);

  const rows = [
    ['join page (`/join?code=…`)', (r) => r.joinPage],
    ['joining → the board in write mode (in-app)', (r) => r.joining],
    ['first visit: join page + joining', (r) => sum(r.joinPage, r.joining)],
    ['phone board, first load (`/b/…`, cold)', (r) => r.board],
  ];
  console.log(`\nPage weight on a phone — 390×844 touch, Danish, cold cache, median of ${RUNS} runs (kB = 1,000 B)\n`);
  console.log('| load | requests | HTML | JS | CSS | API | WebSocket | total kB | target < 300 kB |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [label, pick] of rows) {
    const measured = runs.map(pick);
    const at = (get) => median(measured.map(get));
    const total = at((m) => m.total);
    console.log(
      `| ${label} | ${at((m) => m.files.length)} | ${kb(at((m) => m.byKind.html))} | ${kb(at((m) => m.byKind.js))} | ` +
        `${kb(at((m) => m.byKind.css))} | ${kb(at((m) => m.byKind.api))} | ${kb(at((m) => m.websocket))} | ` +
        `${kb(total)} | ${mark(total)} |`,
    );
  }
  console.log(
    `\nAfterwards, in the background, the service worker precaches the app shell for offline use: ` +
      `${precache.files} files, ${kb(precache.bytes)} kB.`,
  );
  if (values.files) {
    for (const [label, pick] of rows.filter((_, i) => i !== 2)) {
      console.log(`\n${label}, run 1:`);
      for (const file of pick(runs[0]).files) console.log(`  ${kb(file.bytes).padStart(7)} kB  ${file.url}`);
    }
  }
} finally {
  await browser.close();
  await samle.stop();
}

function sum(a, b) {
  const byKind = {};
  for (const kind of Object.keys(a.byKind)) byKind[kind] = a.byKind[kind] + b.byKind[kind];
  return {
    files: [...a.files, ...b.files],
    byKind,
    http: a.http + b.http,
    websocket: a.websocket + b.websocket,
    total: a.total + b.total,
  };
}
