import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connected, facilitatorOnPlenum, joinByCode, noteWithText, writeNoteAt } from '../support/flows.js';
import { personContext } from '../support/samle.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

describe('offline editing', () => {
  it('keeps edits made while offline, shows them as unsynced, and merges them when the connection returns', async () => {
    const facilitator = await suite.person('Freja');
    const { code } = await facilitatorOnPlenum(facilitator, suite.samle().baseUrl, 'Offline');

    const context: BrowserContext = await personContext(suite.browser(), 'Ada');
    const ada: Page = await context.newPage();
    await joinByCode(ada, suite.samle().baseUrl, code, 'Ada');
    await connected(ada);

    await context.setOffline(true);
    await ada.locator('[data-testid="connection-status"]:not([data-state="connected"])').waitFor();
    await writeNoteAt(ada, 400, 400, 'Skrevet uden net');
    await ada.locator('[data-testid="connection-status"][data-unsynced]:not([data-unsynced="0"])').waitFor();
    // Meanwhile the facilitator writes too.
    await writeNoteAt(facilitator, 900, 300, 'Skrevet med net');

    await context.setOffline(false);
    await connected(ada);
    await noteWithText(facilitator, 'Skrevet uden net');
    await noteWithText(ada, 'Skrevet med net');
    expect(await ada.getByTestId('note').count()).toBe(2);
  });
});
