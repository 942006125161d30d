import { catalogDocId, readIdeas, readNotes, type WorkshopDetail } from '@samle/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { boardDoc, untilDoc } from '../support/boardState.js';
import { joinByCode, signUpFirstFacilitator } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

/** What a board holds, in a form that shows any change to a note. */
async function notesOnBoard(boardId: string): Promise<string> {
  const board = await boardDoc(suite.samle(), boardId);
  try {
    return JSON.stringify(readNotes(board.doc).sort((a, b) => (a.id < b.id ? -1 : 1)));
  } finally {
    board.close();
  }
}

/**
 * The workshop's catalog doc as the facilitator may read it: a stock y-websocket
 * client sending the facilitator's session cookie (operator tokens name boards,
 * and the catalog is for facilitators and leaders only).
 */
async function catalogAs(page: Page, workshopId: string): Promise<{ doc: Y.Doc; close: () => void }> {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    `${suite.samle().baseUrl.replace('http', 'ws')}/sync`,
    catalogDocId(workshopId),
    doc,
    // biome-ignore lint/suspicious/noExplicitAny: ws's WebSocket is API-compatible with the DOM one the provider types.
    { WebSocketPolyfill: CookieSocket as any, disableBc: true },
  );
  await new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return {
    doc,
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

describe('the synthesis view', () => {
  it('gathers notes from two tables into one catalog idea with both sources, leaving the boards unchanged', async () => {
    const base = suite.samle().baseUrl;
    const page = await suite.person('Freja');
    await signUpFirstFacilitator(page, base);
    // The one-click demo: employee day 1 runs group work at two tables with notes.
    await page.getByTestId('create-demo').first().click();
    await page.waitForURL(/\/w\/[A-Za-z0-9_-]+$/);
    const workshopId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const detail = (await (await page.request.get(`${base}/api/workshops/${workshopId}`)).json()) as WorkshopDetail;
    const day = detail.sessions.find((s) => s.groups.length === 2);
    if (!day) throw new Error('the demo has no session with two tables');

    await page.getByTestId('synthesis-link').click();
    await page.waitForURL(/\/synthesis\?session=/);
    const tables = page.locator('[data-testid="synth-board"][data-board-kind="group"]');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="synth-board"][data-board-kind="group"]').length === 2 &&
        [...document.querySelectorAll<HTMLElement>('[data-testid="synth-board"]')].every(
          (b) => b.dataset.status === 'ready',
        ),
    );
    expect(await page.getByTestId('synthesis-view').getAttribute('data-session-id')).toBe(day.id);
    const t1 = (await tables.nth(0).getAttribute('data-board-id')) ?? '';
    const t2 = (await tables.nth(1).getAttribute('data-board-id')) ?? '';
    const before = [await notesOnBoard(t1), await notesOnBoard(t2)];

    // Search dims what does not match and counts the matches per board.
    await page.getByTestId('synth-search').fill('virksomhed');
    await expect.poll(() => tables.nth(1).getByTestId('synth-board-count').getAttribute('data-matches')).toBe('2');
    expect(await tables.nth(1).locator('[data-testid="synth-note"][data-dim]').count()).toBeGreaterThan(0);
    await page.getByTestId('synth-search').fill('');

    // One note on table 1 by a click, one on table 2 from the keyboard.
    const first = tables.nth(0).getByTestId('synth-note').filter({ hasText: 'Én indgang for virksomheder' });
    const second = tables.nth(1).getByTestId('synth-note').filter({ hasText: 'Fælles kalender' });
    await first.click();
    await second.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('tray-item').count()).toBe(2);
    // The arrow keys move between boards: left from table 2 lands on table 1.
    await page.keyboard.press('ArrowLeft');
    expect(
      await page.evaluate(
        () => document.activeElement?.closest<HTMLElement>('[data-testid="synth-board"]')?.dataset.boardId,
      ),
    ).toBe(t1);
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    expect(await second.getAttribute('aria-pressed')).toBe('true');

    await page.getByTestId('gather-title').fill('Én indgang og fælles besøg');
    await page.getByTestId('gather').click();
    await page.getByTestId('gather-done').waitFor();
    await page.getByTestId('tray-empty').waitFor();
    expect(await page.getByTestId('catalog-link').getAttribute('href')).toBe(`/w/${workshopId}/catalog`);
    // Both notes now say they are in the catalog.
    await first.getByTestId('in-catalog').waitFor();
    await second.getByTestId('in-catalog').waitFor();

    const catalog = await catalogAs(page, workshopId);
    try {
      await untilDoc(catalog.doc, (doc) => readIdeas(doc).some((idea) => idea.title === 'Én indgang og fælles besøg'));
      const idea = readIdeas(catalog.doc).find((i) => i.title === 'Én indgang og fælles besøg');
      const names = new Map(day.groups.map((g) => [g.boardId, g.name]));
      expect(
        idea?.provenance.map((s) => ({
          boardId: s.boardId,
          text: s.text,
          tableName: s.tableName,
          sessionId: s.sessionId,
        })),
      ).toEqual([
        { boardId: t1, text: 'Én indgang for virksomheder', tableName: names.get(t1), sessionId: day.id },
        {
          boardId: t2,
          text: 'Fælles kalender for besøg hos virksomheder',
          tableName: names.get(t2),
          sessionId: day.id,
        },
      ]);
      expect(names.get(t1)).toBeTruthy();
      expect(names.get(t2)).not.toBe(names.get(t1));
    } finally {
      catalog.close();
    }
    // The originals stay where they were, unchanged.
    expect([await notesOnBoard(t1), await notesOnBoard(t2)]).toEqual(before);
  });

  it('fits a phone: boards above the selection tray, not over it, and an idea’s sources get the width; a participant gets no session picker', async () => {
    const base = suite.samle().baseUrl;
    const page = await suite.person('Freja');
    // The facilitator from the first test (or the first one here, when run alone).
    await page.goto(base);
    await page.waitForSelector('[data-testid="signup-submit"], [data-testid="signin-submit"]');
    if (await page.getByTestId('signup-submit').count()) await signUpFirstFacilitator(page, base);
    else {
      await page.getByTestId('signin-email').fill('freja@example.dk');
      await page.getByTestId('signin-password').fill('et langt kodeord');
      await page.getByTestId('signin-submit').click();
    }
    await page.getByTestId('create-demo').first().click();
    await page.waitForURL(/\/w\/[A-Za-z0-9_-]+$/);
    const workshopId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await page.setViewportSize({ width: 390, height: 844 });

    await page.getByTestId('synthesis-link').click();
    await page.waitForSelector('[data-testid="synth-board"][data-status="ready"]');
    await page.getByTestId('synth-note').first().click();
    await page.getByTestId('tray-item').first().waitFor();
    const boards = await page.locator('.synth-boards').boundingBox();
    const tray = await page.getByTestId('selection-tray').boundingBox();
    if (!boards || !tray) throw new Error('no boards or tray on screen');
    // The tray starts below the boards (the whole page scrolls), and the boards are tall enough to read.
    expect(tray.y).toBeGreaterThanOrEqual(boards.y + boards.height);
    expect(boards.height).toBeGreaterThan(400);
    // Nothing of a board is painted over the tray's gather button.
    await page.getByTestId('gather').scrollIntoViewIfNeeded();
    const gather = await page.getByTestId('gather').boundingBox();
    if (!gather) throw new Error('no gather button');
    expect(
      await page.evaluate(
        ({ x, y }) => Boolean(document.elementFromPoint(x, y)?.closest('[data-testid="selection-tray"]')),
        { x: gather.x + gather.width / 2, y: gather.y + gather.height / 2 },
      ),
    ).toBe(true);

    // A participant of the workshop who opens the synthesis address is told it is not for them,
    // without a session picker or a big-screen button that lead nowhere.
    const day = (
      (await (await page.request.get(`${base}/api/workshops/${workshopId}`)).json()) as WorkshopDetail
    ).sessions.find((s) => s.status === 'open' && s.joinCode);
    if (!day?.joinCode) throw new Error('the demo has no open session');
    const participant = await suite.person('Pelle');
    await joinByCode(participant, base, day.joinCode, 'Pelle Deltager');
    // The demo's day is running an agenda item: a participant who just joined is first taken
    // to where the room is (once per item). Only then do they open the synthesis address.
    await participant.getByTestId('room-banner').waitFor();
    await participant.goto(`${base}/w/${workshopId}/synthesis`);
    await participant.getByTestId('synth-not-for-role').waitFor();
    expect(await participant.getByTestId('synth-session').count()).toBe(0);
    expect(await participant.getByTestId('synth-screen-link').count()).toBe(0);

    await page.goto(`${base}/w/${workshopId}/catalog`);
    await page.getByTestId('idea-open').first().click();
    const texts = page.getByTestId('source-text');
    await texts.first().waitFor();
    for (const box of await Promise.all((await texts.all()).map((t) => t.boundingBox()))) {
      // A source's text is not squeezed beside its link (it wrapped a word a line).
      expect(box?.width ?? 0).toBeGreaterThan(250);
    }
  });

  it('tells whoever has an idea open when someone else merges it away or deletes it, and leads to the survivor', async () => {
    const base = suite.samle().baseUrl;
    const page = await suite.person('Freja');
    await page.goto(base);
    await page.waitForSelector('[data-testid="signup-submit"], [data-testid="signin-submit"]');
    if (await page.getByTestId('signup-submit').count()) await signUpFirstFacilitator(page, base);
    else {
      await page.getByTestId('signin-email').fill('freja@example.dk');
      await page.getByTestId('signin-password').fill('et langt kodeord');
      await page.getByTestId('signin-submit').click();
    }
    await page.getByTestId('create-demo').first().click();
    await page.waitForURL(/\/w\/[A-Za-z0-9_-]+$/);
    const workshopId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await page.goto(`${base}/w/${workshopId}/catalog`);
    const rows = page.getByTestId('idea-row');
    await rows.first().waitFor();
    const [intoId, fromId] = await rows.evaluateAll((all) => all.slice(0, 2).map((r) => r.dataset.ideaId ?? ''));
    const intoTitle = (await rows.first().getByTestId('idea-title').textContent()) ?? '';
    await rows.nth(1).getByTestId('idea-open').click();
    await page.getByTestId('idea-detail').waitFor();

    // Someone else (here: the API) merges the open idea into the first.
    const merged = await page.request.post(`${base}/api/workshops/${workshopId}/catalog/merge`, {
      data: { intoId, fromId },
      headers: { 'x-samle-csrf': '1' },
    });
    expect(merged.status()).toBe(200);
    const gone = page.getByTestId('idea-gone');
    await gone.waitFor();
    expect(await gone.textContent()).toContain(intoTitle);
    await page.getByTestId('idea-gone-open').click();
    await expect.poll(() => page.getByTestId('idea-detail').getAttribute('data-idea-id')).toBe(intoId);

    // And deleted while open.
    const deleted = await page.request.post(`${base}/api/workshops/${workshopId}/catalog/ideas/${intoId}/delete`, {
      data: {},
      headers: { 'x-samle-csrf': '1' },
    });
    expect(deleted.status()).toBe(200);
    await page.getByTestId('idea-gone').waitFor();
    expect(await page.getByTestId('idea-gone-open').count()).toBe(0);
  });
});
