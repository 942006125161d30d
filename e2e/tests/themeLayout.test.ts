import { clusterMembers, readClusters, readNotes } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { boardDoc, untilDoc } from '../support/boardState.js';
import { connected, signUpFirstFacilitator, workshopWithOpenDay, writeNoteAt } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

describe('themes that lay out right', () => {
  it('grouping three of four neighbouring notes frames exactly those three', async () => {
    const page = await suite.person('Freja');
    await signUpFirstFacilitator(page, suite.samle().baseUrl);
    await workshopWithOpenDay(page, 'Temaer');
    const boardId = (await page
      .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
      .getAttribute('data-board-id')) as string;
    await page.goto(`${suite.samle().baseUrl}/b/${boardId}`);
    await connected(page);

    // Four notes side by side, close enough that the old bounding box of 1, 2 and 4 covered 3.
    const texts = ['Én indgang', 'Fast kontakt', 'Åbningstider', 'Ring tilbage'];
    for (const [i, text] of texts.entries()) await writeNoteAt(page, 180 + i * 230, 300, text);
    const server = await boardDoc(suite.samle(), boardId);
    try {
      await untilDoc(server.doc, (doc) => readNotes(doc).filter((n) => texts.includes(n.text)).length === 4);
      const idOf = (text: string) => readNotes(server.doc).find((n) => n.text === text)?.id as string;
      const grouped = [texts[0], texts[1], texts[3]].map((t) => idOf(t as string));

      // Select 1, 2 and 4 (shift adds) and group them.
      await page.locator(`[data-testid="note"][data-note-id="${grouped[0]}"]`).click({ position: { x: 10, y: 10 } });
      for (const id of grouped.slice(1)) {
        await page
          .locator(`[data-testid="note"][data-note-id="${id}"]`)
          .click({ position: { x: 10, y: 10 }, modifiers: ['Shift'] });
      }
      await page.getByTestId('group-selection').click();
      await page.keyboard.press('Escape');

      await untilDoc(server.doc, (doc) => {
        const [cluster] = readClusters(doc);
        return cluster !== undefined && clusterMembers(doc, cluster.id).length === 3;
      });
      const [frame] = readClusters(server.doc);
      if (!frame) throw new Error('no theme on the board');
      const inside = readNotes(server.doc)
        .filter(
          (n) => n.x >= frame.x && n.y >= frame.y && n.x + n.w <= frame.x + frame.w && n.y + n.h <= frame.y + frame.h,
        )
        .map((n) => n.id)
        .sort();
      expect(inside).toEqual([...grouped].sort());
      expect(clusterMembers(server.doc, frame.id).sort()).toEqual([...grouped].sort());
      // The count on the frame matches what is inside it.
      await page.getByTestId('cluster').filter({ hasText: '3 post-its' }).waitFor();

      // Dragging the fourth note right onto a member puts it in the theme, in a free slot, not on top.
      const loose = idOf(texts[2] as string);
      const from = await page.locator(`[data-testid="note"][data-note-id="${loose}"]`).boundingBox();
      const onto = await page.locator(`[data-testid="note"][data-note-id="${grouped[0]}"]`).boundingBox();
      if (!from || !onto) throw new Error('notes without boxes');
      await page.mouse.move(from.x + 12, from.y + 12);
      await page.mouse.down();
      await page.mouse.move(onto.x + 30, onto.y + 30, { steps: 8 });
      await page.mouse.up();
      await untilDoc(server.doc, (doc) => clusterMembers(doc, frame.id).length === 4);
      const notes = readNotes(server.doc);
      const overlapping = notes.filter((a) =>
        notes.some((b) => a.id !== b.id && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h),
      );
      expect(overlapping.map((n) => n.text)).toEqual([]);
      await page.getByTestId('cluster').filter({ hasText: '4 post-its' }).waitFor();
    } finally {
      server.close();
    }
  });
});
