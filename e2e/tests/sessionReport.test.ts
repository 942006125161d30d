import fs from 'node:fs';
import { readClusters, readNotes, type WorkshopDetail } from '@samle/shared';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardDoc, untilDoc } from '../support/boardState.js';
import {
  api,
  connected,
  joinByCode,
  signUpFirstFacilitator,
  workshopWithOpenDay,
  writeNote,
} from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

/** The note on the page that shows `text` (a textarea's text is its value, so it is found by evaluating). */
function noteIdOn(page: Page, text: string): Promise<string> {
  return page.evaluate((wanted) => {
    for (const note of document.querySelectorAll<HTMLElement>('[data-testid="note"]')) {
      if (note.querySelector<HTMLTextAreaElement>('[data-testid="note-text"]')?.value === wanted) {
        return note.dataset.noteId ?? '';
      }
    }
    throw new Error(`no note shows "${wanted}"`);
  }, text);
}

/** True when `lines` holds `sequence` as consecutive lines (a table row's cells are one paragraph each). */
function hasRun(lines: string[], sequence: string[]): boolean {
  return lines.some((_, start) => sequence.every((line, offset) => lines[start + offset] === line));
}

describe('the session report from the UI', () => {
  it("after a day with two tables, a theme, a closed vote, an answered question and an evaluation, the DOCX from the report page's button parses back with all of it", async () => {
    const base = suite.samle().baseUrl;
    const facilitator = await suite.person('Freja');
    await signUpFirstFacilitator(facilitator, base);
    const { workshopUrl, code } = await workshopWithOpenDay(facilitator, 'Erhvervsservice');
    const workshopId = new URL(workshopUrl).pathname.split('/')[2] ?? '';
    const ada = await suite.person('Ada');
    await joinByCode(ada, base, code, 'Ada');
    const bo = await suite.person('Bo');
    await joinByCode(bo, base, code, 'Bo');

    // Two tables, and the day's group work runs (the report records when).
    const detail = await api<WorkshopDetail>(facilitator, `/api/workshops/${workshopId}`);
    const day = detail.sessions.find((s) => s.kind === 'employee_day');
    const groupWork = day?.agenda.find((item) => item.kind === 'group_work');
    if (!day || !groupWork) throw new Error('template without an employee day with group work');
    await api(facilitator, `/api/sessions/${day.id}/groups/split`, { count: 2, by: 'random' });
    await api(facilitator, `/api/sessions/${day.id}/group-work`, { open: true });
    await api(facilitator, `/api/sessions/${day.id}/current-item`, { itemId: groupWork.id });
    const groups = (await api<WorkshopDetail>(facilitator, `/api/workshops/${workshopId}`)).sessions.find(
      (s) => s.id === day.id,
    )?.groups;
    const tableOf = async (page: Page) => {
      const { personId } = await api<WorkshopDetail>(page, `/api/workshops/${workshopId}`);
      const group = groups?.find((g) => g.memberIds.includes(personId ?? ''));
      if (!group?.boardId) throw new Error('a participant without a table');
      return { boardId: group.boardId, name: group.name };
    };
    const adaTable = await tableOf(ada);
    const boTable = await tableOf(bo);
    expect(adaTable.boardId).not.toBe(boTable.boardId);

    // Ada writes two notes at her table and groups them as a theme; Bo writes one at his.
    await ada.goto(`${base}/b/${adaTable.boardId}`);
    await connected(ada);
    for (const text of ['Én telefon for virksomheder', 'Fælles postkasse']) {
      await writeNote(ada, text);
      await ada.keyboard.press('Escape');
    }
    await ada.getByTestId('board-canvas').click({ position: { x: 20, y: 20 } });
    await ada.keyboard.press('Control+a');
    await ada.getByTestId('group-selection').click();
    await ada.getByTestId('cluster-title').pressSequentially('Én indgang');
    await ada.keyboard.press('Escape');
    await bo.goto(`${base}/b/${boTable.boardId}`);
    await connected(bo);
    await writeNote(bo, 'Svar inden 24 timer');
    await bo.keyboard.press('Escape');
    for (const [boardId, notes] of [
      [adaTable.boardId, 2],
      [boTable.boardId, 1],
    ] as const) {
      const stored = await boardDoc(suite.samle(), boardId);
      try {
        await untilDoc(
          stored.doc,
          (doc) =>
            readNotes(doc).filter((n) => n.text.length > 0).length === notes &&
            (notes === 1 || (readClusters(doc)[0]?.title === 'Én indgang' && readNotes(doc).every((n) => n.clusterId))),
        );
      } finally {
        stored.close();
      }
    }

    // A dot vote at Ada's table: two on the telephone, one on the mailbox, then closed.
    const phone = await noteIdOn(ada, 'Én telefon for virksomheder');
    const mailbox = await noteIdOn(ada, 'Fælles postkasse');
    await api(facilitator, `/api/boards/${adaTable.boardId}/vote`, { action: 'open', budget: 3, maxPerNote: 3 });
    for (const noteId of [phone, phone, mailbox]) {
      await api(ada, `/api/boards/${adaTable.boardId}/votes`, { noteId, delta: 1 });
    }
    await api(facilitator, `/api/boards/${adaTable.boardId}/vote`, { action: 'close' });

    // Ada asks management a question and the facilitator answers it.
    const question = await api<{ id: string }>(ada, `/api/workshops/${workshopId}/questions`, {
      kind: 'question',
      text: 'Hvem ejer indgangen?',
      anonymous: false,
    });
    await api(facilitator, `/api/questions/${question.id}/answer`, { answer: 'Erhvervschefen.' });

    // An evaluation with two ratings, answered by both.
    const evaluation = await api<{ id: string }>(facilitator, `/api/workshops/${workshopId}/evaluations`, {
      ratings: ['Udbytte', 'Stemning'],
    });
    await api(ada, `/api/evaluations/${evaluation.id}/responses`, { ratings: { r1: 4, r2: 3 }, text: 'Godt' });
    await api(bo, `/api/evaluations/${evaluation.id}/responses`, { ratings: { r1: 5, r2: 2 } });

    // The day ends; on the cockpit, its report; on the report page, the DOCX button.
    await api(facilitator, `/api/sessions/${day.id}/end`, {});
    await facilitator.goto(workshopUrl);
    await facilitator.getByTestId('session-report-link').first().click();
    await facilitator.getByTestId('report-attendance').waitFor();
    const [download] = await Promise.all([
      facilitator.waitForEvent('download'),
      facilitator.getByTestId('report-docx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await download.path();
    const { value } = await mammoth.extractRawText({ buffer: fs.readFileSync(file) });
    const lines = value
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);

    expect(lines[0]).toBe(`Referat: ${day.title}`);
    // Attendance: everyone, then each table with its count and name.
    expect(lines).toContain('2 deltagere');
    for (const [table, name] of [
      [adaTable.name, 'Ada'],
      [boTable.name, 'Bo'],
    ] as const) {
      expect(hasRun(lines, [table, '1', name]), `${table}: 1, ${name}`).toBe(true);
    }
    // The theme with its notes and their votes (strongest first), and the other table's note.
    expect(lines).toContain('Én indgang · 3 stemmer');
    const themeAt = lines.indexOf('Én indgang · 3 stemmer');
    expect(lines[themeAt + 1]).toBe('Én telefon for virksomheder (2 stemmer · Ada)');
    expect(lines[themeAt + 2]).toBe('Fælles postkasse (1 stemme · Ada)');
    expect(lines.some((line) => line.startsWith('Svar inden 24 timer'))).toBe(true);
    // The question with its answer.
    expect(lines.some((line) => line.startsWith('Hvem ejer indgangen? (Ada, '))).toBe(true);
    expect(lines).toContain('Svar: Erhvervschefen.');
    expect(lines.some((line) => /svarede efter \d+ min\.$/.test(line))).toBe(true);
    // The evaluation's averages, Danish decimals.
    expect(lines).toContain('2 besvarelser');
    expect(hasRun(lines, ['Udbytte', '4,5'])).toBe(true);
    expect(hasRun(lines, ['Stemning', '2,5'])).toBe(true);
    expect(lines).toContain('Godt');
  }, 240_000);
});
