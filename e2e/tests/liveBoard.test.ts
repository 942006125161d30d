import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, personContext, SamleProcess } from '../support/samle.js';

let samle: SamleProcess;
let browser: Browser;

beforeAll(async () => {
  samle = new SamleProcess();
  await samle.start();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await samle?.stop();
});

function connected(page: Page): Promise<unknown> {
  return page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
}

/** Resolves when some note on the page shows exactly `text` (the page re-renders from the Yjs doc). */
function noteWithText(page: Page, text: string): Promise<unknown> {
  return page.waitForFunction(
    (expected) =>
      [...document.querySelectorAll<HTMLTextAreaElement>('[data-testid="note-text"]')].some(
        (t) => t.value === expected,
      ),
    text,
  );
}

describe('live board in two browsers', () => {
  it('one person types a note, the other sees it live, and it survives a server restart', async () => {
    const alice = await (await personContext(browser, 'Alice')).newPage();
    const bob = await (await personContext(browser, 'Bob')).newPage();

    await alice.goto(samle.baseUrl);
    await alice.getByTestId('board-title-input').fill('Plenum — temadag 1');
    await alice.getByTestId('create-board').click();
    await alice.waitForURL(/\/b\/[A-Za-z0-9_-]+$/);
    const boardUrl = alice.url();
    await connected(alice);

    await bob.goto(boardUrl);
    await connected(bob);

    await alice.getByTestId('add-note').click();
    const text = alice.getByTestId('note-text').first();
    await text.waitFor();
    await text.click();
    await text.pressSequentially('Én indgang for virksomheder');
    await noteWithText(bob, 'Én indgang for virksomheder');

    // Bob answers on the same note; Alice sees his words appear.
    const bobsText = bob.getByTestId('note-text').first();
    await bobsText.click();
    await bobsText.press('End');
    await bobsText.pressSequentially(' — og kortere svartid');
    await noteWithText(alice, 'Én indgang for virksomheder — og kortere svartid');

    await samle.restart();
    // Bob's page reconnects by itself.
    await connected(bob);

    // A third person, after the restart, gets the note from the server (not from anyone's memory).
    const carol = await (await personContext(browser, 'Carol')).newPage();
    await carol.goto(samle.baseUrl);
    await carol.getByTestId('board-link').filter({ hasText: 'Plenum — temadag 1' }).click();
    await connected(carol);
    await noteWithText(carol, 'Én indgang for virksomheder — og kortere svartid');
    expect(await carol.getByTestId('note').count()).toBe(1);
  });
});
