import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/devices.js';
import { connected, joinByCode, signUpFirstFacilitator, writeNote } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

/** The business-service case must not leak into an elder-care process: checked on every page the test visits. */
async function noBusinessText(page: Page): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: the check is on the text a participant sees (rendered, as innerText gives it); textContent would add hidden text no one reads.
  const text = await page.evaluate(() => document.body.innerText);
  expect(text, `business-service text on ${page.url()}`).not.toMatch(/virksomhed|erhverv/i);
}

/** The plan saves on blur; this waits until the save has come back. */
async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="plan-status"]').filter({ hasNotText: 'Gemmer' }).waitFor();
}

describe('running a real process', () => {
  it('a facilitator shapes an elder-care process, and the agenda moves the room', async () => {
    const base = suite.samle().baseUrl;
    const facilitator = await suite.person('Freja');
    await facilitator.setViewportSize({ width: 1366, height: 900 });
    await signUpFirstFacilitator(facilitator, base);
    await facilitator.getByTestId('workshop-title-input').fill('Fremtidens ældrepleje');
    await facilitator.getByTestId('workshop-template').selectOption('municipal-process');
    await facilitator.getByTestId('create-workshop').click();
    await facilitator.waitForURL(/\/w\/[A-Za-z0-9]+$/);
    const workshopUrl = facilitator.url();
    await noBusinessText(facilitator);

    // The plan: rename employee day 1, set its start time, add and reorder an item, edit the reflection prompt.
    await facilitator.getByTestId('open-plan').click();
    await facilitator.waitForURL(/\/plan$/);
    await facilitator.getByTestId('plan-session-open').nth(1).click();
    await facilitator.getByTestId('plan-session-title').fill('Temadag 1: pleje i hverdagen');
    await facilitator.getByTestId('plan-session-title').press('Enter');
    await facilitator.getByTestId('plan-session').nth(1).filter({ hasText: 'Temadag 1: pleje i hverdagen' }).waitFor();
    // Enter saved it, and the plan says so.
    await facilitator
      .locator('[data-testid="plan-status"][data-state="saved"]')
      .filter({ hasText: 'Gemt kl.' })
      .waitFor();
    await facilitator.getByTestId('plan-session-start').fill('08:30');
    await facilitator.getByTestId('plan-session-start').press('Enter');
    const clocks = facilitator.getByTestId('plan-item-clock');
    await clocks.filter({ hasText: '08:30–08:45' }).first().waitFor();

    const items = facilitator.getByTestId('plan-item');
    const before = await items.count();
    await facilitator.getByTestId('plan-add-item').click();
    await expect.poll(() => items.count()).toBe(before + 1);
    await settled(facilitator);
    const added = items.last();
    await added.getByTestId('plan-item-title').fill('Hvad fylder mest i plejen?');
    await added.getByTestId('plan-item-minutes').fill('20');
    await added.getByTestId('plan-item-minutes').press('Tab');
    await items
      .last()
      .getByTestId('plan-item-title')
      .and(facilitator.locator('[value="Hvad fylder mest i plejen?"]'))
      .waitFor();
    await settled(facilitator);
    // By keyboard: Alt+↑ moves it one place up; the clock times follow.
    await items.last().getByTestId('plan-item-title').focus();
    await facilitator.keyboard.press('Alt+ArrowUp');
    await items
      .nth(before - 1)
      .getByTestId('plan-item-title')
      .and(facilitator.locator('[value="Hvad fylder mest i plejen?"]'))
      .waitFor();
    const firstClock = await clocks.first().textContent();
    expect(firstClock).toBe('08:30–08:45');
    const movedClock = await items
      .nth(before - 1)
      .getByTestId('plan-item-clock')
      .textContent();
    expect(movedClock).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);

    await facilitator.getByTestId('plan-prompt-reflection').fill('Hvad vil du gøre anderledes i mødet med borgeren?');
    await facilitator.getByTestId('plan-prompt-reflection').press('Tab');
    await settled(facilitator);
    await noBusinessText(facilitator);
    await screenshot(facilitator, 'plan-editor-1366-da');
    // Every agenda kind reads whole in its select at 1366 px ("Gruppearbejde" was cut short).
    const cutKinds = await facilitator.evaluate(() => {
      const context = document.createElement('canvas').getContext('2d');
      if (!context) return ['no canvas'];
      return [...document.querySelectorAll<HTMLSelectElement>('[data-testid="plan-item-kind"]')]
        .filter((select) => {
          const style = getComputedStyle(select);
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const text = select.selectedOptions[0]?.text ?? '';
          // The native arrow takes about 20 px beside the padding.
          const room =
            select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - 20;
          return context.measureText(text).width > room;
        })
        .map((select) => select.selectedOptions[0]?.text);
    });
    expect(cutKinds).toEqual([]);
    await facilitator.setViewportSize({ width: 390, height: 844 });
    await screenshot(facilitator, 'plan-editor-390-da');
    await facilitator.setViewportSize({ width: 1366, height: 900 });

    // Employee day 1 opens; three participants join by code.
    await facilitator.goto(workshopUrl);
    await facilitator.getByTestId('session-tab').nth(1).click();
    await facilitator.getByTestId('open-session').click();
    const code = (await facilitator.getByTestId('join-code').textContent())?.replace(/\s/g, '') ?? '';
    const names = ['Ada', 'Bo', 'Cai'];
    const people: Page[] = [];
    for (const name of names) {
      const page = await suite.person(name);
      await joinByCode(page, base, code, name);
      await noBusinessText(page);
      people.push(page);
    }
    await facilitator.getByTestId('person').nth(2).waitFor();
    await facilitator.getByTestId('split-count').fill('0');
    await facilitator.getByTestId('split-tables').click();
    await facilitator.getByTestId('split-count-error').waitFor();
    await facilitator.getByTestId('split-count').fill('2');
    await facilitator.getByTestId('split-tables').click();
    await facilitator.getByTestId('table').nth(1).waitFor();

    // Starting the group-work item moves every participant to their table board, with a banner, no click by them.
    await facilitator
      .getByTestId('agenda-item')
      .filter({ hasText: 'Matcher vores indsats behovene?' })
      .getByTestId('start-item')
      .click();
    for (const page of people) {
      await page.locator('[data-testid="room-banner"][data-reason="groupWork"]').waitFor({ timeout: 15_000 });
      await page.waitForURL(/\/b\/[A-Za-z0-9]+/);
      await noBusinessText(page);
    }
    const [ada, bo] = people as [Page, Page, Page];
    await writeNote(ada, 'Mere tid til samtalen med borgeren');
    await ada.keyboard.press('Escape');

    // Two mark "done"; the facilitator sees the count per table (not who).
    await ada.getByTestId('room-done').click();
    await bo.getByTestId('room-done').click();
    await ada.locator('[data-testid="room-done"][data-done]').waitFor();
    await bo.locator('[data-testid="room-done"][data-done]').waitFor();
    const tableOf = async (page: Page) =>
      (await page.getByTestId('room-banner').textContent())?.match(/Bord \d/)?.[0] ?? '';
    const expected = new Map<string, number>();
    for (const page of [ada, bo]) expected.set(await tableOf(page), (expected.get(await tableOf(page)) ?? 0) + 1);
    for (const [table, done] of expected) {
      await facilitator
        .getByTestId('table-count')
        .filter({ hasText: table })
        .and(facilitator.locator(`[data-done="${done}"]`))
        .waitFor();
    }
    await noBusinessText(facilitator);
    await facilitator.getByTestId('table-count').first().scrollIntoViewIfNeeded();
    await screenshot(facilitator, 'cockpit-counts-1366-da');
    await ada.setViewportSize({ width: 390, height: 844 });
    await screenshot(ada, 'participant-banner-390-da');
    await ada.setViewportSize({ width: 1280, height: 800 });

    // Back to plenum: everyone moves back, and the table boards become read-only for them.
    await facilitator.getByTestId('return-to-plenum').click();
    for (const page of people) {
      await page.locator('[data-testid="room-banner"][data-reason="plenum"]').waitFor({ timeout: 15_000 });
    }
    const plenumUrl = ada.url();

    // Ending asks first; reopening makes the boards writable; ending again archives them.
    await facilitator.getByTestId('end-session').click();
    await facilitator.getByTestId('session-confirm').waitFor();
    await facilitator.getByTestId('session-confirm-yes').click();
    await facilitator.getByTestId('reopen-session').waitFor();
    await ada.goto(plenumUrl);
    await ada.getByTestId('read-only-badge').or(ada.getByText('Kun læse').first()).first().waitFor();
    await facilitator.getByTestId('reopen-session').click();
    await facilitator.getByTestId('session-confirm-yes').click();
    await facilitator.getByTestId('end-session').waitFor();
    await ada.goto(plenumUrl);
    await ada.getByTestId('add-note').first().waitFor();
    await facilitator.getByTestId('end-session').click();
    await facilitator.getByTestId('session-confirm-yes').click();
    await facilitator.getByTestId('reopen-session').waitFor();

    // After the day: the synthesis view shows its boards, and Ada's note is gathered from them.
    await facilitator.getByTestId('synthesis-link').click();
    await facilitator.waitForURL(/\/synthesis\?session=/);
    const note = facilitator.getByTestId('synth-note').filter({ hasText: 'Mere tid til samtalen med borgeren' });
    await note.click();
    await facilitator.getByTestId('tray-item').first().waitFor();
    await facilitator.getByTestId('gather-title').fill('Mere tid hos borgeren');
    await facilitator.getByTestId('gather').click();
    await facilitator.getByTestId('gather-done').waitFor();
    await note.getByTestId('in-catalog').waitFor();
    await noBusinessText(facilitator);
  });

  it('a participant who just joined is not pulled back; the evaluation item opens the form for everyone; closing it and removing the timer ask first', async () => {
    const base = suite.samle().baseUrl;
    const facilitator = await suite.person('Freja');
    await facilitator.setViewportSize({ width: 1366, height: 900 });
    // Alone (-t) this test makes the first account; after the first test it signs in with it.
    await facilitator.goto(base);
    const signUp = facilitator.getByTestId('signup-name');
    await signUp.or(facilitator.getByTestId('signin-email')).first().waitFor();
    if (await signUp.isVisible()) {
      await signUpFirstFacilitator(facilitator, base);
    } else {
      await facilitator.getByTestId('signin-email').fill('freja@example.dk');
      await facilitator.getByTestId('signin-password').fill('et langt kodeord');
      await facilitator.getByTestId('signin-submit').click();
    }
    await facilitator.getByTestId('workshop-title-input').fill('Sidste dag');
    await facilitator.getByTestId('workshop-template').selectOption('municipal-process');
    await facilitator.getByTestId('create-workshop').click();
    await facilitator.waitForURL(/\/w\/[A-Za-z0-9_-]+$/);
    const workshopUrl = facilitator.url();
    // Employee day 2 (the fourth session) ends with the evaluation.
    await facilitator.getByTestId('session-tab').nth(3).click();
    await facilitator.getByTestId('open-session').click();
    const code = (await facilitator.getByTestId('join-code').textContent())?.replace(/\s/g, '') ?? '';
    const startItem = (title: string) =>
      facilitator.getByTestId('agenda-item').filter({ hasText: title }).getByTestId('start-item').click();
    await startItem('Velkomst og opsamling');

    // Ada joins while the welcome runs (she lands on the plenum) and at once opens the questions page:
    // the room already counts her landing as followed, so she stays where she went.
    const ada = await suite.person('Ada');
    // As on a slow network, her page's first question about the room gets no answer before she moves on.
    const workshopApi = `${base}/api/workshops/${workshopUrl.split('/w/')[1]}`;
    await ada.route(workshopApi, (route) => route.abort());
    const unanswered = ada.waitForEvent('requestfailed', (request) => request.url() === workshopApi);
    await joinByCode(ada, base, code, 'Ada');
    await unanswered;
    await ada.unroute(workshopApi);
    const questionsUrl = `${workshopUrl}/questions`;
    await ada.goto(questionsUrl);
    await ada.locator('[data-testid="room-banner"][data-reason="plenum"]').waitFor({ timeout: 15_000 });
    expect(ada.url()).toBe(questionsUrl);

    // Starting the evaluation item opens the form for her, with no click by her.
    await startItem('Evaluering af forløbet');
    await ada.locator('[data-testid="room-banner"][data-reason="evaluation"]').waitFor({ timeout: 15_000 });
    await ada.waitForURL(/\/evaluation$/);
    await ada.getByTestId('evaluation-rating').first().waitFor();

    // Closing the evaluation asks first, and Cancel keeps it open.
    await facilitator.goto(`${workshopUrl}/evaluation`);
    await facilitator.getByTestId('evaluation-close').click();
    await facilitator.getByTestId('evaluation-close-confirm').getByText('Annullér').click();
    await facilitator.getByTestId('evaluation-close-confirm').waitFor({ state: 'detached' });
    expect(await facilitator.locator('.status-pill[data-status="open"]').count()).toBe(1);
    await facilitator.getByTestId('evaluation-close').click();
    await facilitator.getByTestId('evaluation-close-yes').click();
    await facilitator.locator('.status-pill[data-status="ended"]').waitFor();

    // Removing the timer on the board asks first too.
    await facilitator.goto(workshopUrl);
    await facilitator.locator('[data-testid="session-board-link"][data-board-kind="plenum"]').first().click();
    await facilitator.waitForURL(/\/b\//);
    await connected(facilitator);
    await facilitator.getByTestId('timer-start').click();
    await facilitator.getByTestId('timer-preset-5').click();
    await facilitator.getByTestId('timer').waitFor();
    await facilitator.getByTestId('timer-clear').click();
    await facilitator.getByTestId('timer-clear-confirm').waitFor();
    expect(await facilitator.getByTestId('timer').count()).toBe(1);
    await facilitator.getByTestId('timer-clear-yes').click();
    await facilitator.getByTestId('timer').waitFor({ state: 'detached' });
  });
});
