import { CSRF_HEADER, createCluster, createNote, notesOf, setNoteCluster, type WorkshopDetail } from '@samle/shared';
import type { Page, WebSocket } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardDoc, untilDoc } from '../support/boardState.js';
import { joinByCode, signUpFirstFacilitator, workshopWithOpenDay } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

interface Tables {
  page: Page;
  workshopId: string;
  workshopUrl: string;
  /** The two table boards of employee day 1, with their table names. */
  tables: Array<{ boardId: string; name: string }>;
  /** Employee day 1's join code. */
  code: string;
}

async function api<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const url = new URL(path, suite.samle().baseUrl).toString();
  const response =
    method === 'GET'
      ? await page.request.get(url)
      : await page.request.post(url, { data: data ?? {}, headers: { [CSRF_HEADER]: '1' } });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

let signedUp = false;

/** A facilitator with a workshop whose employee day 1 is open, split into two tables with group work open. */
async function workshopWithTables(title: string): Promise<Tables> {
  const base = suite.samle().baseUrl;
  const page = await suite.person('Freja');
  if (!signedUp) {
    await signUpFirstFacilitator(page, base);
    signedUp = true;
  } else {
    await page.goto(base);
    await page.getByTestId('signin-email').fill('freja@example.dk');
    await page.getByTestId('signin-password').fill('et langt kodeord');
    await page.getByTestId('signin-submit').click();
  }
  const { workshopUrl, code } = await workshopWithOpenDay(page, title);
  const workshopId = new URL(workshopUrl).pathname.split('/')[2] ?? '';
  const detail = await api<WorkshopDetail>(page, 'GET', `/api/workshops/${workshopId}`);
  const day1 = detail.sessions.find((s) => s.kind === 'employee_day');
  if (!day1) throw new Error('template without an employee day');
  await api(page, 'POST', `/api/sessions/${day1.id}/groups/split`, { count: 2, by: 'random' });
  const session = await api<WorkshopDetail['sessions'][number]>(page, 'POST', `/api/sessions/${day1.id}/group-work`, {
    open: true,
  });
  const tables = session.groups.map((group) => ({ boardId: group.boardId ?? '', name: group.name }));
  return { page, workshopId, workshopUrl, tables, code };
}

/** Writes notes (and themes) onto a board as the server stores them, like people at the table would. */
async function onBoard(boardId: string, write: (doc: import('yjs').Doc) => void): Promise<void> {
  const board = await boardDoc(suite.samle(), boardId, 'write');
  try {
    write(board.doc);
    // A second client sees the change once the server has stored it.
    const reader = await boardDoc(suite.samle(), boardId);
    const ids = [...notesOf(board.doc).keys()].sort().join();
    await untilDoc(reader.doc, (doc) => [...notesOf(doc).keys()].sort().join() === ids);
    reader.close();
  } finally {
    board.close();
  }
}

