/**
 * Walks through the synthesis view ("gather the threads") in headless Chromium against a running server
 * and saves PNGs:
 *   BASE=http://127.0.0.1:3000 SHOT_LANG=da OUT_DIR=/tmp/samle-shots node client/scripts/synthesis-shots.mjs
 * Signs up (or in), makes the one-click demo workshop, opens the synthesis view of employee day 1 (plenum + two
 * tables), searches, selects notes on both tables and a theme, gathers them into a catalog idea, asks for
 * suggested groups and accepts one, and shows the big-screen variant at 1920×1080.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from './chromium.mjs';

const base = process.env.BASE ?? 'http://127.0.0.1:3000';
const lang = process.env.SHOT_LANG ?? 'da';
const locale = lang === 'da' ? 'da-DK' : 'en-US';
const outDir = process.env.OUT_DIR ?? '/tmp/samle-shots';
mkdirSync(outDir, { recursive: true });
const out = (name) => `${outDir}/${lang}-s${name}.png`;
const logs = [];

const browser = await launchChromium();
const ctx = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
await ctx.addInitScript((l) => localStorage.setItem('samle.lang', l), lang);
const page = await ctx.newPage();
page.on('pageerror', (e) => logs.push(`[pageerror] ${e.message}`));
page.on('console', (m) => m.type() === 'error' && logs.push(`[console] ${m.text()}`));

await page.goto(`${base}/`);
await page.waitForSelector('[data-testid=signup-submit], [data-testid=signin-submit], [data-testid=signout]');
if (await page.getByTestId('signup-submit').count()) {
  await page.getByTestId('signup-name').fill('Lise Facilitator');
  await page.getByTestId('signup-email').fill('lise@example.dk');
  await page.getByTestId('signup-password').fill('correct horse battery');
  await page.getByTestId('signup-submit').click();
} else if (await page.getByTestId('signin-submit').count()) {
  await page.getByTestId('signin-email').fill('lise@example.dk');
  await page.getByTestId('signin-password').fill('correct horse battery');
  await page.getByTestId('signin-submit').click();
}
await page.getByTestId('create-demo').first().click();
await page.waitForURL(/\/w\//);
await page.waitForSelector('[data-testid=synthesis-link]');
await page.screenshot({ path: out('01-cockpit-link'), fullPage: true });

await page.getByTestId('synthesis-link').click();
await page.waitForSelector('[data-testid=synth-board][data-status=ready]');
await page.waitForFunction(() =>
  [...document.querySelectorAll('[data-testid=synth-board]')].every((b) => b.dataset.status === 'ready'),
);
await page.screenshot({ path: out('02-boards') });

// Search across the boards.
await page.getByTestId('synth-search').fill('virksomhed');
// Dimming fades in over 120 ms.
await page.waitForTimeout(300);
await page.screenshot({ path: out('03-search') });
await page.getByTestId('synth-search').fill('zzz');
await page.waitForTimeout(300);
await page.screenshot({ path: out('04-search-none') });
await page.getByTestId('synth-search').fill('');

// Select: a note on table 1, shift-click a note on table 2, and a theme by keyboard.
const tables = page.locator('[data-testid=synth-board][data-board-kind=group]');
await tables.nth(0).getByTestId('synth-note').first().click();
await tables
  .nth(1)
  .getByTestId('synth-note')
  .nth(1)
  .click({ modifiers: ['Shift'] });
await tables.nth(1).locator('.synth-theme-head').first().focus();
await page.keyboard.press('Space');
await page.screenshot({ path: out('05-selected') });

await page
  .getByTestId('gather-title')
  .fill(lang === 'da' ? 'Én indgang og hurtige svar' : 'One way in and quick answers');
await page.getByTestId('gather').click();
await page.getByTestId('gather-done').waitFor();
await page.waitForSelector('[data-testid=in-catalog]');
await page.screenshot({ path: out('06-gathered') });

// Suggested groups.
await page.getByTestId('suggest-groups').click();
await page.getByTestId('suggestions').waitFor();
await page.screenshot({ path: out('07-suggestions') });
if (await page.getByTestId('accept-suggestion').count()) {
  await page.getByTestId('accept-suggestion').first().click();
  await page.screenshot({ path: out('08-suggestion-accepted') });
}

// The big screen.
const screen = await ctx.newPage();
await screen.setViewportSize({ width: 1920, height: 1080 });
await screen.goto(`${base}${await page.getByTestId('synth-screen-link').getAttribute('href')}`);
await screen.waitForFunction(
  () =>
    document.querySelectorAll('[data-testid=synth-board]').length > 0 &&
    [...document.querySelectorAll('[data-testid=synth-board]')].every((b) => b.dataset.status === 'ready'),
);
await screen.getByTestId('synth-search').fill('sag');
await screen.waitForTimeout(300);
await screen.screenshot({ path: out('09-big-screen') });

console.log(logs.length ? logs.join('\n') : 'no page errors');
await browser.close();
