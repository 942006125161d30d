import { createCluster, createNote, type Grant, readNotes, type SessionReport, setNoteCluster } from '@samle/shared';
import { strFromU8, unzipSync } from 'fflate';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { LATE_JOIN_GRACE_MS } from '../src/report/sessionReport.js';
import { SqliteDatabase } from '../src/storage/sqlite/sqliteDriver.js';
import { synced, until } from './support/stockClient.js';
import { join, json, type WorkshopFixture } from './support/workshopFixture.js';
import { connect, fx, samle, useWorkshopSuite } from './support/workshopSuite.js';

// A server with a workshop of two tables per test: support/workshopSuite.ts.
useWorkshopSuite();

function as(grant: Grant, path: string, body?: unknown): Promise<Response> {
  return fetch(`${samle.baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${grant.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * Makes `name` join `ms` later than they did, in the real SQLite file: the agenda runs and
 * everyone else's join time move `ms` earlier (no time ends up in the future, so the
 * session's window still holds them). The server reads both afresh for each report.
 */
function joinedLater(name: string, ms: number): void {
  const db = new SqliteDatabase(`${samle.dataDir}/samle.sqlite`);
  try {
    db.prepare('UPDATE agenda_runs SET started_at = started_at - ? WHERE session_id = ?').run(ms, fx.sessionId);
    db.prepare('UPDATE people SET joined_at = joined_at - ? WHERE workshop_id = ? AND name <> ?').run(
      ms,
      fx.detail.workshop.id,
      name,
    );
  } finally {
    db.close();
  }
}

const MINUTE = 60_000;

/** The DOCX body's text, one line per paragraph (table cells are paragraphs too). */
function docxText(bytes: ArrayBuffer): string {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'] ?? new Uint8Array());
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** A day with notes at two tables, a theme, a closed vote, an answered question, an evaluation and a late joiner. */
async function runTheDay(): Promise<{ late: Grant }> {
  const day = fx.detail.sessions.find((s) => s.id === fx.sessionId);
  // Group work keeps the tables open (any other item would take the room back to plenum).
  const first = day?.agenda.find((item) => item.kind === 'group_work');
  if (!first) throw new Error('fixture: day without group work');
  await json(await samle.asFacilitator(`/api/sessions/${fx.sessionId}/current-item`, { body: { itemId: first.id } }));
  const [t1, t2] = fx.tables;
  const a = t1?.members[0];
  const b = t2?.members[0];
  if (!t1 || !t2 || !a || !b) throw new Error('fixture without two tables');
  const board1 = connect(t1.boardId, a.token);
  const board2 = connect(t2.boardId, b.token);
  await Promise.all([synced(board1), synced(board2)]);
  createCluster(board1.doc, { id: 'c1', x: 0, y: 0, title: 'Én indgang', createdAt: 1 });
  createNote(board1.doc, { id: 'n1', x: 10, y: 60, text: 'Én telefon for virksomheder', createdAt: 2 });
  createNote(board1.doc, { id: 'n2', x: 10, y: 260, text: 'Fælles postkasse', createdAt: 3 });
  setNoteCluster(board1.doc, 'n1', 'c1');
  setNoteCluster(board1.doc, 'n2', 'c1');
  createNote(board2.doc, { id: 'n3', x: 0, y: 0, text: 'Svar inden 24 timer', createdAt: 4 });
  await until(
    connect(t1.boardId, a.token).doc,
    (doc) => readNotes(doc).filter((n) => n.clusterId === 'c1').length === 2,
  );
  await until(connect(t2.boardId, b.token).doc, (doc) => readNotes(doc).length === 1);

  await json(
    await samle.asFacilitator(`/api/boards/${t1.boardId}/vote`, { body: { action: 'open', budget: 3, maxPerNote: 3 } }),
  );
  for (const noteId of ['n1', 'n1', 'n2'])
    await json(await as(a, `/api/boards/${t1.boardId}/votes`, { noteId, delta: 1 }));
  await json(await samle.asFacilitator(`/api/boards/${t1.boardId}/vote`, { body: { action: 'close' } }));

  const workshopId = fx.detail.workshop.id;
  const { id: questionId } = await json<{ id: string }>(
    await as(a, `/api/workshops/${workshopId}/questions`, {
      kind: 'question',
      text: 'Hvem ejer indgangen?',
      anonymous: false,
    }),
    201,
  );
  await json(await samle.asFacilitator(`/api/questions/${questionId}/answer`, { body: { answer: 'Erhvervschefen.' } }));

  const evaluation = await json<{ id: string }>(
    await samle.asFacilitator(`/api/workshops/${workshopId}/evaluations`, {
      body: { ratings: ['Udbytte', 'Stemning'] },
    }),
    201,
  );
  for (const [who, ratings, text] of [
    [a, { r1: 4, r2: 3 }, 'Godt'],
    [b, { r1: 5, r2: 2 }, undefined],
  ] as const) {
    const response = await as(who, `/api/evaluations/${evaluation.id}/responses`, { ratings, text });
    expect(response.status).toBe(204);
  }

  const code = fx.detail.sessions.find((s) => s.id === fx.sessionId)?.joinCode ?? '';
  const late = await join(samle, code, 'Dina');
  return { late };
}

describe('the session report', () => {
  it('parses back from DOCX with attendance per table, themes with notes and votes, the answered question and the evaluation averages', async () => {
    await runTheDay();
    joinedLater('Dina', LATE_JOIN_GRACE_MS + MINUTE); // 11 minutes into the day
    const response = await samle.asFacilitator(`/api/sessions/${fx.sessionId}/report.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    const text = docxText(await response.arrayBuffer());

    expect(text).toContain('Referat');
    // Attendance: each table's count (Dina, who came late, was seated at a table as she joined), then everyone.
    const groups = (await fx.refresh()).sessions.find((s) => s.id === fx.sessionId)?.groups ?? [];
    expect(groups).toHaveLength(2);
    for (const group of groups) expect(text).toContain(`${group.name}\n${group.memberIds.length}\n`);
    expect(text).toContain('4 deltagere');
    expect(text).toMatch(/Kom senere til: Dina \(\d\d[.:]\d\d\)/);
    // The theme with its notes and votes, strongest first; the other table's note without a theme.
    expect(text).toContain('Én indgang · 3 stemmer');
    expect(text).toMatch(/Én telefon for virksomheder \(2 stemmer[^)]*\)\nFælles postkasse \(1 stemme/);
    expect(text).toContain('Svar inden 24 timer');
    // The question with its answer and how long it took.
    expect(text).toMatch(/Hvem ejer indgangen\? \(Ada|Bo|Cai/);
    expect(text).toContain('Svar: Erhvervschefen.');
    expect(text).toMatch(/svarede efter 0 min\./);
    // Evaluation averages, Danish decimals.
    expect(text).toContain('2 besvarelser');
    expect(text).toContain('Udbytte\n4,5');
    expect(text).toContain('Stemning\n2,5');
    expect(text).toContain('Godt');
  });

  it('gives the print view the same facts as JSON, with the agenda item that ran and when', async () => {
    await runTheDay();
    const report = await json<SessionReport>(await samle.asFacilitator(`/api/sessions/${fx.sessionId}/report`));
    expect(report.language).toBe('da');
    const ran = report.agenda.filter((item) => item.startedAt !== null);
    expect(ran).toHaveLength(1);
    expect(ran[0]?.endedAt).toBeNull();
    const groups = (await fx.refresh()).sessions.find((s) => s.id === fx.sessionId)?.groups ?? [];
    expect(report.attendance.tables.map((t) => t.count)).toEqual(groups.map((g) => g.memberIds.length));
    expect(report.attendance.total).toBe(4);
    // Dina joined seconds after the first item started: still arriving, not late.
    expect(report.attendance.lateJoiners).toEqual([]);
    expect(report.questions[0]).toMatchObject({ answer: 'Erhvervschefen.', responseMinutes: 0 });
    expect(report.evaluation?.ratings.map((r) => r.average)).toEqual([4.5, 2.5]);
  });

  it('lists as "came later" only who joined more than 10 minutes after the first agenda item started', async () => {
    await runTheDay();
    const lateJoiners = async () =>
      (await json<SessionReport>(await samle.asFacilitator(`/api/sessions/${fx.sessionId}/report`))).attendance
        .lateJoiners;
    // Dina joined seconds after the first item; the others before it.
    joinedLater('Dina', LATE_JOIN_GRACE_MS - MINUTE); // 9 minutes in: still within the grace
    expect(await lateJoiners()).toEqual([]);
    joinedLater('Dina', 2 * MINUTE); // 11 minutes in
    const listed = await lateJoiners();
    expect(listed.map((p) => p.name)).toEqual(['Dina']);
  });

  it('leaves out names where the board is anonymous', async () => {
    const [t1] = fx.tables;
    await json(await samle.asFacilitator(`/api/boards/${t1?.boardId}/settings`, { body: { anonymous: true } }));
    const report = await json<SessionReport>(await samle.asFacilitator(`/api/sessions/${fx.sessionId}/report`));
    const table = report.attendance.tables[fx.tables.indexOf(t1 as WorkshopFixture['tables'][number])];
    expect(table?.names).toBeNull();
    expect(table?.count).toBe(t1?.members.length);
  });

  it('is refused to participants', async () => {
    const participant = fx.participants[0] as Grant;
    const response = await as(participant, `/api/sessions/${fx.sessionId}/report.docx`);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe('REPORT_LEADERS_ONLY');
  });
});