describe('a board opened at one note', () => {
  it('centres and highlights the note, and says so when the note has been deleted since it was gathered', async () => {
    const { page, tables } = await workshopWithTables('Tråde');
    const [t1] = tables;
    if (!t1) throw new Error('no table');
    await onBoard(t1.boardId, (doc) => {
      for (let i = 0; i < 12; i++) {
        createNote(doc, { id: `far-${i}`, x: i * 260, y: 0, text: `Post-it ${i}`, createdAt: i });
      }
      createNote(doc, { id: 'target', x: 4200, y: 2600, text: 'Én indgang', authorName: 'Ada', createdAt: 20 });
      createCluster(doc, { id: 'c1', x: 4180, y: 2540, title: 'Adgang', createdAt: 21 });
      setNoteCluster(doc, 'target', 'c1');
    });

    await page.goto(`${suite.samle().baseUrl}/b/${t1.boardId}?note=target`);
    const note = page.locator('[data-testid="note"][data-note-id="target"]');
    await note.and(page.locator('[data-highlighted]')).waitFor();
    // It has keyboard focus and sits in the middle of the canvas.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-note-id') === 'target');
    const canvas = await page.getByTestId('board-canvas').boundingBox();
    const box = await note.boundingBox();
    if (!canvas || !box) throw new Error('canvas or note not visible');
    expect(Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(4);
    expect(Math.abs(box.y + box.height / 2 - (canvas.y + canvas.height / 2))).toBeLessThan(4);
    expect(await page.getByTestId('note-deleted-banner').count()).toBe(0);
    // The ring fades after a few seconds.
    await page.locator('[data-note-id="target"]:not([data-highlighted])').waitFor();

    await onBoard(t1.boardId, (doc) => notesOf(doc).delete('target'));
    await page.goto(`${suite.samle().baseUrl}/b/${t1.boardId}?note=target`);
    const banner = page.getByTestId('note-deleted-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('slettet');
    // The rest of the board still opens.
    await page.locator('[data-testid="note"][data-note-id="far-0"]').waitFor({ state: 'attached' });
  });
});

describe('the idea catalog', () => {
  it('merges two gathered ideas in the UI, shows both ideas’ sources with their tables, edits a description live, and links sources to their notes', async () => {
    const { page, workshopId, tables } = await workshopWithTables('Katalog');
    const [t1, t2] = tables;
    if (!t1 || !t2) throw new Error('two tables expected');
    await onBoard(t1.boardId, (doc) => {
      createNote(doc, { id: 'n1', x: 0, y: 0, text: 'Én indgang', authorName: 'Ada', createdAt: 1 });
    });
    await onBoard(t2.boardId, (doc) => {
      createNote(doc, { id: 'n2', x: 0, y: 0, text: 'Én kontaktperson', authorName: 'Bo', createdAt: 2 });
      createCluster(doc, { id: 'c1', x: 300, y: 0, title: 'Svartider', createdAt: 3 });
      createNote(doc, { id: 'n3', x: 320, y: 60, text: 'Svar inden 24 timer', createdAt: 4 });
      createNote(doc, { id: 'n4', x: 320, y: 260, text: 'Status online', createdAt: 5 });
      setNoteCluster(doc, 'n3', 'c1');
      setNoteCluster(doc, 'n4', 'c1');
    });
    const gather = `/api/workshops/${workshopId}/catalog/gather`;
    const entry = await api<{ ideaId: string }>(page, 'POST', gather, {
      title: 'Én indgang for virksomheder',
      sources: [
        { boardId: t1.boardId, noteIds: ['n1'] },
        { boardId: t2.boardId, noteIds: ['n2'] },
      ],
    });
    const replies = await api<{ ideaId: string }>(page, 'POST', gather, {
      title: 'Hurtigere svar',
      sources: [{ boardId: t2.boardId, clusterIds: ['c1'] }],
    });

    // The facilitator merges "Hurtigere svar" into "Én indgang" from the catalog page.
    const catalogUrl = `${suite.samle().baseUrl}/w/${workshopId}/catalog`;
    await page.goto(catalogUrl);
    await page.getByTestId('idea-row').nth(1).waitFor();
    expect(await page.getByTestId('idea-title').allTextContents()).toEqual([
      'Én indgang for virksomheder',
      'Hurtigere svar',
    ]);
    // Reordering by dragging the second idea's handle onto the first.
    const handle = await page.getByTestId('idea-drag').nth(1).boundingBox();
    const target = await page.getByTestId('idea-row').first().boundingBox();
    if (!handle || !target) throw new Error('rows not visible');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2, target.y + 8, { steps: 12 });
    await page.mouse.up();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="idea-title"]')?.textContent === 'Hurtigere svar',
    );
    // And back from the keyboard: Alt+↓ on the first idea moves it down.
    await page.getByTestId('idea-open').first().focus();
    await page.keyboard.press('Alt+ArrowDown');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="idea-title"]')?.textContent === 'Én indgang for virksomheder',
    );
    await page.locator(`[data-testid="idea-row"][data-idea-id="${entry.ideaId}"] [data-testid="idea-open"]`).click();
    await page.getByTestId('merge-pick').selectOption(replies.ideaId);
    await page.getByTestId('merge-submit').click();
    await page.getByTestId('merge-confirm').click();
    await page.locator('[data-testid="idea-row"]').nth(1).waitFor({ state: 'detached' });
    const sources = page.getByTestId('idea-source');
    await sources.nth(3).waitFor();
    const rows = await sources.evaluateAll((items) =>
      items.map((item) => [
        item.getAttribute('data-note-id'),
        item.querySelector('[data-testid="source-table"]')?.textContent ?? '',
      ]),
    );
    expect(rows).toEqual([
      ['n1', t1.name],
      ['n2', t2.name],
      ['n3', t2.name],
      ['n4', t2.name],
    ]);

    // A leader writes the description in their own browser; the facilitator sees it as it is typed.
    const invite = await api<{ path: string }>(page, 'POST', `/api/workshops/${workshopId}/invites`, {
      role: 'leader',
    });
    const leader = await suite.person('Dorthe');
    await leader.goto(`${suite.samle().baseUrl}${invite.path}`);
    await leader.getByTestId('invite-name-input').fill('Direktør Dorthe');
    await leader.getByTestId('invite-submit').click();
    await leader.waitForURL(/\/w\//);
    await leader.goto(`${catalogUrl}?idea=${entry.ideaId}`);
    const leaderEditor = leader.getByTestId('idea-description');
    await leader.locator('.description-shell[data-synced]').waitFor();
    await leaderEditor.click();
    await leader.keyboard.type('Én telefon og én mail for alle virksomheder.');
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="idea-description"]')
          ?.textContent?.includes('Én telefon og én mail for alle virksomheder.') === true,
    );

    // A source's link opens its board with the note centred and ringed.
    await page.locator('[data-testid="idea-source"][data-note-id="n1"] [data-testid="source-link"]').click();
    await page.waitForURL(/\/b\/.+\?note=n1/);
    await page.locator('[data-testid="note"][data-note-id="n1"][data-highlighted]').waitFor();

    // A note deleted on its board after it was gathered: the catalog says so, and its link says so too.
    await onBoard(t2.boardId, (doc) => notesOf(doc).delete('n4'));
    await page.goto(`${catalogUrl}?idea=${entry.ideaId}`);
    const gone = page.locator('[data-testid="idea-source"][data-note-id="n4"]');
    await gone.getByTestId('source-deleted').waitFor();
    expect(await gone.getAttribute('data-state')).toBe('deleted');
    expect(await gone.getByTestId('source-text').textContent()).toBe('Status online');
    await gone.getByTestId('source-link').click();
    await page.getByTestId('note-deleted-banner').waitFor();
  });
});

