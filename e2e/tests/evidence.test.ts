import { CSRF_HEADER, createNote, publishedDocId, type WorkshopDetail } from '@samle/shared';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { boardDoc } from '../support/boardState.js';
import { screenshot } from '../support/devices.js';
import { joinByCode, signUpFirstFacilitator, workshopWithOpenDay } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

/** Calls the API as the person in `page`: the facilitator's cookie, or the grant a participant or leader holds. */
async function call(page: Page, method: 'GET' | 'POST', urlPath: string, data?: unknown) {
  const url = new URL(urlPath, suite.samle().baseUrl).toString();
  const workshopId = /\/api\/workshops\/([^/]+)/.exec(urlPath)?.[1] ?? grantWorkshop;
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

let grantWorkshop: string | undefined;

async function api<T>(page: Page, method: 'GET' | 'POST', urlPath: string, data?: unknown): Promise<T> {
  const response = await call(page, method, urlPath, data);
  if (!response.ok()) throw new Error(`${method} ${urlPath}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The published doc as a participant's stock y-websocket client receives it, as bytes read as text. */
async function publishedBytes(page: Page, workshopId: string): Promise<string> {
  const token = await page.evaluate((id) => {
    const stored = window.localStorage.getItem(`samle.grant.${id}`);
    return stored ? (JSON.parse(stored) as { token: string }).token : '';
  }, workshopId);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    `${suite.samle().baseUrl.replace('http', 'ws')}/sync`,
    publishedDocId(workshopId),
    doc,
    // biome-ignore lint/suspicious/noExplicitAny: ws's WebSocket is API-compatible with the DOM one the provider types.
    { WebSocketPolyfill: WebSocket as any, disableBc: true, params: { token } },
  );
  try {
    await new Promise<void>((resolve) => {
      if (provider.synced) resolve();
      else provider.once('sync', () => resolve());
    });
    return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('utf8');
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

describe('leaders decide with the evidence in view, and the council case carries it', () => {
  it('votes, a linked question and sources reach the panel; the internal note stays internal; exports open', async () => {
    const base = suite.samle().baseUrl;
    const facilitator = await suite.person('Freja');
    await signUpFirstFacilitator(facilitator, base);
    const { workshopUrl, code } = await workshopWithOpenDay(facilitator, 'Erhvervsservice');
    const workshopId = new URL(workshopUrl).pathname.split('/')[2] ?? '';
    grantWorkshop = workshopId;
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
    const [t1, t2] = session.groups;
    if (!t1?.boardId || !t2?.boardId) throw new Error('two tables with boards expected');

    // A note at each table, and one with a control character at the first.
    for (const [boardId, notes] of [
      [
        t1.boardId,
        [
          ['n1', 'Én indgang for virksomheder'],
          ['bad', 'Svar\u0007 inden 24 timer'],
        ],
      ],
      [t2.boardId, [['n2', 'Én fast kontaktperson']]],
    ] as const) {
      const board = await boardDoc(suite.samle(), boardId, 'write');
      try {
        for (const [id, text] of notes) createNote(board.doc, { id, text, x: 40, y: 40, createdAt: Date.now() });
      } finally {
        board.close();
      }
    }

    // Dot votes at both tables: three on n1, one on n2.
    const asPerson = async (boardId: string) => {
      const detail = await api<WorkshopDetail>(ada, 'GET', `/api/workshops/${workshopId}`);
      const adaSits = t1.memberIds.includes(detail.personId ?? '') ? t1.boardId : t2.boardId;
      return adaSits === boardId ? ada : bo;
    };
    for (const [boardId, noteId, count] of [
      [t1.boardId, 'n1', 3],
      [t2.boardId, 'n2', 1],
    ] as const) {
      await api(facilitator, 'POST', `/api/boards/${boardId}/vote`, { action: 'open', budget: 3, maxPerNote: 3 });
      const voter = await asPerson(boardId);
      for (let i = 0; i < count; i++) await api(voter, 'POST', `/api/boards/${boardId}/votes`, { noteId, delta: 1 });
      await api(facilitator, 'POST', `/api/boards/${boardId}/vote`, { action: 'close' });
    }

    // The notes become one idea; the control-character note becomes an idea titled like a formula.
    const { ideaId } = await api<{ ideaId: string }>(
      facilitator,
      'POST',
      `/api/workshops/${workshopId}/catalog/gather`,
      {
        title: 'Én indgang for erhverv',
        sources: [
          { boardId: t1.boardId, noteIds: ['n1'] },
          { boardId: t2.boardId, noteIds: ['n2'] },
        ],
      },
    );
    await api(facilitator, 'POST', `/api/workshops/${workshopId}/catalog/gather`, {
      title: '=HYPERLINK("x")',
      sources: [{ boardId: t1.boardId, noteIds: ['bad'] }],
    });

    // A question is posted and linked to the idea.
    const { id: questionId } = await api<{ id: string }>(ada, 'POST', `/api/workshops/${workshopId}/questions`, {
      kind: 'proposal',
      text: 'Kan virksomheder få ét telefonnummer?',
      anonymous: true,
    });
    await api(facilitator, 'POST', `/api/questions/${questionId}/idea`, { ideaId });

    // The facilitator writes the idea's description in the catalog.
    await facilitator.goto(`${base}/w/${workshopId}/catalog?idea=${ideaId}`);
    const description = facilitator.getByTestId('idea-description');
    await facilitator.locator('.description-shell[data-synced]').waitFor();
    await description.click();
    await facilitator.keyboard.type('Virksomheder ringer ét sted og får svar inden for to dage.');
    await expect
      .poll(async () => {
        const answer = await api<{ descriptions: Record<string, string> }>(
          facilitator,
          'GET',
          `/api/workshops/${workshopId}/catalog/descriptions`,
        );
        return answer.descriptions[ideaId] ?? '';
      })
      .toContain('Virksomheder ringer ét sted');

    // The catalog shows each source's votes too.
    await expect
      .poll(() =>
        facilitator
          .locator('[data-testid="idea-source"][data-note-id="n1"] [data-testid="source-votes"]')
          .textContent(),
      )
      .toContain('3 stemmer');

    // A leader opens the panel: description, both sources with their votes, the linked question.
    const invite = await api<{ path: string }>(facilitator, 'POST', `/api/workshops/${workshopId}/invites`, {
      role: 'leader',
    });
    const leader = await suite.person('Dorthe');
    await leader.setViewportSize({ width: 1366, height: 900 });
    await leader.goto(`${base}${invite.path}`);
    await leader.getByTestId('invite-name-input').fill('Direktør Dorthe');
    await leader.getByTestId('invite-submit').click();
    await leader.waitForURL(/\/w\//);

    // Printing the catalog, without opening any idea there, holds every description.
    await leader.goto(`${base}/w/${workshopId}/catalog`);
    await leader.getByTestId('catalog-print').waitFor();
    await expect
      .poll(() => leader.locator('.catalog-print').textContent())
      .toContain('Virksomheder ringer ét sted og får svar inden for to dage.');

    await leader.goto(`${base}/w/${workshopId}/leaders`);
    await leader.locator(`[data-testid="leader-idea"][data-idea-id="${ideaId}"]`).click();
    const evidence = leader.getByTestId('evidence-panel');
    await evidence.waitFor();
    await expect.poll(() => evidence.textContent()).toContain('Virksomheder ringer ét sted');
    const votesOf = (noteId: string) =>
      evidence.locator(
        `[data-testid="evidence-source"][data-note-id="${noteId}"] [data-testid="evidence-source-votes"]`,
      );
    await expect.poll(() => votesOf('n1').getAttribute('data-votes')).toBe('3');
    expect(await votesOf('n2').getAttribute('data-votes')).toBe('1');
    expect(await evidence.getByTestId('evidence-vote-total').textContent()).toContain('4');
    expect(await evidence.getByTestId('evidence-question').textContent()).toContain(
      'Kan virksomheder få ét telefonnummer?',
    );

    // The leader decides: council, a public rationale, an internal note, a one-off cost.
    const editor = leader.locator(`[data-testid="assessment-editor"][data-idea-id="${ideaId}"]`);
    await editor.getByTestId('decision-council').click();
    await expect.poll(() => editor.getByTestId('decision-council').getAttribute('aria-pressed')).toBe('true');
    await editor.getByTestId('rationale-editor').click();
    await leader.keyboard.type('Vi samler henvendelserne ét sted for virksomhederne.');
    await editor.getByTestId('save-rationale').click();
    await expect.poll(() => editor.getByTestId('save-rationale').isDisabled()).toBe(true);
    await editor.getByTestId('internal-note').fill('KUN LEDELSEN: budgettet er allerede disponeret');
    await editor.getByTestId('estimate-oneOffDkk').click();
    await editor.getByTestId('estimate-oneOffDkk').fill('250000');
    await editor.getByTestId('estimate-oneOffDkk').press('Enter');
    await editor.getByTestId('assessment-rank').fill('-2');
    await editor.getByTestId('assessment-rank').press('Enter');
    await editor.getByTestId('rank-invalid').waitFor();
    await expect.poll(() => leader.getByTestId('estimate-sums').first().textContent()).toContain('250.000');
    await screenshot(leader, 'leader-panel-evidence-1366-da');
    await editor.getByTestId('internal-note').scrollIntoViewIfNeeded();
    await screenshot(leader, 'leader-panel-internal-1366-da');
    await leader.setViewportSize({ width: 390, height: 844 });
    await evidence.scrollIntoViewIfNeeded();
    await screenshot(leader, 'leader-panel-evidence-390-da');
    await leader.setViewportSize({ width: 1366, height: 900 });

    // Before publishing, the facilitator previews what employees will see: the rationale, not the internal note.
    await facilitator.goto(`${base}/w/${workshopId}/leaders`);
    await facilitator.getByTestId('publish-bar').waitFor();
    await facilitator.getByTestId('publish-preview-toggle').click();
    await screenshot(facilitator, 'publish-preview-1366-da');
    const preview = facilitator.getByTestId('publish-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('publish-change').first().getAttribute('data-change')).toBe('added');
    const previewText = (await preview.textContent()) ?? '';
    expect(previewText).toContain('Vi samler henvendelserne ét sted for virksomhederne.');
    expect(previewText).not.toContain('KUN LEDELSEN');

    // After publishing, the participant's page and the published doc hold the rationale, not the internal note.
    await api(facilitator, 'POST', `/api/workshops/${workshopId}/catalog/publish`);
    await ada.goto(`${base}/w/${workshopId}/published`);
    const published = ada.getByTestId('published-catalog');
    await published.waitFor();
    await expect.poll(() => published.textContent()).toContain('Vi samler henvendelserne ét sted for virksomhederne.');
    const pageText = (await published.textContent()) ?? '';
    expect(pageText).toContain('Kan virksomheder få ét telefonnummer?');
    expect(pageText).not.toContain('KUN LEDELSEN');
    const bytes = await publishedBytes(ada, workshopId);
    expect(bytes).toContain('Vi samler henvendelserne');
    expect(bytes).not.toContain('KUN LEDELSEN');

    // XLSX parses back with the decision, votes and cost in their cells.
    const xlsx = await call(leader, 'GET', `/api/workshops/${workshopId}/catalog/export.xlsx`);
    expect(xlsx.headers()['content-disposition']).toContain('idekatalog-erhvervsservice.xlsx');
    const book = new ExcelJS.Workbook();
    const xlsxBody = await xlsx.body();
    await book.xlsx.load(
      xlsxBody.buffer.slice(xlsxBody.byteOffset, xlsxBody.byteOffset + xlsxBody.byteLength) as ArrayBuffer,
    );
    const sheet = book.getWorksheet('Idéer');
    if (!sheet) throw new Error('no sheet "Idéer"');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    const rows = [2, 3].map((n) => sheet.getRow(n));
    const row = rows.find((r) => r.getCell(column('Idé')).value === 'Én indgang for erhverv');
    if (!row) throw new Error('the idea is not in the sheet');
    expect(row.getCell(column('Beslutning')).value).toBe('Sendes til byrådsbeslutning');
    expect(row.getCell(column('Prikstemmer')).value).toBe(4);
    expect(row.getCell(column('Engangsudgift (kr.)')).value).toBe(250000);
    const formula = rows.find((r) => r.getCell(column('Idé')).value === '=HYPERLINK("x")');
    expect(formula?.getCell(column('Idé')).type).toBe(ExcelJS.ValueType.String);

    // CSV: semicolons, a byte-order mark, Danish headers, the formula-like title as text.
    const csv = await call(leader, 'GET', `/api/workshops/${workshopId}/catalog/export.csv`);
    const csvBytes = await csv.body();
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csvBytes.toString('utf8');
    expect(csvText.split('\r\n')[0]).toContain('Prioritet;Idé;Beslutning;Begrundelse');
    expect(csvText).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csvText).not.toContain('KUN LEDELSEN');

    // DOCX with the control-character note still parses as XML, in the browser's own parser.
    const docx = await call(leader, 'GET', `/api/workshops/${workshopId}/catalog/export.docx`);
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.body()))['word/document.xml'] ?? new Uint8Array());
    const parses = await leader.evaluate(
      (text) => new DOMParser().parseFromString(text, 'application/xml').querySelector('parsererror') === null,
      xml,
    );
    expect(parses).toBe(true);
    expect(xml).toContain('Svar inden 24 timer');
    expect(xml).toContain('3 stemmer');
    expect(xml).toContain('Kan virksomheder få ét telefonnummer?');
    expect(xml).not.toContain('KUN LEDELSEN');
  });
});
