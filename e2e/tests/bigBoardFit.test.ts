import { createNote } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { boardDoc } from '../support/boardState.js';
import { api, connected, signUpFirstFacilitator } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

/** A board wider than a laptop shows at the usual 20 % minimum: 2,000 notes, 57 to a row (~13,000 × 6,700 px). */
const NOTES = 2000;
const COLUMNS = 57;

describe('fitting a big board on a laptop', () => {
  it('shows every corner of a 2,000-note board, zooms out no further than that, and zooms back in', async () => {
    const base = suite.samle().baseUrl;
    const page = await suite.person('Freja');
    await page.setViewportSize({ width: 1366, height: 768 });
    await signUpFirstFacilitator(page, base);
    await page.getByTestId('create-demo').first().waitFor();
    const { id: boardId } = await api<{ id: string }>(page, '/api/boards', { title: 'Stor tavle' });
    const server = await boardDoc(suite.samle(), boardId, 'write');
    server.doc.transact(() => {
      for (let i = 0; i < NOTES; i++) {
        const x = (i % COLUMNS) * 230;
        const y = Math.floor(i / COLUMNS) * 190;
        createNote(server.doc, { id: `n${i}`, text: `Idé ${i}`, x, y, createdAt: 1_000 + i });
      }
    });
    server.close();

    await page.goto(`${base}/b/${boardId}`);
    await connected(page);
    await page.locator('[data-testid="note"]').first().waitFor();
    const zoom = async () => Number.parseInt((await page.getByTestId('zoom-level').textContent()) ?? '', 10);

    await page.getByTestId('zoom-fit').click();
    const lastRow = Math.floor((NOTES - 1) / COLUMNS) * COLUMNS;
    const corners = ['n0', `n${COLUMNS - 1}`, `n${lastRow}`, `n${NOTES - 1}`];
    await page.waitForFunction(
      (ids) => {
        const canvas = document.querySelector('[data-testid="board-canvas"]')?.getBoundingClientRect();
        if (!canvas) return false;
        return ids.every((id) => {
          const note = document.querySelector(`[data-note-id="${id}"]`)?.getBoundingClientRect();
          return (
            !!note &&
            note.left >= canvas.left &&
            note.right <= canvas.right &&
            note.top >= canvas.top &&
            note.bottom <= canvas.bottom
          );
        });
      },
      corners,
      { timeout: 30_000 },
    );
    const fitted = await zoom();
    expect(fitted).toBeLessThan(20);
    expect(fitted).toBeGreaterThan(0);

    // Zooming out stops where the whole board is on screen; zooming in works from there.
    await page.getByTestId('zoom-out').click();
    expect(await zoom()).toBe(fitted);
    await page.getByTestId('zoom-in').click();
    await page
      .getByTestId('zoom-level')
      .filter({ hasNotText: `${fitted} %` })
      .waitFor();
    expect(await zoom()).toBeGreaterThan(fitted);
  });
});
