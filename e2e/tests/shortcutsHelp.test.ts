import { describe, expect, it } from 'vitest';
import { connected, signUpFirstFacilitator, workshopWithOpenDay } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

const SHOTS = process.env.SAMLE_SHORTCUTS_SHOTS;

describe('the board’s keyboard shortcuts help', () => {
  it('opens from the keyboard on a 390 px screen, fits it, and Escape closes it with the focus back on its button', async () => {
    const page = await suite.person('Freja');
    await page.setViewportSize({ width: 1280, height: 800 });
    await signUpFirstFacilitator(page, suite.samle().baseUrl);
    await workshopWithOpenDay(page, 'Genveje');
    const boardId = (await page
      .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
      .getAttribute('data-board-id')) as string;
    for (const [width, height] of [
      [390, 844],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const language of ['da', 'en'] as const) {
        await page.evaluate((lang) => window.localStorage.setItem('samle.lang', lang), language);
        // A phone opens a board in write mode; the shortcuts are the canvas's.
        await page.goto(`${suite.samle().baseUrl}/b/${boardId}?view=canvas`);
        await connected(page);
        const open = page.getByTestId('shortcuts-help-open');
        const dialog = page.getByTestId('shortcuts-help-dialog');
        expect(await open.isVisible(), `the help's button at ${width} px`).toBe(true);
        await open.focus();
        await page.keyboard.press('Enter');
        await dialog.waitFor({ state: 'visible' });
        expect(await dialog.getByRole('heading').textContent()).toBe(
          language === 'da' ? 'Tastaturgenveje' : 'Keyboard shortcuts',
        );
        const box = await dialog.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= width, `the dialog fits ${width} px`).toBe(true);
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/shortcuts-${width}-${language}.png` });
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        expect(await open.evaluate((button) => button === document.activeElement)).toBe(true);
      }
    }
    // The close button does the same as Escape.
    await page.getByTestId('shortcuts-help-open').click();
    await page.getByTestId('shortcuts-help-dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('shortcuts-help-dialog').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('shortcuts-help-open').evaluate((button) => button === document.activeElement)).toBe(
      true,
    );
  });
});
