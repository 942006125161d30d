/**
 * What the screenshot and walkthrough scripts in this folder share: their settings from the environment, a
 * browser whose pages log their errors, check lines, and the steps every walk starts with (the facilitator's
 * account, the demo workshop, its first employee day). Dev tools, not tests: the e2e tests use e2e/support/.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from './chromium.mjs';

export const FACILITATOR = { name: 'Lise Facilitator', email: 'lise@example.dk', password: 'correct horse battery' };

/**
 * BASE (the running Samle), SHOT_LANG (da|en), OUT_DIR: where the PNGs go, named `<lang>-<prefix><name>.png`.
 * @param {string} prefix
 * @param {{ lang?: string, englishLocale?: string }} [defaults]
 */
export function shotSettings(prefix, defaults = {}) {
  const base = process.env.BASE ?? 'http://127.0.0.1:3000';
  const lang = process.env.SHOT_LANG ?? defaults.lang ?? 'en';
  const locale = lang === 'da' ? 'da-DK' : (defaults.englishLocale ?? 'en-US');
  const outDir = process.env.OUT_DIR ?? '/tmp/samle-shots';
  mkdirSync(outDir, { recursive: true });
  return { base, lang, locale, outDir, out: (name) => `${outDir}/${lang}-${prefix}${name}.png` };
}

/** `check(label, ok)` prints ok/FAIL and counts the failures; `failures()` says how many. */
export function checks() {
  let failed = 0;
  return {
    check(label, ok) {
      if (!ok) failed += 1;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
    },
    failures: () => failed,
  };
}

/**
 * Headless Chromium; `context(name, viewport, extra)` opens a page in a browser context of its own, in the
 * script's language, its page errors and console errors kept in `logs` under the name. The name is also remembered
 * as the person's (`samle.name`, what the join form offers) unless `extra.rememberName` is false; the rest of
 * `extra` goes to the browser context (e.g. `isMobile`, `hasTouch`).
 * @param {{ lang: string, locale: string }} settings
 */
export async function shotBrowser({ lang, locale }) {
  const browser = await launchChromium();
  const logs = [];
  async function context(name, viewport = { width: 1440, height: 900 }, { rememberName = true, ...extra } = {}) {
    const ctx = await browser.newContext({ locale, viewport, ...extra });
    await ctx.addInitScript(
      ([l, n]) => {
        localStorage.setItem('samle.lang', l);
        if (n) localStorage.setItem('samle.name', n);
      },
      [lang, rememberName ? (name ?? null) : null],
    );
    const page = await ctx.newPage();
    const who = name ?? 'page';
    page.on('pageerror', (e) => logs.push(`[${who} pageerror] ${e.message}`));
    page.on(
      'console',
      (m) => m.type() === 'error' && logs.push(`[${who} console] ${m.text()} ${m.location()?.url ?? ''}`),
    );
    return page;
  }
  return { browser, logs, context };
}

/** The start page: the first account is made, or the facilitator signs in with it. */
export async function signUpOrIn(page, base, { beforeSignIn } = {}) {
  await page.goto(`${base}/`);
  await page.waitForSelector('[data-testid=signup-submit], [data-testid=signin-submit], [data-testid=signout]');
  if (await page.getByTestId('signup-submit').count()) {
    await page.getByTestId('signup-name').fill(FACILITATOR.name);
    await page.getByTestId('signup-email').fill(FACILITATOR.email);
    await page.getByTestId('signup-password').fill(FACILITATOR.password);
    await page.getByTestId('signup-submit').click();
  } else if (await page.getByTestId('signin-submit').count()) {
    await beforeSignIn?.();
    await page.getByTestId('signin-email').fill(FACILITATOR.email);
    await page.getByTestId('signin-password').fill(FACILITATOR.password);
    await page.getByTestId('signin-submit').click();
  }
}

/** From the start page, signed in: a new demo workshop; resolves on its cockpit with the session tabs shown. */
export async function createDemo(page) {
  await page.waitForSelector('[data-testid=create-demo]');
  await page.getByTestId('create-demo').first().click();
  await page.waitForURL(/\/w\//);
  await page.waitForSelector('[data-testid=session-tab]');
}

/** In the demo's cockpit: the first employee day's tab, opened for joining. */
export async function openEmployeeDay(page, lang) {
  await page
    .getByTestId('session-tab')
    .filter({ hasText: lang === 'da' ? 'Temadag' : 'Employee day' })
    .first()
    .click();
  if (await page.getByTestId('open-session').count()) await page.getByTestId('open-session').click();
}

/**
 * In the cockpit of an open session: its join code and its plenum board, which the facilitator then opens;
 * resolves once the board is connected.
 */
export async function openSessionPlenum(page, base) {
  await page.waitForSelector('[data-testid=join-code]');
  const code = (await page.getByTestId('join-code').textContent()).replace(/\s/g, '');
  const plenumId = await page
    .locator('[data-testid=session-board-link][data-board-kind=plenum]')
    .first()
    .getAttribute('data-board-id');
  const boardUrl = `${base}/b/${plenumId}`;
  await page.goto(boardUrl);
  await page.waitForSelector('[data-testid=connection-status][data-state=connected]');
  return { code, plenumId, boardUrl };
}
