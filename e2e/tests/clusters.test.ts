import { clusterMembers, readClusters, readNotes } from '@samle/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardDoc, untilDoc } from '../support/boardState.js';
import { connected, signUpFirstFacilitator, workshopWithOpenDay, writeNote } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

describe('clusters on a board', () => {
  it('groups notes into a cluster and moves the cluster with its notes; the server holds the result', async () => {
    const page: Page = await suite.person('Freja');
    await signUpFirstFacilitator(page, suite.samle().baseUrl);
    await workshopWithOpenDay(page, 'Temaer');
    const boardId = (await page
      .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
      .getAttribute('data-board-id')) as string;
    await page.goto(`${suite.samle().baseUrl}/b/${boardId}`);
    await connected(page);

    for (const text of ['Én indgang', 'Fast kontaktperson', 'Ring tilbage']) {
      await writeNote(page, text);
      await page.keyboard.press('Escape');
    }
    // Select everything and group it as one theme.
    await page.getByTestId('board-canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+a');
    await page.getByTestId('group-selection').click();
    await page.getByTestId('cluster').waitFor();
    // The new theme asks for its title straight away.
    await page.getByTestId('cluster-title').pressSequentially('Tilgængelighed');
    await page.keyboard.press('Escape');

    const server = await boardDoc(suite.samle(), boardId);
    try {
      await untilDoc(server.doc, (doc) => {
        const [cluster] = readClusters(doc);
        return cluster?.title === 'Tilgængelighed' && clusterMembers(doc, cluster.id).length === 3;
      });
      const [before] = readClusters(server.doc);
      const notesBefore = readNotes(server.doc);

      // Drag the theme by its header (beside the title field).
      const header = page.getByTestId('cluster-header');
      const box = await header.boundingBox();
      if (!box) throw new Error('cluster header not visible');
      await page.mouse.move(box.x + box.width - 8, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width + 92, box.y + box.height / 2 + 60, { steps: 8 });
      await page.mouse.up();

      await untilDoc(server.doc, (doc) => readClusters(doc)[0]?.x !== before?.x);
      const [after] = readClusters(server.doc);
      const dx = (after?.x ?? 0) - (before?.x ?? 0);
      const dy = (after?.y ?? 0) - (before?.y ?? 0);
      expect(dx).toBeGreaterThan(0);
      expect(dy).toBeGreaterThan(0);
      await untilDoc(server.doc, (doc) =>
        readNotes(doc).every((note) => {
          const old = notesBefore.find((n) => n.id === note.id);
          return old !== undefined && note.x === old.x + dx && note.y === old.y + dy;
        }),
      );
      expect(readNotes(server.doc).every((note) => note.clusterId === after?.id)).toBe(true);
    } finally {
      server.close();
    }
  });
});
