import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phone, screenshot } from '../support/devices.js';
import { connected, joinByCode, signUpFirstFacilitator } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';
import { scrollsSideways } from '../support/viewportChecks.js';

const suite = useSamleAndBrowser();

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

let demo: { facilitator: Page; code: string; plenumId: string } | undefined;

/** The demo workshop with its first employee day open (made once per file), its facilitator on a laptop. */
async function demoDay(): Promise<{ facilitator: Page; code: string; plenumId: string }> {
  if (demo) return demo;
  const facilitator = await suite.person('Freja');
  await signUpFirstFacilitator(facilitator, suite.samle().baseUrl);
  await facilitator.getByTestId('create-demo').first().click();
  await facilitator.waitForURL(/\/w\//);
  await facilitator.getByTestId('session-tab').nth(1).click();
  if (await facilitator.getByTestId('open-session').count()) await facilitator.getByTestId('open-session').click();
  const code = ((await facilitator.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
  const plenumId = (await facilitator
    .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
    .first()
    .getAttribute('data-board-id')) as string;
  demo = { facilitator, code, plenumId };
  return demo;
}

describe("a participant's phone header", () => {
  it('says in full which table she is at, at 390 and 320 px, in write mode and on the canvas, with or without a timer', async () => {
    const base = suite.samle().baseUrl;
    const { facilitator, code } = await demoDay();

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

describe("a facilitator's phone", () => {
  it('folds the live tools into one button over the canvas, opened and closed by touch and keyboard', async () => {
    const base = suite.samle().baseUrl;
    const { facilitator, plenumId } = await demoDay();
    const lise = await phone(suite.browser(), 'Freja');
    await lise.context().addCookies(await facilitator.context().cookies());
    await lise.goto(`${base}/b/${plenumId}?view=canvas`);
    await connected(lise);
    await lise.getByTestId('board-canvas').waitFor();

    // Folded: one button in the corner, not ~150 px of buttons over the notes.
    const toggle = lise.getByTestId('live-tools-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await lise.getByTestId('private-writing-toggle').isVisible()).toBe(false);
    const folded = await lise.getByTestId('live-tools').boundingBox();
    expect(folded?.height).toBeLessThanOrEqual(48);
    expect(folded?.width).toBeLessThanOrEqual(160);
    await screenshot(lise, 'phone-live-tools-folded-390-da');

    // Opened by a tap: every tool is there, on screen; private writing starts from it.
    await toggle.tap();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    for (const tool of ['private-writing-toggle', 'follow-toggle', 'anonymous-settings', 'history-open']) {
      expect({ tool, visible: await lise.getByTestId(tool).isVisible() }).toEqual({ tool, visible: true });
    }
    expect(await scrollsSideways(lise)).toBe(false);
    await screenshot(lise, 'phone-live-tools-open-390-da');
    await lise.getByTestId('private-writing-toggle').tap();
    await lise.getByTestId('private-writing-reveal').waitFor();

    // Folded again, the reveal the room waits for stays one tap away.
    await toggle.tap();
    expect(await lise.getByTestId('follow-toggle').isVisible()).toBe(false);
    expect(await lise.getByTestId('private-writing-reveal').isVisible()).toBe(true);
    await lise.getByTestId('private-writing-reveal').tap();
    await lise.getByTestId('private-writing-revealed').waitFor();
    await lise.getByTestId('private-writing-reveal').waitFor({ state: 'detached' });

    // A keyboard (or a screen reader's) path: Enter opens, Tab reaches the tools, Escape folds and returns focus.
    await toggle.focus();
    await lise.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await lise.keyboard.press('Tab');
    expect(await lise.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'private-writing-toggle',
    );
    await lise.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await lise.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('live-tools-toggle');
    expect(await lise.getByRole('button', { name: 'Værktøjer' }).count()).toBe(1);
  });
});

/** True when the element's centre is what a click there would hit (nothing lies on top of it). */
function uncovered(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && element.contains(hit);
  });
}

describe("a facilitator's laptop", () => {
  it('says why a vote or a timer was refused inside the open form, covering none of its buttons', async () => {
    const base = suite.samle().baseUrl;
    const { facilitator, plenumId } = await demoDay();
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await facilitator.setViewportSize(size);
      await facilitator.goto(`${base}/b/${plenumId}`);
      await connected(facilitator);
      await facilitator.context().setOffline(true);

      await facilitator.getByTestId('vote-open').click();
      await facilitator.getByTestId('vote-open-submit').click();
      const inForm = facilitator.getByTestId('popover-refusal');
      await inForm.waitFor();
      expect(await inForm.textContent()).toContain('forbindelse');
      for (const control of ['vote-budget', 'vote-max-per-note', 'vote-open-submit', 'popover-refusal']) {
        expect({ size, control, uncovered: await uncovered(facilitator, control) }).toEqual({
          size,
          control,
          uncovered: true,
        });
      }
      expect(await facilitator.getByTestId('facilitation-error').isVisible()).toBe(false);
      await screenshot(facilitator, `laptop-vote-refused-${size.width}-da`);
      // Closed, the form leaves the refusal in the header, where it can be dismissed.
      await facilitator.keyboard.press('Escape');
      await facilitator.getByTestId('facilitation-error').waitFor();

      await facilitator.getByTestId('timer-start').click();
      await facilitator.getByTestId('timer-preset-5').click();
      await inForm.waitFor();
      for (const control of ['timer-preset-5', 'timer-minutes', 'timer-start-submit', 'popover-refusal']) {
        expect({ size, control, uncovered: await uncovered(facilitator, control) }).toEqual({
          size,
          control,
          uncovered: true,
        });
      }
      expect(await facilitator.getByTestId('facilitation-error').isVisible()).toBe(false);
      await facilitator.keyboard.press('Escape');
      await facilitator.context().setOffline(false);
      await facilitator.getByTestId('facilitation-error').getByRole('button').click();
      await facilitator.getByTestId('facilitation-error').waitFor({ state: 'detached' });
    }
  });
});

describe("a participant's browser console", () => {
  it('shows no errors after joining and opening another board of the workshop by its link, also with two grants', async () => {
    const base = suite.samle().baseUrl;
    const { code, plenumId } = await demoDay();
    const bo = await suite.person('Bo');
    const errors: string[] = [];
    bo.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
    });
    bo.on('pageerror', (error) => errors.push(error.message));
    await joinByCode(bo, base, code, 'Bo');
    await connected(bo);
    // The plenum's link (from the big screen or a chat), not yet known to this browser as the workshop's.
    await bo.goto(`${base}/b/${plenumId}`);
    await connected(bo);
    expect(await bo.getByTestId('board-title').textContent()).toBe('Plenum');
    expect(errors).toEqual([]);

    // Bo joins a second workshop too: his newer grant is the first guess for the first workshop's plenum, and the
    // wrong guess is answered "not for this one" without an error response.
    const { facilitator } = await demoDay();
    await facilitator.goto(base);
    await facilitator.getByTestId('create-demo').first().click();
    await facilitator.waitForURL(/\/w\//);
    await facilitator.getByTestId('session-tab').nth(1).click();
    if (await facilitator.getByTestId('open-session').count()) await facilitator.getByTestId('open-session').click();
    const secondCode = ((await facilitator.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
    expect(secondCode).not.toBe(code);
    await joinByCode(bo, base, secondCode, 'Bo');
    await connected(bo);
    await bo.evaluate(() => localStorage.removeItem('samle.boardWorkshops'));
    await bo.goto(`${base}/b/${plenumId}`);
    await connected(bo);
    expect(await bo.getByTestId('board-title').textContent()).toBe('Plenum');
    expect(errors).toEqual([]);
  });
});
