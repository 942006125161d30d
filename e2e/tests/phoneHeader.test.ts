import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connected, joinByCode, signUpFirstFacilitator } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';
import { scrollsSideways } from '../support/viewportChecks.js';

const suite = useSamleAndBrowser();

/** A participant's phone: 390×844, touch, Danish. */
async function phone(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'da-DK',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await context.addInitScript((personName) => {
    window.localStorage.setItem('samle.name', personName);
  }, name);
  return context.newPage();
}

/** Set SAMLE_SCREENSHOT_DIR to keep the phone's header for a look. */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SAMLE_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** The board's name in the header as shown (the table's name), and whether the screen cuts any of it. */
function shownName(page: Page): Promise<{ name: string; cut: boolean }> {
  return page.getByTestId('board-title-name').evaluate((element) => {
    const text = document.createRange();
    text.selectNodeContents(element);
    const shown = element.getBoundingClientRect();
    const needs = text.getBoundingClientRect();
    const cut = needs.width > shown.width + 0.5 || shown.left < 0 || shown.right > window.innerWidth;
    return { name: element.textContent ?? '', cut };
  });
}

describe("a participant's phone header", () => {
  it('says in full which table she is at, at 390 and 320 px, in write mode and on the canvas, with or without a timer', async () => {
    const base = suite.samle().baseUrl;
    const facilitator = await suite.person('Freja');
    await signUpFirstFacilitator(facilitator, base);
    await facilitator.getByTestId('create-demo').first().click();
    await facilitator.waitForURL(/\/w\//);
    await facilitator.getByTestId('session-tab').nth(1).click();
    if (await facilitator.getByTestId('open-session').count()) await facilitator.getByTestId('open-session').click();
    const code = ((await facilitator.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');

    const ada = await phone(suite.browser(), 'Ada');
    await joinByCode(ada, base, code, 'Ada');
    await connected(ada);
    await ada.getByTestId('write-view').waitFor();
    // The whole title is the heading's text; the table's part is what the phone never cuts.
    expect(await ada.getByTestId('board-title').textContent()).toMatch(/^Medarbejderdag 1 — Bord \d+$/);
    const table = expect.stringMatching(/^Bord \d+$/);
    expect(await shownName(ada)).toEqual({ name: table, cut: false });
    await screenshot(ada, 'phone-header-table-390-da');
    await ada.getByTestId('canvas-view-toggle').tap();
    await ada.getByTestId('board-canvas').waitFor();
    expect(await shownName(ada)).toEqual({ name: table, cut: false });

    await ada.setViewportSize({ width: 320, height: 640 });
    expect(await shownName(ada)).toEqual({ name: table, cut: false });
    await ada.getByTestId('write-view-toggle').tap();
    await ada.getByTestId('write-view').waitFor();
    expect(await shownName(ada)).toEqual({ name: table, cut: false });
    expect(await scrollsSideways(ada)).toBe(false);
    await screenshot(ada, 'phone-header-table-320-da');

    // A running timer takes a row of its own under the name; the name keeps its room at 320 and 390 px.
    await facilitator.goto(ada.url());
    await connected(facilitator);
    await facilitator.getByTestId('timer-start').click();
    await facilitator.getByTestId('timer-preset-5').click();
    await ada.locator('[data-testid="timer"][data-state="running"]').waitFor();
    expect(await shownName(ada)).toEqual({ name: table, cut: false });
    await ada.getByTestId('canvas-view-toggle').tap();
    await ada.getByTestId('board-canvas').waitFor();
    expect(await shownName(ada)).toEqual({ name: table, cut: false });
    await screenshot(ada, 'phone-header-table-timer-320-da');
    await ada.setViewportSize({ width: 390, height: 844 });
    expect(await shownName(ada)).toEqual({ name: table, cut: false });
  });
});
