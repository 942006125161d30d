import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connected } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();
const assetsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'client', 'dist', 'assets');

/** Lexical's production build points every error at this page: a script holding it holds Lexical. */
const LEXICAL_MARK = 'lexical.dev/docs/error';
/** The leader panel's own chunk (named after its module) and a test id only that panel renders. */
const LEADER_CHUNK = /^LeadersPage-[\w-]+\.js$/;
const LEADER_MARK = 'rationale-editor';

/** The target for the join page and a phone's first load of its board (kB of 1,000 bytes). */
const TARGET_BYTES = 300_000;

interface Loaded {
  url: string;
  body: string;
  encoding: string | undefined;
  cacheControl: string | undefined;
}

/** A participant's phone (390×844, touch, Danish) that records every script it loads and the bytes it transfers. */
async function phone(browser: Browser) {
  const context = await browser.newContext({
    locale: 'da-DK',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    // Its cache would answer requests the page makes after the first.
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const scripts: Promise<Loaded>[] = [];
  const transferred: Promise<number>[] = [];
  page.on('response', (response: Response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.push(
      (async () => ({
        url: response.url(),
        body: (await response.body()).toString('utf8'),
        encoding: await response.headerValue('content-encoding').then((value) => value ?? undefined),
        cacheControl: await response.headerValue('cache-control').then((value) => value ?? undefined),
      }))(),
    );
  });
  page.on('requestfinished', (request) => {
    transferred.push(request.sizes().then((sizes) => sizes.responseHeadersSize + sizes.responseBodySize));
  });
  return {
    page,
    /** Scripts loaded and bytes transferred since the last call. */
    take: async () => ({
      scripts: await Promise.all(scripts.splice(0)),
      bytes: (await Promise.all(transferred.splice(0))).reduce((sum, size) => sum + size, 0),
    }),
  };
}

async function joinCode(baseUrl: string): Promise<string> {
  const post = (url: string, body: unknown, cookie?: string) =>
    fetch(`${baseUrl}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie, 'x-samle-csrf': '1' } : {}) },
      body: JSON.stringify(body),
    });
  const signUp = await post('/api/auth/signup', {
    name: 'Freja Facilitator',
    email: 'freja@example.dk',
    password: 'et langt kodeord',
  });
  const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const workshop = (await (
    await post('/api/workshops', { title: 'Sidevægt', template: 'municipal-process' }, cookie)
  ).json()) as { sessions: { id: string }[] };
  const day = workshop.sessions[1]?.id ?? '';
  const opened = (await (await post(`/api/sessions/${day}/open`, {}, cookie)).json()) as { joinCode: string };
  return opened.joinCode;
}

const name = (script: Loaded) => script.url.split('/').pop() ?? '';

function expectNoEditorOrLeaderCode(scripts: Loaded[], step: string): void {
  expect(
    scripts.filter((script) => script.body.includes(LEXICAL_MARK)).map(name),
    `${step}: scripts with Lexical`,
  ).toEqual([]);
  expect(
    scripts.filter((script) => LEADER_CHUNK.test(name(script)) || script.body.includes(LEADER_MARK)).map(name),
    `${step}: scripts of the leader pages`,
  ).toEqual([]);
}

describe('what a phone loads', () => {
  it('the build has Lexical and the leader panel in chunks of their own (so the checks below can find them)', () => {
    const scripts = fs.readdirSync(assetsDir).filter((file) => file.endsWith('.js'));
    const withLexical = scripts.filter((file) =>
      fs.readFileSync(path.join(assetsDir, file), 'utf8').includes(LEXICAL_MARK),
    );
    expect(withLexical.length).toBeGreaterThan(0);
    expect(scripts.filter((file) => LEADER_CHUNK.test(file))).toHaveLength(1);
  });

  it('joins without Lexical or the leader pages, compressed, and under 300 kB for the join page and for the board', async () => {
    const code = await joinCode(suite.samle().baseUrl);
    const { page, take } = await phone(suite.browser());
    await page.goto(`${suite.samle().baseUrl}/join?code=${code}`);
    await page.getByTestId('join-name-input').waitFor();
    await page.waitForLoadState('networkidle');
    const joinPage = await take();
    expectNoEditorOrLeaderCode(joinPage.scripts, 'join page');
    // The board's code is not part of the join page either: it comes with the board.
    expect(joinPage.scripts.map(name).filter((file) => file.startsWith('BoardPage-'))).toEqual([]);
    // Every script bigger than the compression threshold came brotli-compressed, and hashed files are kept a year.
    for (const script of joinPage.scripts) {
      if (script.body.length > 1024) expect(script.encoding, name(script)).toBe('br');
      if (script.url.includes('/assets/')) {
        expect(script.cacheControl, name(script)).toBe('public, max-age=31536000, immutable');
      }
    }
    expect(joinPage.bytes).toBeLessThan(TARGET_BYTES);

    await page.getByTestId('join-name-input').fill('Ada');
    await page.getByTestId('join-submit').tap();
    await page.getByTestId('write-view').waitFor();
    await connected(page);
    await page.waitForLoadState('networkidle');
    const joined = await take();
    expect(joined.scripts.map(name).filter((file) => file.startsWith('BoardPage-'))).toHaveLength(1);
    expectNoEditorOrLeaderCode(joined.scripts, 'board in write mode');
    expect(joinPage.bytes + joined.bytes).toBeLessThan(TARGET_BYTES);
    await page.context().close();
  });

  it('shows a page whose code is still on its way as loading, with the header in place, in Danish', async () => {
    const { page } = await phone(suite.browser());
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Hold the start page's chunk back until the loading state has been seen.
    await page.route(/\/assets\/StartPage-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(suite.samle().baseUrl);
    const loading = page.getByTestId('page-loading');
    await loading.getByRole('status').filter({ hasText: 'Henter siden…' }).waitFor();
    const header = await headerBox(page);
    release();
    await page.getByTestId('page-loading').waitFor({ state: 'detached' });
    // The page replaced the loading state; the header did not move.
    expect(await headerBox(page)).toEqual(header);
    await page.context().close();
  });

  it('reloads once when a page chunk of an old release is gone, and offers a reload when it stays gone', async () => {
    // A plain phone: this test navigates away from responses, which the recording phone above would read.
    // No service worker: once installed it would serve the chunk from its precache on the second visit, and the
    // page would never see the 404 this test plays (a race the CI rehearsal of f315e8a lost on Node 20).
    const context = await suite.browser().newContext({
      locale: 'da-DK',
      viewport: { width: 390, height: 844 },
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    let refused = 0;
    // The first request for the start page's chunk fails as it does after a new release replaced the file.
    await page.route(/\/assets\/StartPage-[\w-]+\.js$/, async (route) => {
      refused += 1;
      if (refused === 1) await route.fulfill({ status: 404, body: 'gone' });
      else await route.continue();
    });
    const documents: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest()) documents.push(request.url());
    });
    await page.goto(suite.samle().baseUrl);
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Siden kunne ikke vises' }).waitFor();
    await page.getByTestId('page-loading').waitFor({ state: 'detached' });
    expect(documents).toHaveLength(2);
    expect(await page.getByTestId('page-failed').count()).toBe(0);

    // Gone for good: one reload, then the page says so and offers to try again; no reload loop.
    await page.unroute(/\/assets\/StartPage-[\w-]+\.js$/);
    await page.route(/\/assets\/StartPage-[\w-]+\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.evaluate(() => window.sessionStorage.clear());
    documents.length = 0;
    await page.goto(suite.samle().baseUrl);
    await page.getByTestId('page-failed').getByRole('heading', { name: 'Siden kunne ikke vises' }).waitFor();
    expect(documents).toHaveLength(2);
    await page.context().close();
  });
});

async function headerBox(page: Page) {
  return page.locator('.app-header').first().boundingBox();
}
