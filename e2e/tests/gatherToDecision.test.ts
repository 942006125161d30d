import { CSRF_HEADER, createCluster, createNote, readNotes, setNoteCluster, type WorkshopDetail } from '@samle/shared';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardDoc } from '../support/boardState.js';
import { connected, joinByCode, signUpFirstFacilitator, workshopWithOpenDay, writeNote } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

/**
 * Calls the API as the person in `page`: with the facilitator's cookie, or with the
 * workshop grant a participant or leader holds in the browser (sent as a bearer
 * token, as the client does).
 */
async function api<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const response = await call(page, method, path, data);
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

async function call(page: Page, method: 'GET' | 'POST', path: string, data?: unknown) {
  const url = new URL(path, suite.samle().baseUrl).toString();
  const workshopId = /\/api\/workshops\/([^/]+)/.exec(path)?.[1];
  const token = workshopId
    ? await page.evaluate((id) => {
        const stored = window.localStorage.getItem(`samle.grant.${id}`);
        return stored ? (JSON.parse(stored) as { token: string }).token : null;
      }, workshopId)
    : null;
  const headers: Record<string, string> = { [CSRF_HEADER]: '1' };
  if (token) headers.authorization = `Bearer ${token}`;
  return method === 'GET' ? page.request.get(url, { headers }) : page.request.post(url, { data: data ?? {}, headers });
}

/** The id of the note on a board whose text is `text`, as the server stores the board. */
async function noteIdOf(boardId: string, text: string): Promise<string> {
  const board = await boardDoc(suite.samle(), boardId);
  try {
    const note = readNotes(board.doc).find((n) => n.text === text);
    if (!note) throw new Error(`no note "${text}" on ${boardId}`);
    return note.id;
  } finally {
    board.close();
  }
}