describe('calendar files', () => {
  it("a participant's session file parses with the session's date and start time, and the workshop feed has the reflection deadline", async () => {
    await json(
      await samle.asFacilitator(`/api/sessions/${fx.sessionId}`, {
        method: 'PATCH',
        body: { date: '2027-03-16', startTime: '09:30', place: 'Rådhuset' },
      }),
    );
    const participant = fx.participants[0] as Grant;
    const response = await as(participant, `/api/sessions/${fx.sessionId}/calendar.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const session = events.find((e) => e.uid === `${fx.sessionId}@samle`);
    expect(session?.location).toBe('Rådhuset');
    // 09:30 in Copenhagen in March (winter time, UTC+1) is 08:30 UTC.
    expect(session?.startDate.toJSDate().toISOString()).toBe('2027-03-16T08:30:00.000Z');
    expect(session?.endDate.compare(session.startDate)).toBe(1);

    const dayIndex = fx.detail.sessions.findIndex((s) => s.id === fx.sessionId);
    const day = fx.detail.sessions[dayIndex];
    const next = fx.detail.sessions[dayIndex + 1];
    const hasReflection = day?.agenda.some((item) => item.kind === 'reflection');
    if (next && hasReflection) {
      await json(
        await samle.asFacilitator(`/api/sessions/${next.id}`, { method: 'PATCH', body: { date: '2027-04-20' } }),
      );
      const feed = await as(participant, `/api/workshops/${fx.detail.workshop.id}/calendar.ics`);
      const all = new ICAL.Component(ICAL.parse(await feed.text()))
        .getAllSubcomponents('vevent')
        .map((e) => new ICAL.Event(e));
      const deadline = all.find((e) => e.uid === `${fx.sessionId}-reflection@samle`);
      expect(deadline?.startDate.isDate).toBe(true);
      expect(deadline?.startDate.toString()).toBe('2027-04-19');
    } else {
      throw new Error('fixture: the template day should set a home reflection before a later session');
    }
  });

  it('is not served outside the workshop', async () => {
    const response = await fetch(`${samle.baseUrl}/api/sessions/${fx.sessionId}/calendar.ics`);
    expect(response.status).toBe(404);
  });
});
