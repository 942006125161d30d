import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  connected,
  joinByCode,
  noteWithText,
  signUpFirstFacilitator,
  workshopWithOpenDay,
  writeNoteAt,
} from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

const person = suite.person;

/** The note element showing `text` (a textarea's text is its value, so it is found by evaluating). */
async function noteCard(page: Page, text: string) {
  const id = await page.evaluate((wanted) => {
    for (const note of document.querySelectorAll<HTMLElement>('[data-testid="note"]')) {
      const area = note.querySelector<HTMLTextAreaElement>('[data-testid="note-text"]');
      if (area?.value === wanted) return note.dataset.noteId ?? null;
    }
    return null;
  }, text);
  if (!id) throw new Error(`no note shows "${text}"`);
  return page.locator(`[data-testid="note"][data-note-id="${id}"]`);
}

describe('dot voting in the browser', () => {
  it('the server refuses a vote over budget, and everyone sees the right totals when the vote closes', async () => {
    const facilitator = await person('Freja');
    await signUpFirstFacilitator(facilitator, suite.samle().baseUrl);
    const { code } = await workshopWithOpenDay(facilitator, 'Afstemning');
    const boardId = await facilitator
      .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
      .getAttribute('data-board-id');
    await facilitator.goto(`${suite.samle().baseUrl}/b/${boardId}`);
    await connected(facilitator);
    await writeNoteAt(facilitator, 300, 300, 'Én indgang');
    await writeNoteAt(facilitator, 800, 300, 'Kortere svartider');

    const ada = await person('Ada');
    await joinByCode(ada, suite.samle().baseUrl, code, 'Ada');
    await connected(ada);
    await noteWithText(ada, 'Kortere svartider');

    await facilitator.getByTestId('vote-open').click();
    await facilitator.getByTestId('vote-budget').fill('2');
    await facilitator.getByTestId('vote-max-per-note').fill('2');
    await facilitator.getByTestId('vote-open-submit').click();

    await ada.getByTestId('vote-remaining').filter({ hasText: '2' }).waitFor();
    const first = await noteCard(ada, 'Én indgang');
    await first.getByTestId('vote-up').click();
    await first.getByTestId('my-votes').filter({ hasText: '1' }).waitFor();
    await first.getByTestId('vote-up').click();
    await first.getByTestId('my-votes').filter({ hasText: '2' }).waitFor();
    // Over budget: the server refuses it, the page says so and the count stays.
    const second = await noteCard(ada, 'Kortere svartider');
    await second.getByTestId('vote-up').click();
    await ada.getByTestId('vote-error').waitFor();
    expect(await second.getByTestId('my-votes').textContent()).toContain('0');

    await facilitator.getByTestId('vote-close').click();
    for (const page of [facilitator, ada]) {
      await (await noteCard(page, 'Én indgang')).getByTestId('vote-total').filter({ hasText: '2' }).waitFor();
      expect(await (await noteCard(page, 'Kortere svartider')).getByTestId('vote-total').textContent()).toContain('0');
    }
  });
});
