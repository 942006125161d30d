import { createNote, type WorkshopDetail } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { boardDoc, untilDoc } from '../support/boardState.js';
import { signUpFirstFacilitator } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();
const ADDED = 400;

describe('the synthesis view with many notes', () => {
  it('keeps only a window of a 400-note board in the DOM, and the keyboard and the search still reach its last note', async () => {
    const base = suite.samle().baseUrl;
    const page = await suite.person('Freja');
    await signUpFirstFacilitator(page, base);
    // The one-click demo: employee day 1 with group work at two tables. Table 1 gets 400 more notes.
    await page.getByTestId('create-demo').first().click();
    await page.waitForURL(/\/w\/[A-Za-z0-9_-]+$/);
    const workshopId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const detail = (await (await page.request.get(`${base}/api/workshops/${workshopId}`)).json()) as WorkshopDetail;
    const day = detail.sessions.find((s) => s.groups.length === 2);
    const tableBoard = day?.groups[0]?.boardId;
    if (!day || !tableBoard) throw new Error('the demo has no session with two tables');
    const board = await boardDoc(suite.samle(), tableBoard, 'write');
    try {
      board.doc.transact(() => {
        for (let i = 0; i < ADDED; i++) {
          // Far below the demo's notes, in rows of ten: reading order is n0 … n399, so the last note is n399.
          createNote(board.doc, {
            id: `mange-${i}`,
            x: 4000 + (i % 10) * 220,
            y: 6000 + Math.floor(i / 10) * 200,
            text: i === ADDED - 1 ? 'Den allersidste note om parkering' : `Note nummer ${i + 1}`,
            createdAt: i,
          });
        }
      });
      await untilDoc(board.doc, (doc) => doc.getMap('notes').size >= ADDED);
    } finally {
      board.close();
    }

    await page.goto(`${base}/w/${workshopId}/synthesis?session=${day.id}`);
    const column = page.locator(`[data-testid="synth-board"][data-board-id="${tableBoard}"]`);
    await column.locator('[data-testid="synth-note"]').first().waitFor();
    const rows = Number(await column.getAttribute('data-rows'));
    expect(rows).toBeGreaterThan(ADDED);
    // Only rows near the viewport (plus the first and the last) are in the DOM, each saying where it is.
    const inDom = await column.locator('[data-testid="synth-note"]').count();
    expect(inDom).toBeLessThan(60);
    expect(await column.locator('li[aria-posinset]').first().getAttribute('aria-setsize')).toBe(String(rows));

    // End from the first note goes to the board's last note: scrolled in and focused.
    await column.locator('[data-testid="synth-note"]').first().focus();
    await page.keyboard.press('End');
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await focusedText()).toContain('Den allersidste note om parkering');
    const last = column.locator('[data-testid="synth-note"]', { hasText: 'Den allersidste note' });
    expect(await last.isVisible()).toBe(true);
    expect(await last.locator('xpath=..').getAttribute('aria-posinset')).toBe(String(rows));

    // Home, then ArrowDown walks row by row past what was in the DOM at first.
    await page.keyboard.press('Home');
    for (let i = 0; i < 80; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-index]')?.getAttribute('data-index'))).toBe(
      '80',
    );
    // Tab goes on to the next row even when it was not in the DOM, and Space still picks what has the focus.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-index]')?.getAttribute('data-index'))).toBe(
      '81',
    );
    await page.keyboard.press('Space');
    await page.getByTestId('tray-item').first().waitFor();
    expect(await column.locator('[data-testid="synth-note"][aria-pressed="true"]').count()).toBe(1);
    // The DOM stayed a window while the keyboard walked.
    expect(await column.locator('[data-testid="synth-note"]').count()).toBeLessThan(60);

    // The search finds the last note; Enter in the search field scrolls to it and focuses it.
    await page.getByTestId('synth-search').fill('parkering');
    await page.getByTestId('synth-search').press('Enter');
    await expect.poll(focusedText).toContain('Den allersidste note om parkering');
    expect(await last.getAttribute('data-match')).toBe('true');
  });
});