describe('opening the idea catalog', () => {
  it('syncs the catalog while the workshop is still being asked for, over the one connection the page then uses', async () => {
    const { page, workshopId, tables } = await workshopWithTables('Hurtigt katalog');
    const [t1] = tables;
    if (!t1) throw new Error('no table');
    await onBoard(t1.boardId, (doc) => {
      createNote(doc, { id: 'n1', x: 0, y: 0, text: 'Én indgang', authorName: 'Ada', createdAt: 1 });
    });
    await api(page, 'POST', `/api/workshops/${workshopId}/catalog/gather`, {
      title: 'Én indgang for virksomheder',
      sources: [{ boardId: t1.boardId, noteIds: ['n1'] }],
    });

    // The workshop's answer is held back until the catalog's connection has had the server's first message:
    // the page opened that connection without waiting for the workshop (before, this open never finished).
    const sockets: WebSocket[] = [];
    const synced = new Promise<void>((resolve) => {
      page.on('websocket', (socket) => {
        if (!socket.url().endsWith(`/sync/${workshopId}-catalog`)) return;
        sockets.push(socket);
        socket.once('framereceived', () => resolve());
      });
    });
    await page.route(`**/api/workshops/${workshopId}`, async (route) => {
      await synced;
      await route.continue();
    });
    await page.goto(`${suite.samle().baseUrl}/w/${workshopId}/catalog`);
    await page.getByTestId('idea-title').getByText('Én indgang for virksomheder').waitFor();
    await page.getByTestId('catalog-sync').and(page.locator('[data-state="connected"]')).waitFor();
    expect(sockets).toHaveLength(1);
    expect(sockets[0]?.isClosed()).toBe(false);
    await page.unroute(`**/api/workshops/${workshopId}`);
  });

  it('shows a participant that the catalog is not theirs, lists none of its ideas and leaves no connection to it open', async () => {
    const { page, workshopId, tables, code } = await workshopWithTables('Lukket katalog');
    const [t1] = tables;
    if (!t1) throw new Error('no table');
    await onBoard(t1.boardId, (doc) => {
      createNote(doc, { id: 'n1', x: 0, y: 0, text: 'Kun for ledere', createdAt: 1 });
    });
    await api(page, 'POST', `/api/workshops/${workshopId}/catalog/gather`, {
      title: 'Kun for ledere',
      sources: [{ boardId: t1.boardId, noteIds: ['n1'] }],
    });

    const participant = await suite.person('Pia');
    await joinByCode(participant, suite.samle().baseUrl, code, 'Pia');
    const sockets: WebSocket[] = [];
    participant.on('websocket', (socket) => {
      if (socket.url().endsWith(`/sync/${workshopId}-catalog`)) sockets.push(socket);
    });
    await participant.goto(`${suite.samle().baseUrl}/w/${workshopId}/catalog`);
    await participant.getByTestId('catalog-no-access').waitFor();
    expect(await participant.getByTestId('idea-row').count()).toBe(0);
    // A connection opened ahead of the page (with the participant's grant) is refused or closed, never kept.
    for (const socket of sockets) {
      if (!socket.isClosed()) await socket.waitForEvent('close');
    }
    expect(sockets.every((socket) => socket.isClosed())).toBe(true);
  });
});
