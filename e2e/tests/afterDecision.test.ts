import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connected, joinByCode, signUpFirstFacilitator, workshopWithOpenDay, writeNote } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

/** Screenshots for reading by eye (Danish UI), when SAMLE_SHOTS names a folder. */
async function shot(page: Page, name: string): Promise<void> {
  const folder = process.env.SAMLE_SHOTS;
  if (!folder) return;
  fs.mkdirSync(folder, { recursive: true });
  for (const [label, size] of [
    ['laptop', { width: 1366, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(folder, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** A call to the API from the facilitator's signed-in page (cookie and CSRF header). */
function api(page: Page, url: string, body?: unknown): Promise<{ status: number; json: unknown; text: string }> {
  return page.evaluate(
    async ([u, b]) => {
      const response = await fetch(u, {
        method: b === undefined ? 'GET' : 'POST',
        headers: { 'x-samle-csrf': '1', 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      const text = await response.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // Not JSON (Markdown, DOCX): the text is enough.
      }
      return { status: response.status, json, text };
    },
    [url, body] as const,
  );
}

describe('after the decisions', () => {
  it('a leader follows a decision up, a participant sees it live as new until seen, three participants answer a pulse, and the session report prints', async () => {
    const base = suite.samle().baseUrl;
    const facilitator = await suite.person('Freja');
    await signUpFirstFacilitator(facilitator, base);
    const { workshopUrl, code } = await workshopWithOpenDay(facilitator, 'Erhvervsservice');
    const workshopId = new URL(workshopUrl).pathname.split('/')[2] ?? '';
    // The day starts: its first agenda item runs (the report records when).
    const detail = (await api(facilitator, `/api/workshops/${workshopId}`)).json as {
      sessions: Array<{ id: string; agenda: Array<{ id: string }> }>;
    };
    const day = detail.sessions[1];
    expect(
      (await api(facilitator, `/api/sessions/${day?.id}/current-item`, { itemId: day?.agenda[0]?.id })).status,
    ).toBe(200);

    // Two notes on the plenum become two decided, published ideas.
    const ada = await suite.person('Ada');
    await joinByCode(ada, base, code, 'Ada');
    await connected(ada);
    await writeNote(ada, 'Én indgang for virksomheder');
    await ada.keyboard.press('Escape');
    await writeNote(ada, 'Svar inden 24 timer');
    await ada.keyboard.press('Escape');
    const boardId = new URL(ada.url()).pathname.split('/')[2] ?? '';
    const noteIds = await ada
      .getByTestId('note')
      .evaluateAll((notes) => notes.map((n) => n.getAttribute('data-note-id')));
    const ideaIds: string[] = [];
    for (const [index, title] of ['Én indgang', 'Hurtige svar'].entries()) {
      const gather = () =>
        api(facilitator, `/api/workshops/${workshopId}/catalog/gather`, {
          title,
          sources: [{ boardId, noteIds: [noteIds[index]] }],
        });
      // The note reaches the server a moment after it shows on Ada's screen: gather once it is there.
      let ideaId = '';
      await expect
        .poll(async () => {
          if (ideaId) return 201;
          const created = await gather();
          if (created.status === 201) ideaId = (created.json as { ideaId: string }).ideaId;
          return created.status;
        })
        .toBe(201);
      ideaIds.push(ideaId);
    }
    for (const [ideaId, decision] of [
      [ideaIds[0], 'start_now'],
      [ideaIds[1], 'council'],
    ] as const) {
      expect(
        (await api(facilitator, `/api/workshops/${workshopId}/ideas/${ideaId}/assessment`, { decision })).status,
      ).toBe(200);
    }
    expect((await api(facilitator, `/api/workshops/${workshopId}/catalog/publish`, {})).status).toBe(200);

    // Ada keeps the published decisions open.
    await ada.goto(`${workshopUrl}/published`);
    await ada.getByTestId('after-decision').waitFor();

    // A leader sets the first decision in progress, 40 %, with a milestone, from the keyboard and the form.
    await facilitator.goto(workshopUrl);
    await facilitator.getByTestId('invite-leader').click();
    const invite = (await facilitator.getByTestId('invite-url').textContent())?.trim() ?? '';
    const leader = await suite.person('Dorthe');
    await leader.goto(invite);
    await leader.getByTestId('invite-name-input').fill('Direktør Dorthe');
    await leader.getByTestId('invite-submit').click();
    await leader.waitForURL(/\/w\//);
    await leader.goto(`${workshopUrl}/published`);
    const card = leader.locator(`[data-testid="decision-follow-up"][data-idea-id="${ideaIds[0]}"]`);
    await card.getByTestId('follow-up-edit').click();
    await card.getByTestId('follow-up-status-input').selectOption('in_progress');
    await card.getByTestId('follow-up-percent-input').fill('40');
    await card.getByTestId('add-milestone').click();
    await card.getByTestId('milestone-title').fill('Fælles telefonnummer klar');
    await card.getByTestId('milestone-date').fill('2027-05-01');
    await card.getByTestId('follow-up-text').fill('Projektgruppen er nedsat');
    await card.getByTestId('follow-up-text').press('Enter');
    await card.getByTestId('follow-up-status').waitFor();

    // Live on Ada's open page, inside the decision's own card, marked as new since her last visit…
    const adaCard = ada.locator(
      `[data-testid="catalog-idea"][data-idea-id="${ideaIds[0]}"] [data-testid="decision-follow-up"][data-idea-id="${ideaIds[0]}"]`,
    );
    await adaCard.getByTestId('new-since-visit').waitFor();
    expect(await adaCard.getByTestId('follow-up-status').textContent()).toBe('I gang');
    expect(await adaCard.getByTestId('follow-up-percent').textContent()).toBe('40 % færdig');
    expect(await adaCard.getByTestId('milestone').textContent()).toContain('Fælles telefonnummer klar');
    await shot(ada, 'follow-up-timeline');
    // …until she has had it on screen: the mark goes, and stays gone when she comes back.
    await adaCard.scrollIntoViewIfNeeded();
    await ada.locator(`[data-testid="decision-follow-up"][data-idea-id="${ideaIds[0]}"][data-new="false"]`).waitFor();
    await ada.reload();
    await adaCard.getByTestId('follow-up-status').waitFor();
    expect(await adaCard.getByTestId('new-since-visit').count()).toBe(0);

    // The facilitator opens a pulse on both decisions today; Ada, Bo and Cai answer it once each.
    await facilitator.goto(`${workshopUrl}/published`);
    await facilitator.getByTestId('pulse-offset-0').check();
    await facilitator.getByTestId('pulse-offset-3').uncheck();
    await facilitator.getByTestId('pulse-offset-6').uncheck();
    await facilitator.getByTestId('pulse-schedule').click();
    const bo = await suite.person('Bo');
    await joinByCode(bo, base, code, 'Bo');
    const cai = await suite.person('Cai');
    await joinByCode(cai, base, code, 'Cai');
    const ratings: Array<[Page, [number, number], [number, number]]> = [
      [ada, [5, 4], [2, 1]],
      [bo, [4, 4], [3, 2]],
      [cai, [3, 1], [4, 3]],
    ];
    for (const [page, first, second] of ratings) {
      if (page === ada) {
        // On her home while it is open; Bo and Cai, just arrived, open the decisions page directly.
        await page.goto(workshopUrl);
        await page.getByTestId('open-pulse').getByRole('link').click();
      } else {
        await page.goto(`${workshopUrl}/published`);
      }
      const form = page.getByTestId('pulse-form');
      await form.waitFor();
      if (page === ada) await shot(ada, 'pulse-form');
      for (const [index, [happened, helped]] of [first, second].entries()) {
        const idea = form.getByTestId('pulse-idea').nth(index);
        await idea.getByTestId(`pulse-happened-${happened}`).check({ force: true });
        await idea.getByTestId(`pulse-helped-${helped}`).check({ force: true });
      }
      await form.getByTestId('pulse-send').click();
      await page.getByTestId('pulse-thanks').waitFor();
    }

    // The averages show next to each decision, and in the Markdown export.
    const results = facilitator.getByTestId('pulse-result');
    await expect
      .poll(async () => (await facilitator.getByTestId('pulse-happened').allTextContents()).join(' | '))
      .toBe('Skete det? 4 | Skete det? 3');
    expect((await facilitator.getByTestId('pulse-helped').allTextContents()).join(' | ')).toBe(
      'Hjalp det? 3 | Hjalp det? 2',
    );
    expect(await results.first().textContent()).toContain('3 svar');
    // Each decision's results sit in its own card of the published catalog.
    for (const [ideaId, happened] of [
      [ideaIds[0], 'Skete det? 4'],
      [ideaIds[1], 'Skete det? 3'],
    ] as const) {
      expect(
        await facilitator
          .locator(`[data-testid="catalog-idea"][data-idea-id="${ideaId}"] [data-testid="pulse-happened"]`)
          .textContent(),
      ).toBe(happened);
    }
    await shot(facilitator, 'pulse-results');
    // And in the leader panel, per pulse and decision.
    await leader.goto(`${workshopUrl}/leaders`);
    const panel = leader.getByTestId('pulse-results-panel');
    await panel.locator('tbody tr').first().waitFor();
    expect(await panel.locator('tbody tr').allTextContents()).toEqual(['Én indgang43', 'Hurtige svar32']);
    // Beside each decision in the panel's list: its follow-up and the pulse's averages.
    const line = (ideaId: string) => leader.locator(`[data-testid="leader-follow-up"][data-idea-id="${ideaId}"]`);
    expect(await line(ideaIds[0] ?? '').textContent()).toContain('I gang · 40 %');
    expect(await line(ideaIds[0] ?? '').textContent()).toContain('Næste: Fælles telefonnummer klar');
    expect(
      await line(ideaIds[0] ?? '')
        .getByTestId('leader-pulse')
        .textContent(),
    ).toBe('Skete det? 4 · Hjalp det? 3 (3 svar)');
    expect(
      await line(ideaIds[1] ?? '')
        .getByTestId('leader-pulse')
        .textContent(),
    ).toBe('Skete det? 3 · Hjalp det? 2 (3 svar)');
    await shot(leader, 'leader-panel-follow-up');
    const markdown = await api(facilitator, `/api/workshops/${workshopId}/catalog/export.md`);
    expect(markdown.text).toContain('Skete det? 4,00 · Hjalp det? 3,00 (3 svar)');
    expect(markdown.text).toContain('Skete det? 3,00 · Hjalp det? 2,00 (3 svar)');

    // After the day ends, the cockpit lists its report; the print view holds the day.
    await facilitator.goto(workshopUrl);
    expect((await api(facilitator, `/api/sessions/${day?.id}/end`, {})).status).toBe(200);
    await facilitator.reload();
    await facilitator.getByTestId('session-report-link').first().click();
    await facilitator.getByTestId('report-attendance').waitFor();
    expect(await facilitator.getByTestId('report-total').textContent()).toBe('3 deltagere');
    expect(await facilitator.getByTestId('report-theme').first().textContent()).toContain(
      'Én indgang for virksomheder',
    );
    await shot(facilitator, 'session-report');
    await facilitator.emulateMedia({ media: 'print' });
    await shot(facilitator, 'session-report-print');
  }, 240_000);
});
