import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phone, screenshot } from '../support/devices.js';
import { connected, joinByCode, signUpFirstFacilitator, workshopWithOpenDay, writeNoteAt } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';
import { controlsOutsideViewport, scrollsSideways } from '../support/viewportChecks.js';

const suite = useSamleAndBrowser();

/** At this step every visible control is on screen and nothing scrolls sideways. */
async function allOnScreen(page: Page, step: string, vertical = false): Promise<void> {
  expect({ step, outside: await controlsOutsideViewport(page, { vertical }) }).toEqual({ step, outside: [] });
  expect({ step, sideways: await scrollsSideways(page) }).toEqual({ step, sideways: false });
}

/** An item in "your notes" (the board overview shows the same note too, read-only). */
function mine(page: Page, noteId: string) {
  return page.locator(`[data-testid="my-notes"] [data-note-id="${noteId}"]`);
}

/** The item in "your notes" whose text field shows exactly `text` (a textarea's text is its value). */
async function myNoteId(page: Page, text: string): Promise<string> {
  const handle = await page.waitForFunction((wanted) => {
    for (const item of document.querySelectorAll<HTMLElement>('[data-testid="my-notes"] [data-testid="list-note"]')) {
      if (item.querySelector('textarea')?.value === wanted) return item.dataset.noteId;
    }
    return undefined;
  }, text);
  return (await handle.jsonValue()) as string;
}

describe('a participant on a phone', () => {
  it('joins into write mode and writes, edits, recolours, deletes, votes and themes notes with every control on screen', async () => {
    const facilitator = await suite.person('Freja');
    await signUpFirstFacilitator(facilitator, suite.samle().baseUrl);
    const { code } = await workshopWithOpenDay(facilitator, 'Telefon');
    const boardId = (await facilitator
      .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
      .getAttribute('data-board-id')) as string;
    await facilitator.goto(`${suite.samle().baseUrl}/b/${boardId}`);
    await connected(facilitator);

    const ada = await phone(suite.browser(), 'Ada');
    await joinByCode(ada, suite.samle().baseUrl, code, 'Ada');
    await connected(ada);
    // A small screen opens the board in write mode.
    await ada.getByTestId('write-view').waitFor();
    await allOnScreen(ada, 'joined', true);

    for (const text of ['Én indgang', 'Ring tilbage', 'Svar inden 24 timer']) {
      await ada.getByTestId('composer-text').tap();
      await ada.getByTestId('composer-text').fill(text);
      await ada.getByTestId('composer-add').tap();
      await myNoteId(ada, text);
      await allOnScreen(ada, `wrote ${text}`);
    }
    // The composer is ready for the next note.
    expect(await ada.getByTestId('composer-text').inputValue()).toBe('');

    // Edit one in place.
    const edited = mine(ada, await myNoteId(ada, 'Ring tilbage')).locator('textarea');
    await edited.tap();
    await edited.press('End');
    await edited.pressSequentially(' samme dag');
    await myNoteId(ada, 'Ring tilbage samme dag');
    await allOnScreen(ada, 'edited');

    // Recolour one.
    const recoloured = mine(ada, await myNoteId(ada, 'Én indgang'));
    await recoloured.getByTestId('list-note-color').selectOption('blue');
    await facilitator.waitForFunction(() => document.querySelector('[data-testid="note"][data-color="blue"]') !== null);
    await allOnScreen(ada, 'recoloured');

    // Delete one.
    const deletedId = await myNoteId(ada, 'Svar inden 24 timer');
    await mine(ada, deletedId).getByTestId('list-note-delete').tap();
    await facilitator.locator(`[data-testid="note"][data-note-id="${deletedId}"]`).waitFor({ state: 'detached' });
    expect(await ada.locator('[data-testid="my-notes"] [data-testid="list-note"]').count()).toBe(2);
    await allOnScreen(ada, 'deleted');

    // The facilitator opens a vote; Ada votes from her phone.
    await facilitator.getByTestId('vote-open').click();
    await facilitator.getByTestId('vote-budget').fill('3');
    await facilitator.getByTestId('vote-open-submit').click();
    const voted = mine(ada, await myNoteId(ada, 'Én indgang'));
    await voted.getByTestId('vote-up').tap();
    await voted.getByTestId('my-votes').filter({ hasText: '1' }).waitFor();
    await allOnScreen(ada, 'voted');

    // The facilitator makes a theme; Ada moves a note into it.
    await facilitator.getByTestId('add-cluster').click();
    await facilitator.getByTestId('cluster-title').pressSequentially('Tilgængelighed');
    await facilitator.keyboard.press('Escape');
    const themed = mine(ada, await myNoteId(ada, 'Ring tilbage samme dag'));
    await themed.locator('[data-testid="list-note-cluster"] option', { hasText: 'Tilgængelighed' }).waitFor({
      state: 'attached',
    });
    await themed.getByTestId('list-note-cluster').selectOption({ label: 'Tilgængelighed' });
    await facilitator.getByTestId('cluster').filter({ hasText: '1 post-it' }).waitFor();
    await allOnScreen(ada, 'moved into a theme');
    await screenshot(ada, 'phone-write-mode-390-da');

    // The full canvas stays one tap away, with its tools and the selected note's actions on screen.
    await ada.getByTestId('canvas-view-toggle').tap();
    await ada.getByTestId('board-canvas').waitFor();
    await allOnScreen(ada, 'canvas', true);
    // The toolbar in two tidy rows: adding on the first, undo/redo and zoom on the second (not "redo" alone).
    expect(await rowsOf(ada, ['add-note', 'add-cluster', 'undo', 'redo', 'zoom-out', 'zoom-fit'])).toEqual([
      1, 1, 2, 2, 2, 2,
    ]);
    await screenshot(ada, 'phone-canvas-theme-390-da');
    await ada.locator(`[data-testid="note"][data-note-id="${await noteIdOn(facilitator, 'Én indgang')}"]`).tap();
    await ada.getByTestId('selection-toolbar').waitFor();
    await allOnScreen(ada, 'canvas with a note selected', true);
    await ada.getByTestId('delete-note').tap();
    await ada.getByTestId('selection-toolbar').waitFor({ state: 'detached' });
  });
});