/** The text of a DOCX's body (word/document.xml), tags removed. */
function docxText(bytes: Buffer): string {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'] ?? new Uint8Array());
  return xml
    .replace(/<w:p[ >]/g, '\n$&')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

describe('from notes on two tables to a published, council-ready decision', () => {
  it('gathers, merges, decides, refuses a participant, publishes, and leads a participant back to their own note', async () => {
    const base = suite.samle().baseUrl;

    // A facilitator opens employee day 1; two participants join by code and are split over two tables.
    const facilitator = await suite.person('Freja');
    await signUpFirstFacilitator(facilitator, base);
    const { workshopUrl, code } = await workshopWithOpenDay(facilitator, 'Borgerservice 2027');
    const workshopId = new URL(workshopUrl).pathname.split('/')[2] ?? '';
    const ada = await suite.person('Ada');
    await joinByCode(ada, base, code, 'Ada');
    const bo = await suite.person('Bo');
    await joinByCode(bo, base, code, 'Bo');
    const day = (await api<WorkshopDetail>(facilitator, 'GET', `/api/workshops/${workshopId}`)).sessions.find(
      (s) => s.kind === 'employee_day',
    );
    if (!day) throw new Error('template without an employee day');
    await api(facilitator, 'POST', `/api/sessions/${day.id}/groups/split`, { count: 2, by: 'random' });
    const session = await api<WorkshopDetail['sessions'][number]>(
      facilitator,
      'POST',
      `/api/sessions/${day.id}/group-work`,
      { open: true },
    );
    const personOf = async (page: Page) =>
      (await api<WorkshopDetail>(page, 'GET', `/api/workshops/${workshopId}`)).personId ?? '';
    const tableOf = async (page: Page) => {
      const personId = await personOf(page);
      const group = session.groups.find((g) => g.memberIds.includes(personId));
      if (!group?.boardId) throw new Error('a participant without a table');
      return { boardId: group.boardId, name: group.name };
    };
    const adaTable = await tableOf(ada);
    const boTable = await tableOf(bo);
    expect(adaTable.boardId).not.toBe(boTable.boardId);

    // Each writes a note at their own table, in the browser.
    const adaText = 'Én indgang for alle borgerhenvendelser';
    const boText = 'Fælles borgerindgang på telefon og mail';
    await ada.goto(`${base}/b/${adaTable.boardId}`);
    await connected(ada);
    await writeNote(ada, adaText);
    await bo.goto(`${base}/b/${boTable.boardId}`);
    await connected(bo);
    await writeNote(bo, boText);
    const adaNote = await noteIdOf(adaTable.boardId, adaText);
    const boNote = await noteIdOf(boTable.boardId, boText);

    // Bo's table has also grouped two notes into a theme.
    const theme = await boardDoc(suite.samle(), boTable.boardId, 'write');
    try {
      createCluster(theme.doc, { id: 'svar', x: 600, y: 80, title: 'Hurtige svar', createdAt: Date.now() });
      for (const [id, text] of [
        ['s1', 'Svar inden for to dage'],
        ['s2', 'Status på sagen online'],
      ] as const) {
        createNote(theme.doc, { id, text, x: 620, y: 140 + (id === 's1' ? 0 : 120), createdAt: Date.now() });
        setNoteCluster(theme.doc, id, 'svar');
      }
    } finally {
      theme.close();
    }

    // On the synthesis view the facilitator gathers Ada's and Bo's notes into one idea…
    await facilitator.goto(`${base}/w/${workshopId}/synthesis?session=${day.id}`);
    await facilitator.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="synth-board"][data-board-kind="group"]').length === 2 &&
        [...document.querySelectorAll<HTMLElement>('[data-testid="synth-board"]')].every(
          (b) => b.dataset.status === 'ready',
        ),
    );
    const boardCard = (boardId: string) =>
      facilitator.locator(`[data-testid="synth-board"][data-board-id="${boardId}"]`);
    await boardCard(adaTable.boardId).locator(`[data-testid="synth-note"][data-note-id="${adaNote}"]`).click();
    await boardCard(boTable.boardId).locator(`[data-testid="synth-note"][data-note-id="${boNote}"]`).focus();
    await facilitator.keyboard.press('Space');
    await expect.poll(() => facilitator.getByTestId('tray-item').count()).toBe(2);
    await facilitator.getByTestId('gather-title').fill('Én borgerindgang');
    await facilitator.getByTestId('gather').click();
    await facilitator.getByTestId('gather-done').waitFor();
    await facilitator.getByTestId('tray-empty').waitFor();

    // …and the theme into another.
    await boardCard(boTable.boardId)
      .locator('[data-testid="synth-theme"][data-cluster-id="svar"] .synth-theme-head')
      .click();
    await expect.poll(() => facilitator.getByTestId('tray-item').count()).toBe(1);
    expect(await facilitator.getByTestId('gather-title').inputValue()).toBe('Hurtige svar');
    await facilitator.getByTestId('gather').click();
    await facilitator.getByTestId('tray-empty').waitFor();

    // In the catalog, "Hurtige svar" is merged into "Én borgerindgang": the sources of both stay, with their tables.
    await facilitator.goto(`${base}/w/${workshopId}/catalog`);
    await expect.poll(() => facilitator.getByTestId('idea-row').count()).toBe(2);
    const rowId = async (title: string) =>
      (await facilitator
        .getByTestId('idea-row')
        .filter({ has: facilitator.getByTestId('idea-title').getByText(title, { exact: true }) })
        .getAttribute('data-idea-id')) ?? '';
    const ideaId = await rowId('Én borgerindgang');
    const themeIdea = await rowId('Hurtige svar');
    await facilitator.locator(`[data-testid="idea-row"][data-idea-id="${ideaId}"] [data-testid="idea-open"]`).click();
    await facilitator.getByTestId('merge-pick').selectOption(themeIdea);
    await facilitator.getByTestId('merge-submit').click();
    await facilitator.getByTestId('merge-confirm').click();
    await expect.poll(() => facilitator.getByTestId('idea-row').count()).toBe(1);
    const sources = facilitator.locator('[data-testid="idea-detail"] [data-testid="idea-source"]');
    await expect.poll(() => sources.count()).toBe(4);
    const tablesShown = await sources.evaluateAll((items) =>
      items.map((item) => [
        item.getAttribute('data-note-id'),
        item.querySelector('[data-testid="source-table"]')?.textContent ?? '',
      ]),
    );
    expect(tablesShown.map(([noteId]) => noteId).sort()).toEqual([adaNote, boNote, 's1', 's2'].sort());
    for (const [noteId, table] of tablesShown) {
      expect(table).toContain(noteId === adaNote ? adaTable.name : boTable.name);
    }

    // A leader, invited by link, decides in the leader panel: city council, rank 1, March to September 2027.
    const invite = await api<{ path: string }>(facilitator, 'POST', `/api/workshops/${workshopId}/invites`, {
      role: 'leader',
    });
    const leader = await suite.person('Dorthe');
    await leader.goto(`${base}${invite.path}`);
    await leader.getByTestId('invite-name-input').fill('Direktør Dorthe');
    await leader.getByTestId('invite-submit').click();
    await leader.waitForURL(/\/w\//);
    // Ada's proposal to management is taken into the catalog by the leader, choosing among the live catalog's ideas.
    await api(ada, 'POST', `/api/workshops/${workshopId}/questions`, {
      kind: 'proposal',
      text: 'Lad borgerne ringe ét sted hen',
      anonymous: false,
    });
    await leader.goto(`${base}/w/${workshopId}/questions`);
    const proposal = leader.getByTestId('question').filter({ hasText: 'Lad borgerne ringe ét sted hen' });
    await proposal.getByTestId('question-catalog-open').click();
    const choice = proposal.getByTestId('question-link-idea');
    await expect.poll(() => choice.locator('option').allTextContents()).toEqual(['Én borgerindgang']);
    await choice.selectOption(ideaId);
    await proposal.getByTestId('question-link-submit').click();
    const linked = proposal.getByTestId('question-in-catalog');
    await linked.waitFor();
    expect(await linked.getAttribute('data-idea-id')).toBe(ideaId);
    expect(await linked.textContent()).toContain('Én borgerindgang');

    await leader.goto(`${base}/w/${workshopId}/leaders`);
    await leader.locator(`[data-testid="leader-idea"][data-idea-id="${ideaId}"]`).click();
    const editor = leader.locator(`[data-testid="assessment-editor"][data-idea-id="${ideaId}"]`);
    await editor.getByTestId('decision-council').click();
    await expect.poll(() => editor.getByTestId('decision-council').getAttribute('aria-pressed')).toBe('true');
    await editor.getByTestId('rationale-editor').click();
    await leader.keyboard.type('Kræver en ny organisering af borgerservice på tværs af forvaltninger.');
    await editor.getByTestId('save-rationale').click();
    await expect.poll(() => editor.getByTestId('save-rationale').isDisabled()).toBe(true);
    await editor.getByTestId('assessment-rank').fill('1');
    await editor.getByTestId('assessment-rank').press('Enter');
    await editor.getByTestId('assessment-start').selectOption('2027-03');
    await editor.getByTestId('assessment-end').selectOption('2027-09');
    await expect
      .poll(async () => {
        const history = await api<{ changes: Array<{ field: string; to: string | null }> }>(
          leader,
          'GET',
          `/api/workshops/${workshopId}/ideas/${ideaId}/history`,
        );
        return Object.fromEntries(history.changes.map((c) => [c.field, c.to]));
      })
      .toMatchObject({ decision: 'council', rank: '1', startMonth: '2027-03', endMonth: '2027-09' });

    // A participant trying the same through the API is refused, and nothing changes.
    const refused = await call(ada, 'POST', `/api/workshops/${workshopId}/ideas/${ideaId}/assessment`, {
      decision: 'start_now',
      rank: 7,
    });
    expect(refused.status()).toBe(403);
    expect((await call(ada, 'POST', `/api/workshops/${workshopId}/catalog/publish`)).status()).toBe(403);
    expect((await call(ada, 'GET', `/api/workshops/${workshopId}/ideas/${ideaId}/history`)).status()).toBe(403);

    // The facilitator publishes from the leader panel.
    await facilitator.goto(`${base}/w/${workshopId}/leaders`);
    await facilitator.getByTestId('unpublished-changes').waitFor();
    await facilitator.getByTestId('publish-catalog').click();
    // Publishing asks first: every participant sees it at once.
    await facilitator.getByTestId('publish-catalog-yes').click();
    await facilitator.getByTestId('published-up-to-date').waitFor();

    // Ada sees the published decision and follows the idea back to her own note.
    await ada.goto(`${base}/w/${workshopId}`);
    await ada.getByTestId('published-catalog-link').click();
    const idea = ada.locator(
      `[data-testid="catalog-group"][data-decision="council"] [data-testid="catalog-idea"][data-idea-id="${ideaId}"]`,
    );
    await idea.waitFor();
    // Where Ada's own notes are, the sources open by themselves.
    await idea.getByTestId('own-notes-count').waitFor();
    expect(await idea.getByTestId('show-sources').getAttribute('aria-expanded')).toBe('true');
    const own = idea.locator('li', { has: ada.getByTestId('your-note') });
    await expect.poll(() => own.count()).toBe(1);
    const link = own.getByTestId('provenance-link');
    expect(await link.getAttribute('data-note-id')).toBe(adaNote);
    await link.click();
    await ada.waitForURL(new RegExp(`/b/${adaTable.boardId}\\?note=${adaNote}`));
    const landed = ada.locator(`[data-testid="note"][data-note-id="${adaNote}"][data-highlighted]`);
    await landed.waitFor();
    expect(await landed.getByTestId('note-text').inputValue()).toBe(adaText);

    // The council-ready export opens and holds the decision, the rationale and the sources.
    const docx = await facilitator.request.get(`${base}/api/workshops/${workshopId}/catalog/export.docx`);
    expect(docx.ok()).toBe(true);
    const text = docxText(await docx.body());
    expect(text).toContain('Én borgerindgang');
    expect(text).toContain('Sendes til byrådsbeslutning');
    expect(text).toContain('Kræver en ny organisering af borgerservice på tværs af forvaltninger.');
    for (const sourceText of [adaText, boText, 'Svar inden for to dage', 'Status på sagen online']) {
      expect(text).toContain(sourceText);
    }
    expect(text).toContain(adaTable.name);
    expect(text).toContain(boTable.name);
  });
});
