import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { untilDeviceCopyHolds } from '../support/deviceCopy.js';
import { connected, facilitatorOnPlenum, joinByCode, noteWithText, writeNoteAt } from '../support/flows.js';
import { personContext } from '../support/samle.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

describe('a board opened once on this device', () => {
  it('shows after a reload without network, from the copy the first visit kept', async () => {
    const facilitator = await suite.person('Freja');
    const { code, boardId } = await facilitatorOnPlenum(facilitator, suite.samle().baseUrl, 'Kopi');
    await writeNoteAt(facilitator, 500, 350, 'Fra første besøg');

    // Ada's first visit: the board comes with the first sync (applied without the doc's update listeners)
    // and is written into her browser's copy afterwards, as one entry, once the page is idle.
    const context: BrowserContext = await personContext(suite.browser(), 'Ada');
    const ada: Page = await context.newPage();
    await joinByCode(ada, suite.samle().baseUrl, code, 'Ada');
    await connected(ada);
    await noteWithText(ada, 'Fra første besøg');
    // The write is not shown anywhere: wait until the copy in IndexedDB holds the note's text (Yjs stores
    // strings as UTF-8).
    await untilDeviceCopyHolds(ada, boardId, 'Fra første besøg');
    // The service worker controls the pages loaded after it is installed (it precaches the whole app first).
    await ada.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await ada.reload();
    await noteWithText(ada, 'Fra første besøg');
    await ada.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 120_000 });

    await context.setOffline(true);
    await ada.reload();
    await noteWithText(ada, 'Fra første besøg');
    expect(await ada.locator('[data-testid="connection-status"]').getAttribute('data-state')).not.toBe('connected');
  });
});
