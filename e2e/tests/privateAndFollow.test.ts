import type { Page, WebSocket as PageSocket } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connected, joinByCode, noteWithText, signUpFirstFacilitator, workshopWithOpenDay } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

const person = suite.person;

/** Every frame the page's WebSockets receive, decoded loosely as text: what reached this browser. */
function recordTraffic(page: Page): () => string {
  const frames: string[] = [];
  page.on('websocket', (socket: PageSocket) => {
    socket.on('framereceived', (frame) => {
      frames.push(typeof frame.payload === 'string' ? frame.payload : Buffer.from(frame.payload).toString('utf8'));
    });
  });
  return () => frames.join('\n');
}

async function plenumOf(facilitator: Page): Promise<string> {
  return (await facilitator
    .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
    .getAttribute('data-board-id')) as string;
}

describe('private writing and follow mode in the browser', () => {
  it("keeps a participant's draft out of another participant's page and traffic until the reveal", async () => {
    const facilitator = await person('Freja');
    await signUpFirstFacilitator(facilitator, suite.samle().baseUrl);
    const { code } = await workshopWithOpenDay(facilitator, 'Privat skrivning');
    const boardUrl = `${suite.samle().baseUrl}/b/${await plenumOf(facilitator)}`;
    await facilitator.goto(boardUrl);
    await connected(facilitator);

    const ada = await person('Ada');
    const bo = await person('Bo');
    const bosTraffic = recordTraffic(bo);
    await joinByCode(ada, suite.samle().baseUrl, code, 'Ada');
    await joinByCode(bo, suite.samle().baseUrl, code, 'Bo');
    await connected(ada);
    await connected(bo);

    await facilitator.getByTestId('private-writing-toggle').click();
    await ada.getByTestId('private-writing-banner').waitFor();
    await bo.getByTestId('private-writing-banner').waitFor();

    await ada.getByTestId('add-note').click();
    const draft = ada.getByTestId('draft-note').first();
    await draft.waitFor();
    await draft.getByTestId('note-text').click();
    await draft.getByTestId('note-text').pressSequentially('Adas private tanke');
    await noteWithText(ada, 'Adas private tanke');

    // Bo's page, and everything his browser received, hold nothing of it.
    const bosPageText = async () =>
      bo.evaluate(
        () =>
          [...document.querySelectorAll<HTMLTextAreaElement>('textarea')].map((t) => t.value).join('|') +
          document.body.textContent,
      );
    expect(await bosPageText()).not.toContain('private tanke');
    expect(bosTraffic()).not.toContain('private tanke');

    await facilitator.getByTestId('private-writing-reveal').click();
    await noteWithText(bo, 'Adas private tanke');
    await noteWithText(facilitator, 'Adas private tanke');
    expect(await bo.getByTestId('private-writing-banner').count()).toBe(0);
    // Ada's own page shows her revealed note once, as a board note: no draft is left behind in it.
    await noteWithText(ada, 'Adas private tanke');
    await ada.waitForFunction(() => document.querySelectorAll('[data-testid="draft-note"]').length === 0);
  });

  it("moves a follower's view with the facilitator's", async () => {
    const facilitator = await person('Freja 2');
    // The first test's facilitator account exists: sign in with it.
    await facilitator.goto(suite.samle().baseUrl);
    await facilitator.getByTestId('signin-email').fill('freja@example.dk');
    await facilitator.getByTestId('signin-password').fill('et langt kodeord');
    await facilitator.getByTestId('signin-submit').click();
    await facilitator.getByTestId('workshop-link').first().click();
    await facilitator.getByTestId('session-tab').nth(1).click();
    const code = (await facilitator.getByTestId('join-code').textContent())?.replace(/\s/g, '') ?? '';
    await facilitator.goto(`${suite.samle().baseUrl}/b/${await plenumOf(facilitator)}`);
    await connected(facilitator);

    const cai = await person('Cai');
    await joinByCode(cai, suite.samle().baseUrl, code, 'Cai');
    await connected(cai);
    const canvasTransform = (page: Page) =>
      page.evaluate(() => {
        const layer = document.querySelector<HTMLElement>('[data-testid="board-canvas"] [style*="transform"]');
        return layer?.style.transform ?? '';
      });
    const before = await canvasTransform(cai);

    await facilitator.getByTestId('follow-toggle').click();
    await cai.getByTestId('following-badge').waitFor();
    // The facilitator pans with the keyboard; the follower's view moves too.
    await facilitator.getByTestId('board-canvas').click({ position: { x: 30, y: 30 } });
    // The follow button had the focus; a click on the canvas takes it, so the board's keys apply.
    await facilitator.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'board-canvas');
    const facilitatorBefore = await canvasTransform(facilitator);
    for (let i = 0; i < 5; i++) await facilitator.keyboard.press('ArrowRight');
    // On a loaded machine a key press can land before the canvas has the focus: pan on until
    // the facilitator's own view has moved, then the follower's must follow.
    await expect
      .poll(async () => {
        const moved = (await canvasTransform(facilitator)) !== facilitatorBefore;
        if (!moved) await facilitator.keyboard.press('ArrowRight');
        return moved;
      })
      .toBe(true);
    await cai.waitForFunction((initial) => {
      const layer = document.querySelector<HTMLElement>('[data-testid="board-canvas"] [style*="transform"]');
      return (layer?.style.transform ?? '') !== initial;
    }, before);
    expect(await canvasTransform(cai)).not.toBe(before);
  });
});
