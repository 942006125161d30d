import type { Browser, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

/** The two languages' text chunks (client/src/i18n/index.ts): `da-<hash>.js` and `en-<hash>.js`. */
function chunkOf(url: string): 'da' | 'en' | undefined {
  const language = /\/assets\/(da|en)-[\w-]+\.js(?:\?|$)/.exec(url)?.[1];
  return language === 'da' || language === 'en' ? language : undefined;
}
const EN_CHUNK = /\/assets\/en-[\w-]+\.js$/;

/**
 * A Danish phone with no service worker (its precache would fetch every chunk in the background), that records
 * which language chunks the page requests and the first text the app put on the page.
 */
async function danishPhone(browser: Browser) {
  const context = await browser.newContext({
    locale: 'da-DK',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'block',
  });
  await context.addInitScript(() => {
    // The first text React draws into #root: keys ("join.title") there would be a flash of untranslated text.
    const seen = new MutationObserver(() => {
      const text = document.getElementById('root')?.textContent.trim();
      if (!text) return;
      (window as unknown as { firstText: string }).firstText = text;
      seen.disconnect();
    });
    document.addEventListener('DOMContentLoaded', () => {
      const root = document.getElementById('root');
      if (root) seen.observe(root, { childList: true, subtree: true, characterData: true });
    });
  });
  const page = await context.newPage();
  const requested: ('da' | 'en')[] = [];
  page.on('request', (request) => {
    const language = chunkOf(request.url());
    if (language) requested.push(language);
  });
  return { page, requested };
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

describe('each language is a chunk of its own', () => {
  it('a Danish first load fetches only the Danish texts, draws Danish at once, and switching fetches English then', async () => {
    const { page, requested } = await danishPhone(suite.browser());
    await page.goto(`${suite.samle().baseUrl}/join`);
    await expect.poll(() => heading(page).textContent()).toBe('Deltag i en workshop');
    await page.waitForLoadState('networkidle');
    expect(requested).toEqual(['da']);
    const firstText = await page.evaluate(() => (window as unknown as { firstText?: string }).firstText ?? '');
    expect(firstText).toContain('Deltag i en workshop');
    expect(firstText).not.toMatch(/\b(app|join|joinEntry)\.[a-zA-Z]+/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');

    await page.getByTestId('language-en').tap();
    await expect.poll(() => heading(page).textContent()).toBe('Join a workshop');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('language-en').getAttribute('aria-pressed')).toBe('true');
    expect(requested).toEqual(['da', 'en']);

    // Back to Danish: its texts are in memory already, nothing is fetched again.
    await page.getByTestId('language-da').tap();
    await expect.poll(() => heading(page).textContent()).toBe('Deltag i en workshop');
    expect(requested).toEqual(['da', 'en']);
    // The choice is remembered: a new load starts in Danish and again never asks for English.
    await page.reload();
    await expect.poll(() => heading(page).textContent()).toBe('Deltag i en workshop');
    await page.waitForLoadState('networkidle');
    expect(requested).toEqual(['da', 'en', 'da']);
    await page.context().close();
  });

  it('says it is fetching while English takes a moment, and the page stays Danish until it is there', async () => {
    const { page } = await danishPhone(suite.browser());
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let asked: () => void = () => undefined;
    const requestSeen = new Promise<void>((resolve) => {
      asked = resolve;
    });
    await page.route(EN_CHUNK, async (route: Route) => {
      asked();
      await held;
      await route.continue();
    });
    await page.goto(`${suite.samle().baseUrl}/join`);
    await expect.poll(() => heading(page).textContent()).toBe('Deltag i en workshop');

    await page.getByTestId('language-en').tap();
    await requestSeen;
    await page.getByText('Henter engelsk…').waitFor();
    expect(await page.locator('fieldset[aria-busy="true"]').count()).toBe(1);
    expect(await heading(page).textContent()).toBe('Deltag i en workshop');
    expect(await page.getByTestId('language-da').getAttribute('aria-pressed')).toBe('true');

    release();
    await expect.poll(() => heading(page).textContent()).toBe('Join a workshop');
    expect(await page.getByTestId('language-status').textContent()).toBe('');
    expect(await page.locator('fieldset[aria-busy="true"]').count()).toBe(0);
    await page.context().close();
  });

  it('stays Danish with a clear message when English cannot be fetched, and its reload starts the page in English', async () => {
    const { page } = await danishPhone(suite.browser());
    // As after a release: the chunk this page knows is gone from the server.
    await page.route(EN_CHUNK, (route: Route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${suite.samle().baseUrl}/join`);
    await expect.poll(() => heading(page).textContent()).toBe('Deltag i en workshop');

    await page.getByTestId('language-en').tap();
    const failed = page.getByTestId('language-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('Engelsk kunne ikke hentes');
    expect(await heading(page).textContent()).toBe('Deltag i en workshop');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');
    expect(await page.getByTestId('language-da').getAttribute('aria-pressed')).toBe('true');
    // Nothing stored: a plain reload would still be Danish.
    expect(await page.evaluate(() => window.localStorage.getItem('samle.lang'))).toBeNull();

    // The new release is there now; the message's button reloads the page in English.
    await page.unroute(EN_CHUNK);
    await failed.getByRole('button', { name: 'Genindlæs på engelsk' }).tap();
    await expect.poll(() => heading(page).textContent()).toBe('Join a workshop');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.context().close();
  });

  it('lets a person try English again on the same page once it can be fetched, without a reload', async () => {
    const { page, requested } = await danishPhone(suite.browser());
    // As on a train: the request for English fails once, then the network is back.
    await page.route(EN_CHUNK, (route: Route) => route.abort('internetdisconnected'));
    await page.goto(`${suite.samle().baseUrl}/join`);
    await expect.poll(() => heading(page).textContent()).toBe('Deltag i en workshop');
    await page.getByTestId('language-en').tap();
    await page.getByTestId('language-failed').waitFor();
    expect(await heading(page).textContent()).toBe('Deltag i en workshop');

    await page.unroute(EN_CHUNK);
    const loaded = page.evaluate(() => performance.timeOrigin);
    await page.getByTestId('language-en').tap();
    await expect.poll(() => heading(page).textContent()).toBe('Join a workshop');
    expect(await page.getByTestId('language-failed').count()).toBe(0);
    expect(await page.getByTestId('language-en').getAttribute('aria-pressed')).toBe('true');
    // The same page, not a reload; English was asked for twice.
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(await loaded);
    expect(requested).toEqual(['da', 'en', 'en']);
    await page.context().close();
  });
});
