import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phone, screenshot } from '../support/devices.js';
import { connected, joinByCode, signUpFirstFacilitator, workshopWithOpenDay, writeNoteAt } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

/**
 * The ids of the notes this page shows whole: the note's box lies inside the
 * canvas and nothing covers it (its centre and four corners, just inside, hit
 * the note itself — a toolbar or banner over a corner counts as not shown).
 */
function wholeNotes(page: Page, canvas: string): Promise<string[]> {
  return page.evaluate((canvasSelector) => {
    const area = document.querySelector(canvasSelector)?.getBoundingClientRect();
    if (!area) return [];
    const shown: string[] = [];
    for (const note of document.querySelectorAll<HTMLElement>('[data-testid="note"]')) {
      const box = note.getBoundingClientRect();
      const inside =
        box.left >= area.left - 0.5 &&
        box.top >= area.top - 0.5 &&
        box.right <= area.right + 0.5 &&
        box.bottom <= area.bottom + 0.5;
      if (!inside || box.width < 4) continue;
      // Just inside each corner, past the rounding (hit-testing follows the rounded edge).
      const inset = Math.min(10, box.width / 6, box.height / 6);
      const points: Array<[number, number]> = [
        [box.left + box.width / 2, box.top + box.height / 2],
        [box.left + inset, box.top + inset],
        [box.right - inset, box.top + inset],
        [box.left + inset, box.bottom - inset],
        [box.right - inset, box.bottom - inset],
      ];
      const uncovered = points.every(
        ([x, y]) => document.elementFromPoint(x, y)?.closest('[data-testid="note"]') === note,
      );
      if (uncovered && note.dataset.noteId) shown.push(note.dataset.noteId);
    }
    return shown.sort();
  }, canvas);
}

function zoomText(page: Page): Promise<string> {
  return page
    .getByTestId('zoom-level')
    .textContent()
    .then((text) => (text ?? '').replace(/\s/g, '').replace(/–.*$/, ''));
}

describe('follow mode on three screens', () => {
  it('a phone, a laptop and a 1920×1080 big screen each show the same notes whole as the facilitator at 156 %', async () => {
    const base = suite.samle().baseUrl;
    const facilitator = await suite.person('Freja');
    await facilitator.setViewportSize({ width: 1366, height: 900 });
    await signUpFirstFacilitator(facilitator, base);
    const { code } = await workshopWithOpenDay(facilitator, 'Tre skærme');
    const boardId = (await facilitator
      .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
      .getAttribute('data-board-id')) as string;
    const boardUrl = `${base}/b/${boardId}`;
    await facilitator.goto(boardUrl);
    await connected(facilitator);

    // Two notes far to the sides (written zoomed out), four in the middle of the facilitator's view.
    const canvasBox = await facilitator.getByTestId('board-canvas').boundingBox();
    if (!canvasBox) throw new Error('the board canvas has no box');
    const midX = canvasBox.x + canvasBox.width / 2;
    const midY = canvasBox.y + canvasBox.height / 2;
    await facilitator.getByTestId('zoom-out').click();
    await facilitator.getByTestId('zoom-out').click();
    await expect.poll(() => zoomText(facilitator)).toBe('64%');
    await writeNoteAt(facilitator, midX - 560, midY - 40, 'Langt til venstre');
    await writeNoteAt(facilitator, midX + 420, midY - 40, 'Langt til højre');
    await facilitator.getByTestId('zoom-level').click();
    await expect.poll(() => zoomText(facilitator)).toBe('100%');
    const middle = ['Tid til borgeren', 'Færre skift', 'Faste teams', 'Bedre overlevering'];
    const spots: Array<[number, number]> = [
      [-110, -90],
      [110, -90],
      [-110, 90],
      [110, 90],
    ];
    for (const [index, text] of middle.entries()) {
      const [dx, dy] = spots[index] as [number, number];
      await writeNoteAt(facilitator, midX + dx, midY + dy, text);
    }
    await facilitator.getByTestId('zoom-in').click();
    await facilitator.getByTestId('zoom-in').click();
    await expect.poll(() => zoomText(facilitator)).toBe('156%');

    const seen = await wholeNotes(facilitator, '[data-testid="board-canvas"]');
    // The facilitator sees the four middle notes whole, and neither far one.
    const middleIds = await facilitator.locator('[data-testid="note"]').evaluateAll(
      (notes, texts) =>
        notes
          .filter((n) => texts.includes(n.querySelector('textarea')?.value ?? ''))
          .map((n) => (n as HTMLElement).dataset.noteId ?? '')
          .sort(),
      middle,
    );
    expect(middleIds).toHaveLength(4);
    expect(seen).toEqual(middleIds);

    // Three screens: a participant's laptop, a participant's phone (on the canvas), the big screen.
    const laptop = await suite.person('Bo');
    await laptop.setViewportSize({ width: 1440, height: 900 });
    await joinByCode(laptop, base, code, 'Bo');
    await laptop.goto(boardUrl);
    await connected(laptop);
    const ada = await phone(suite.browser(), 'Ada');
    await joinByCode(ada, base, code, 'Ada');
    await ada.goto(boardUrl);
    await connected(ada);
    await ada.getByTestId('canvas-view-toggle').tap();
    await ada.getByTestId('board-canvas').waitFor();
    const screen = await facilitator.context().newPage();
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await screen.goto(`${boardUrl}/screen`);
    await screen.getByTestId('big-screen').waitFor();

    await facilitator.getByTestId('follow-toggle').click();
    await laptop.getByTestId('following-badge').waitFor();
    await ada.getByTestId('following-badge').waitFor();
    await screen.locator('[data-testid="big-screen"][data-following]').waitFor();

    for (const [name, page, canvas] of [
      ['laptop', laptop, '[data-testid="board-canvas"]'],
      ['phone', ada, '[data-testid="board-canvas"]'],
      ['big screen', screen, '.big-screen-canvas'],
    ] as const) {
      await expect
        .poll(async () => ({ name, shown: await wholeNotes(page, canvas) }), { timeout: 15_000 })
        .toEqual({ name, shown: seen });
    }
    await screenshot(facilitator, 'follow-facilitator-1366-da');
    await screenshot(laptop, 'follow-laptop-1440-da');
    await screenshot(ada, 'follow-phone-390-da');
    await screenshot(screen, 'follow-big-screen-1920-da');
  });
});
