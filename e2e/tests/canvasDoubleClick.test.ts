import { describe, expect, it } from 'vitest';
import { connected, signUpFirstFacilitator, workshopWithOpenDay, writeNoteAt } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

describe('double-click on the canvas', () => {
  it("opens a note's text for writing when its text is double-clicked, and adds no new note", async () => {
    const page = await suite.person('Freja');
    await page.setViewportSize({ width: 1366, height: 900 });
    await signUpFirstFacilitator(page, suite.samle().baseUrl);
    await workshopWithOpenDay(page, 'Dobbeltklik');
    const boardId = (await page
      .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
      .getAttribute('data-board-id')) as string;
    await page.goto(`${suite.samle().baseUrl}/b/${boardId}`);
    await connected(page);
    // On the empty board a double-click adds a note (writeNoteAt does that).
    for (let i = 0; i < 3; i++) await writeNoteAt(page, 200 + i * 260, 250, `Idé nummer ${i + 1}`);

    for (let i = 0; i < 3; i++) {
      const note = page.getByTestId('note').nth(i);
      await note.getByTestId('note-text').dblclick();
      // The double-clicked note is the one being written in (the canvas captures the pointer, which once
      // made the double-click land on the canvas and add an empty note next to it).
      await page.waitForFunction((n) => {
        const notes = document.querySelectorAll('[data-testid="note"]');
        return notes[n]?.hasAttribute('data-editing') === true;
      }, i);
      expect(await page.getByTestId('note').count()).toBe(3);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
    }
  });
});