describe('a phone on a wide board while the agenda runs', () => {
  it('opens the canvas readable, keeps the agenda banner off the toolbars, and reflows at 320 px', async () => {
    const base = suite.samle().baseUrl;
    const facilitator = await suite.person('Freja');
    await facilitator.setViewportSize({ width: 1366, height: 900 });
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
    const { workshopUrl, code } = await workshopWithOpenDay(facilitator, 'Bred tavle');
    await facilitator.getByTestId('agenda-item').first().getByTestId('start-item').click();
    const boardId = (await facilitator
      .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
      .getAttribute('data-board-id')) as string;
    await facilitator.goto(`${base}/b/${boardId}`);
    await connected(facilitator);
    // Eight notes across the facilitator's screen: fitting all of them to a phone would show them at ~30 %.
    for (let i = 0; i < 8; i++) {
      await writeNoteAt(facilitator, 200 + (i % 4) * 260, 250 + Math.floor(i / 4) * 230, `Idé nummer ${i + 1}`);
    }
    // A paste that does not fit in a canvas note says how much was cut, right under the text.
    const area = facilitator.getByTestId('note-text').first();
    await area.dblclick();
    await area.focus();
    await area.evaluate((element) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'x'.repeat(2100));
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await facilitator.getByTestId('note-limit').filter({ hasText: 'tegn blev skåret fra' }).waitFor();
    await facilitator.keyboard.press('Escape');

    const ada = await phone(suite.browser(), 'Ada');
    await joinByCode(ada, base, code, 'Ada');
    await connected(ada);
    await ada.getByTestId('room-banner').waitFor({ timeout: 15_000 });
    await ada.getByTestId('canvas-view-toggle').tap();
    await ada.getByTestId('board-canvas').waitFor();
    await ada.locator('[data-testid="note"]').first().waitFor();
    const zoom = Number.parseInt((await ada.getByTestId('zoom-level').textContent()) ?? '0', 10);
    expect(zoom).toBeGreaterThanOrEqual(60);
    await allOnScreen(ada, 'canvas with the agenda banner', true);
    const overlap = await ada.evaluate(() => {
      const banner = document.querySelector('[data-testid="room-banner"]')?.getBoundingClientRect();
      const tools = document.querySelector('.toolbars')?.getBoundingClientRect();
      if (!banner || !tools) return 'missing';
      return tools.bottom > banner.top && tools.top < banner.bottom ? 'overlap' : 'apart';
    });
    expect(overlap).toBe('apart');
    await screenshot(ada, 'phone-canvas-banner-390-da');

    // The facilitator on a phone, with a timer running (a second header row): a vote that cannot be sent says so in
    // a row of its own under those controls, covering neither them nor the offline strip; the form stays on screen.
    const lise = await phone(suite.browser(), 'Freja');
    await lise.context().addCookies(await facilitator.context().cookies());
    await lise.goto(`${base}/b/${boardId}`);
    await connected(lise);
    await lise.getByTestId('timer-start').tap();
    await lise.getByTestId('timer-preset-5').tap();
    await lise.locator('[data-testid="timer"][data-state="running"]').waitFor();
    await lise.context().setOffline(true);
    await lise.getByTestId('vote-open').tap();
    await lise.getByTestId('vote-open-submit').tap();
    const refusal = lise.getByTestId('facilitation-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('forbindelse');
    await allOnScreen(lise, 'facilitator phone with a refusal and the vote form open');
    const gaps = await lise.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
      const controls = box('[data-testid="vote-open"]');
      const error = box('[data-testid="facilitation-error"]');
      const strip = box('.banner-offline');
      if (!controls || !error || !strip) return 'missing';
      return { belowControls: error.top >= controls.bottom, aboveStrip: error.bottom <= strip.top };
    });
    expect(gaps).toEqual({ belowControls: true, aboveStrip: true });
    await screenshot(lise, 'phone-facilitator-refusal-390-da');

    // 320 px (400 % zoom of a 1280 px screen): nothing outside the canvas scrolls sideways.
    await ada.setViewportSize({ width: 320, height: 640 });
    await allOnScreen(ada, 'canvas at 320 px', true);
    await ada.getByTestId('write-view-toggle').tap();
    await ada.getByTestId('write-view').waitFor();
    await allOnScreen(ada, 'write mode at 320 px');
    await ada.goto(workshopUrl);
    await ada.locator('main').waitFor();
    expect(await scrollsSideways(ada)).toBe(false);
  });
});

/** Which row (1, 2, …, from the top) each button sits in, by the tops of their boxes. */
async function rowsOf(page: Page, testIds: string[]): Promise<number[]> {
  const tops = await page.evaluate(
    (ids) => ids.map((id) => document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect().top ?? -1),
    testIds,
  );
  const distinct = [...new Set(tops.map((top) => Math.round(top)))].sort((a, b) => a - b);
  return tops.map((top) => distinct.indexOf(Math.round(top)) + 1);
}

/** The id of the canvas note showing `text` on another person's page. */
async function noteIdOn(page: Page, text: string): Promise<string> {
  const handle = await page.waitForFunction((wanted) => {
    for (const note of document.querySelectorAll<HTMLElement>('[data-testid="note"]')) {
      if (note.querySelector('textarea')?.value === wanted) return note.dataset.noteId;
    }
    return undefined;
  }, text);
  return (await handle.jsonValue()) as string;
}
