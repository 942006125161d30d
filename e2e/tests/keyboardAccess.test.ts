import { createNote } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { boardDoc } from '../support/boardState.js';
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

  it('tabs through the notes in reading order, not the order they were made, and pans to a note far off screen', async () => {
    const page = await suite.person('Freja');
    await page.setViewportSize({ width: 1366, height: 900 });
    // Runs alone (-t) or after the test above, which made the first account.
    await page.goto(suite.samle().baseUrl);
    const signUp = page.getByTestId('signup-name');
    await signUp.or(page.getByTestId('signin-email')).first().waitFor();
    if (await signUp.isVisible()) {
      await signUpFirstFacilitator(page, suite.samle().baseUrl);
    } else {
      await page.getByTestId('signin-email').fill('freja@example.dk');
      await page.getByTestId('signin-password').fill('et langt kodeord');
      await page.getByTestId('signin-submit').click();
    }
    await workshopWithOpenDay(page, 'Læseorden');
    const boardId = (await page
      .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
      .getAttribute('data-board-id')) as string;

    // Made in this order (which is also the stacking order), laid out in another.
    const made = [
      { id: 'third', text: 'Tredje', x: 520, y: 40 },
      { id: 'first', text: 'Første', x: 40, y: 40 },
      { id: 'fourth', text: 'Fjerde', x: 40, y: 320 },
      { id: 'second', text: 'Anden', x: 280, y: 70 },
      { id: 'far', text: 'Langt væk', x: 6000, y: 4000 },
    ];
    // They arrive on the open board (which opened empty, at 100 % from its top left).
    await page.goto(`${suite.samle().baseUrl}/b/${boardId}`);
    await connected(page);
    const server = await boardDoc(suite.samle(), boardId, 'write');
    for (const [i, note] of made.entries()) createNote(server.doc, { ...note, createdAt: 1_000 + i });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="note"]').length === 5);
    server.close();
    const far = page.locator('[data-testid="note"][data-note-id="far"]');
    // Far off screen, the note is only its focusable box.
    expect(await far.getAttribute('data-out-of-view')).toBe('true');

    await page.getByTestId('board-canvas').focus();
    const order: string[] = [];
    for (let i = 0; i < made.length; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.noteId ?? ''));
    }
    expect(order).toEqual(['first', 'second', 'third', 'fourth', 'far']);

    // The board panned to the far note: wholly inside the canvas, with its text.
    await page.waitForFunction(() => {
      const note = document.querySelector('[data-note-id="far"]');
      const canvas = document.querySelector('[data-testid="board-canvas"]');
      if (!note || !canvas || note.hasAttribute('data-out-of-view')) return false;
      const n = note.getBoundingClientRect();
      const c = canvas.getBoundingClientRect();
      return n.left >= c.left && n.right <= c.right && n.top >= c.top && n.bottom <= c.bottom;
    });
    expect(await far.getByTestId('note-text').inputValue()).toBe('Langt væk');
    expect(await page.getByTestId('board-canvas').evaluate((c) => [c.scrollLeft, c.scrollTop])).toEqual([0, 0]);

    // Shift+Tab goes back along the same order, and the first note made still stacks below the later ones.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.noteId)).toBe('fourth');
    const stack = (id: string) =>
      page.locator(`[data-note-id="${id}"]`).evaluate((el) => Number(getComputedStyle(el).zIndex));
    expect(await stack('third')).toBeLessThan(await stack('second'));
    if (process.env.SAMLE_SCREENSHOT_DIR) {
      await page.keyboard.press('Shift+Tab');
      await page.screenshot({ path: `${process.env.SAMLE_SCREENSHOT_DIR}/reading-order-1366.png` });
    }
  });
});

describe('keyboard access on a big board', () => {
  it('keeps only the notes near the view in the DOM, and Tab still walks the whole board in reading order', async () => {
    const page = await suite.person('Freja');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(suite.samle().baseUrl);
    const signUp = page.getByTestId('signup-name');
    await signUp.or(page.getByTestId('signin-email')).first().waitFor();
    if (await signUp.isVisible()) {
      await signUpFirstFacilitator(page, suite.samle().baseUrl);
    } else {
      await page.getByTestId('signin-email').fill('freja@example.dk');
      await page.getByTestId('signin-password').fill('et langt kodeord');
      await page.getByTestId('signin-submit').click();
    }
    await workshopWithOpenDay(page, 'Stor tavle');
    const boardId = (await page
      .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
      .getAttribute('data-board-id')) as string;

    // 600 notes, 12 to a row (about 6 fit across the screen), arrive on the open board (which opened empty, at 100 % from its top left).
    await page.goto(`${suite.samle().baseUrl}/b/${boardId}`);
    await connected(page);
    const server = await boardDoc(suite.samle(), boardId, 'write');
    server.doc.transact(() => {
      for (let i = 0; i < 600; i++) {
        createNote(server.doc, {
          id: `n${i}`,
          text: `Idé ${i}`,
          x: (i % 12) * 230,
          y: Math.floor(i / 12) * 190,
          createdAt: 1_000 + i,
        });
      }
    });
    await page.locator('[data-note-id="n599"]').waitFor({ state: 'attached' });
    server.close();
    // Far fewer than 600 in the DOM: those near the view, and the last one (where Shift+Tab enters).
    const inDom = await page.getByTestId('note').count();
    expect(inDom).toBeGreaterThan(20);
    expect(inDom).toBeLessThan(100);

    // Tab goes along the first row, off the right edge of the screen, and on to the second row.
    await page.getByTestId('board-canvas').focus();
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.noteId ?? '');
    const walked: string[] = [];
    for (let i = 0; i <= 12; i++) {
      await page.keyboard.press('Tab');
      walked.push(await focused());
    }
    expect(walked).toEqual([...Array.from({ length: 12 }, (_, i) => `n${i}`), 'n12']);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('n11');
    // The board panned along: the focused note is in view, with its text.
    expect(await page.locator('[data-note-id="n11"]').getByTestId('note-text').inputValue()).toBe('Idé 11');
  }, 180_000);
});
