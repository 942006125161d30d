import { describe, expect, it } from 'vitest';
import { connected, signUpFirstFacilitator, workshopWithOpenDay } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

describe('keyboard access', () => {
  it('offers a visible skip link first, moves focus to the new page heading, and keeps one-key shortcuts to the focused board, switchable off', async () => {
    const page = await suite.person('Freja');
    await signUpFirstFacilitator(page, suite.samle().baseUrl);
    await workshopWithOpenDay(page, 'Tastatur');
    const boardId = (await page
      .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
      .getAttribute('data-board-id')) as string;

    // In-app navigation: the new page's heading has focus.
    await page.locator('[data-testid="session-board-link"][data-board-kind="plenum"]').click();
    await connected(page);
    await page.waitForFunction(() => document.activeElement?.matches('h1') === true);

    // A fresh load: the first Tab shows the skip link on screen.
    await page.goto(`${suite.samle().baseUrl}/b/${boardId}`);
    await connected(page);
    await page.keyboard.press('Tab');
    const skip = page.getByTestId('skip-link');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.x >= 0).toBe(true);

    // With focus outside the board, N types nothing and adds no note.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('n');
    expect(await page.getByTestId('note').count()).toBe(0);

    // With the board focused, N adds a note.
    await page.getByTestId('board-canvas').focus();
    await page.keyboard.press('n');
    await page.getByTestId('note').first().waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    // Switched off, N does nothing even on the focused board; the toolbar still adds notes.
    await page.getByTestId('single-key-shortcuts').click();
    expect(await page.getByTestId('single-key-shortcuts').getAttribute('aria-pressed')).toBe('false');
    await page.getByTestId('board-canvas').focus();
    await page.keyboard.press('n');
    expect(await page.getByTestId('note').count()).toBe(1);
    await page.getByTestId('add-note').click();
    await page.getByTestId('note').nth(1).waitFor();
  });
});
