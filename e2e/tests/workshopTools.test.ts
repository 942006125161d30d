import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connected, joinByCode, signUpFirstFacilitator, workshopWithOpenDay } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

interface Room {
  facilitator: Page;
  workshopUrl: string;
  participants: Page[];
}

/** A facilitator with a workshop whose first employee day is open, and three participants who joined by code. */
async function room(title: string): Promise<Room> {
  const base = suite.samle().baseUrl;
  const facilitator = await suite.person('Freja');
  await facilitator.goto(base);
  // The first test creates the account; later ones sign in.
  await facilitator.locator('[data-testid="signup-name"], [data-testid="signin-email"]').first().waitFor();
  if (await facilitator.getByTestId('signup-name').count()) {
    await signUpFirstFacilitator(facilitator, base);
  } else {
    await facilitator.getByTestId('signin-email').fill('freja@example.dk');
    await facilitator.getByTestId('signin-password').fill('et langt kodeord');
    await facilitator.getByTestId('signin-submit').click();
  }
  const { workshopUrl, code } = await workshopWithOpenDay(facilitator, title);
  const participants: Page[] = [];
  for (const name of ['Ada', 'Bo', 'Cai']) {
    const page = await suite.person(name);
    await joinByCode(page, base, code, name);
    participants.push(page);
  }
  return { facilitator, workshopUrl, participants };
}

