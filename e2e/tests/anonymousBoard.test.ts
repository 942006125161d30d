import { describe, expect, it } from 'vitest';
import { connected, joinByCode, signUpFirstFacilitator, workshopWithOpenDay, writeNote } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

describe('the anonymous-board switch', () => {
  it("lets the facilitator make a board anonymous from its tools, with what it means said next to it, and the names leave everyone's notes", async () => {
    const facilitator = await suite.person('Freja');
    await signUpFirstFacilitator(facilitator, suite.samle().baseUrl);
    const { code } = await workshopWithOpenDay(facilitator, 'Anonym');
    const boardId = (await facilitator
      .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
      .getAttribute('data-board-id')) as string;
    await facilitator.goto(`${suite.samle().baseUrl}/b/${boardId}`);
    await connected(facilitator);

    const ada = await suite.person('Ada');
    await joinByCode(ada, suite.samle().baseUrl, code, 'Ada');
    await connected(ada);
    await writeNote(ada, 'Én indgang');
    await ada.keyboard.press('Escape');
    await facilitator.locator('.note-author', { hasText: 'Ada' }).waitFor();

    await facilitator.getByTestId('anonymous-settings').click();
    const panel = facilitator.getByTestId('anonymous-panel');
    await panel.waitFor();
    // The meaning is stated next to the switch, and tied to it for screen readers.
    const toggle = panel.getByTestId('anonymous-toggle');
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    const meaning = await panel.locator(`#${cssId(await toggle.getAttribute('aria-describedby'))}`).textContent();
    expect(meaning).toContain('fjernes navnene');

    await toggle.click();
    await facilitator.getByTestId('anonymous-settings').and(facilitator.locator('[data-anonymous]')).waitFor();
    // Ada's own page no longer shows her name on the note either.
    await ada.locator('.note-author').waitFor({ state: 'detached' });
    await facilitator.locator('.note-author').waitFor({ state: 'detached' });

    // A new board can be anonymous from the start: the switch on the start page says what that means.
    await facilitator.goto(suite.samle().baseUrl);
    await facilitator.getByTestId('loose-boards').click();
    await facilitator.getByTestId('board-title-input').fill('Anonym fra start');
    const atCreation = facilitator.getByTestId('create-board-anonymous');
    await atCreation.check();
    expect(await facilitator.locator('.create-anonymous').textContent()).toContain('fra første post-it');
    await facilitator.getByTestId('create-board').click();
    await facilitator.waitForURL(/\/b\//);
    await connected(facilitator);
    await facilitator.getByTestId('anonymous-settings').and(facilitator.locator('[data-anonymous]')).waitFor();
  });
});

function cssId(id: string | null): string {
  if (!id) throw new Error('the switch has no description');
  return id.replace(/:/g, '\\:');
}