async function leaderFor(room: Room): Promise<Page> {
  await room.facilitator.goto(room.workshopUrl);
  await room.facilitator.getByTestId('invite-leader').click();
  const url = (await room.facilitator.getByTestId('invite-url').textContent())?.trim() ?? '';
  const leader = await suite.person('Dorthe');
  await leader.goto(url);
  await leader.getByTestId('invite-name-input').fill('Direktør Dorthe');
  await leader.getByTestId('invite-submit').click();
  await leader.waitForURL(/\/w\//);
  return leader;
}

describe('between and after the sessions', () => {
  it('a question is supported by two others, answered by a leader, and shown answered with its response time to everyone, live', async () => {
    const r = await room('Spørgsmål');
    const [ada, bo, cai] = r.participants as [Page, Page, Page];
    const leader = await leaderFor(r);
    const questionsUrl = `${r.workshopUrl}/questions`;
    for (const page of [ada, bo, cai, leader]) await page.goto(questionsUrl);

    await ada.getByTestId('question-text').fill('Må vi selv aftale møder med virksomhederne?');
    await ada.getByTestId('question-anonymous').check();
    await ada.getByTestId('question-submit').click();
    for (const page of [bo, cai]) {
      const question = page.getByTestId('question').first();
      await question.waitFor();
      await question.getByTestId('question-support').click();
    }
    await ada.getByTestId('question-supports').filter({ hasText: '2' }).waitFor();

    const asked = leader.getByTestId('question').first();
    await asked.getByTestId('question-answer-input').fill('Ja — fra næste måned.');
    await asked.getByTestId('question-answer-submit').click();
    for (const page of [ada, bo, cai]) {
      const shown = page.locator('[data-testid="question"][data-status="answered"]');
      await shown.waitFor();
      expect(await shown.getByTestId('question-answer').textContent()).toContain('Ja — fra næste måned.');
      expect(Number(await shown.getByTestId('question-response-time').getAttribute('data-ms'))).toBeGreaterThanOrEqual(
        0,
      );
      // Anonymous: Ada's name is nowhere on the others' pages.
      if (page !== ada) expect(await page.getByTestId('question').first().textContent()).not.toContain('Ada');
    }
  });

  it('an evaluation filled by three participants gives the right aggregate and CSV', async () => {
    const r = await room('Evaluering');
    await r.facilitator.goto(`${r.workshopUrl}/evaluation`);
    await r.facilitator.getByTestId('evaluation-open-submit').click();
    await r.facilitator.getByTestId('evaluation-results').waitFor();
    const ratings = [
      [5, 4, 3],
      [4, 4, 2],
      [3, 1, 4],
    ];
    for (const [index, page] of r.participants.entries()) {
      await page.goto(`${r.workshopUrl}/evaluation`);
      const groups = page.getByTestId('evaluation-rating');
      await groups.first().waitFor();
      const values = ratings[index] ?? [];
      for (let g = 0; g < (await groups.count()); g++) {
        await groups
          .nth(g)
          .locator(`input[value="${values[g] ?? 3}"]`)
          .check();
      }
      await page.getByTestId('evaluation-submit').click();
      await page.getByTestId('evaluation-thanks').waitFor();
    }
    await r.facilitator.getByTestId('evaluation-responses').filter({ hasText: '3' }).waitFor();
    const averages = await r.facilitator.getByTestId('evaluation-average').allTextContents();
    expect(averages.map((text) => text.replace(',', '.'))).toEqual([
      expect.stringContaining('4'),
      expect.stringContaining('3'),
      expect.stringContaining('3'),
    ]);
    const csvHref = await r.facilitator.getByTestId('evaluation-csv').getAttribute('href');
    const csv = await (
      await r.facilitator.request.get(new URL(csvHref ?? '', suite.samle().baseUrl).toString())
    ).text();
    const rows = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(rows).toHaveLength(4);
    const numbers = rows.slice(1).map((row) => row.split(',').slice(1, 4).map(Number));
    expect(numbers.map((row) => row.reduce((a, b) => a + b, 0)).sort((a, b) => a - b)).toEqual([8, 10, 12]);
    expect(csv).not.toContain('Ada');
  });

  it('keeps a reflection private, reloads and edits it offline, and shares one paragraph as an anonymous note', async () => {
    const r = await room('Refleksion');
    const base = suite.samle().baseUrl;
    const ada = r.participants[0] as Page;
    await ada.goto(`${r.workshopUrl}/reflection`);
    const editor = ada.getByTestId('reflection-editor');
    await editor.waitFor();
    await ada.locator('[data-testid="reflection-status"][data-status="saved"]').waitFor();
    await editor.click();
    await ada.keyboard.type('Jeg kan ringe tilbage samme dag.');
    await ada.locator('[data-testid="reflection-status"][data-status="saved"]').waitFor();
    await ada.reload();
    await ada.getByTestId('reflection-editor').getByText('Jeg kan ringe tilbage samme dag.').waitFor();

    // Offline: reload the page without a network (the service worker serves the app), keep writing;
    // it is saved on the device and reaches the server when the network returns.
    await ada.waitForFunction(() => navigator.serviceWorker?.controller !== null);
    await ada.context().setOffline(true);
    await ada.reload();
    await ada.getByTestId('reflection-editor').getByText('Jeg kan ringe tilbage samme dag.').waitFor();
    await ada.locator('[data-testid="reflection-status"][data-status="offline"]').waitFor();
    await ada.getByTestId('reflection-editor').click();
    await ada.keyboard.press('End');
    await ada.keyboard.press('Enter');
    await ada.keyboard.type('Og sige hvem der har sagen.');
    await ada.context().setOffline(false);
    await ada.locator('[data-testid="reflection-status"][data-status="saved"]').waitFor();
    await ada.reload();
    await ada.getByTestId('reflection-editor').getByText('Og sige hvem der har sagen.').waitFor();

    // Nobody else sees it: Bo's reflection page is his own, empty one.
    const bo = r.participants[1] as Page;
    await bo.goto(`${r.workshopUrl}/reflection`);
    await bo.getByTestId('reflection-editor').waitFor();
    expect(await bo.getByTestId('reflection-editor').textContent()).not.toContain('samme dag');

    // Share the second paragraph anonymously onto the plenum.
    await ada.getByTestId('reflection-share').nth(1).click();
    await ada.getByTestId('reflection-share-anonymous').check();
    await ada.getByTestId('reflection-share-submit').click();
    await ada.getByTestId('reflection-shared').waitFor();
    await r.facilitator.goto(r.workshopUrl);
    await r.facilitator.getByTestId('session-tab').nth(1).click();
    const plenum = await r.facilitator
      .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
      .getAttribute('data-board-id');
    await r.facilitator.goto(`${base}/b/${plenum}`);
    await connected(r.facilitator);
    await r.facilitator.waitForFunction(() =>
      [...document.querySelectorAll<HTMLTextAreaElement>('[data-testid="note-text"]')].some(
        (t) => t.value === 'Og sige hvem der har sagen.',
      ),
    );
    expect(await r.facilitator.getByTestId('note').first().textContent()).not.toContain('Ada');
  });
});
