import {
  addDays,
  createNote,
  type Grant,
  type PulseResultsReport,
  type PulseView,
  publishedDocId,
  readAfterDecision,
  readNotes,
  workshopToday,
} from '@samle/shared';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { call, connect, fx, invited, samle, useCatalogSuite } from './support/catalogSuite.js';
import { synced, until } from './support/stockClient.js';
import { json } from './support/workshopFixture.js';

// A server with a workshop of two tables per test: support/catalogSuite.ts.
useCatalogSuite();

/** GET without a body, POST with one, as `grant`. */
const as = (grant: Grant, path: string, body?: unknown) =>
  call(body === undefined ? 'GET' : 'POST', path, grant.token, body);

const leader = () => invited('leader', 'Direktør Dorthe');

/** Three ideas gathered from a table: two decided and published, one published undecided. */
async function publishedDecisions(): Promise<{ decided: [string, string]; undecided: string }> {
  const table = fx.tables[0];
  const author = table?.members[0];
  if (!table || !author) throw new Error('fixture without a table');
  const board = connect(table.boardId, author.token);
  await synced(board);
  for (const [index, text] of ['Én indgang', 'Svar inden 24 timer', 'Fælles kalender'].entries()) {
    createNote(board.doc, { id: `n${index}`, x: 0, y: index * 200, text, createdAt: index + 1 });
  }
  await until(connect(table.boardId, author.token).doc, (doc) => readNotes(doc).length === 3);
  const workshop = fx.detail.workshop.id;
  const ids: string[] = [];
  for (const [index, title] of ['Én indgang', 'Svar inden 24 timer', 'Fælles kalender'].entries()) {
    const { ideaId } = await json<{ ideaId: string }>(
      await samle.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, {
        body: { title, sources: [{ boardId: table.boardId, noteIds: [`n${index}`] }] },
      }),
      201,
    );
    ids.push(ideaId);
  }
  const [a, b, c] = ids as [string, string, string];
  await json(
    await samle.asFacilitator(`/api/workshops/${workshop}/ideas/${a}/assessment`, { body: { decision: 'start_now' } }),
  );
  await json(
    await samle.asFacilitator(`/api/workshops/${workshop}/ideas/${b}/assessment`, { body: { decision: 'council' } }),
  );
  await json(await samle.asFacilitator(`/api/workshops/${workshop}/catalog/publish`, { body: {} }));
  return { decided: [a, b], undecided: c };
}

describe('following up a decision', () => {
  it("a leader's update shows live on a participant's published catalog, with its history", async () => {
    const { decided } = await publishedDecisions();
    const workshop = fx.detail.workshop.id;
    const dorthe = await leader();
    const ada = fx.participants[0] as Grant;
    const watcher = connect(publishedDocId(workshop), ada.token);
    await synced(watcher);

    const path = `/api/workshops/${workshop}/ideas/${decided[0]}/follow-up`;
    const first = await as(dorthe, path, {
      text: 'Projektgruppen er nedsat',
      status: 'in_progress',
      percent: 40,
      owner: 'Erhvervschefen',
      milestones: [{ title: 'Telefonnummer klar', date: '2027-05-01', done: false }],
    });
    expect(first.status).toBe(200);
    await until(watcher.doc, (doc) => readAfterDecision(doc).followUps.length === 1);
    const [seen] = readAfterDecision(watcher.doc).followUps;
    expect(seen).toMatchObject({
      ideaId: decided[0],
      status: 'in_progress',
      percent: 40,
      owner: 'Erhvervschefen',
      milestones: [{ title: 'Telefonnummer klar', date: '2027-05-01', done: false }],
    });
    expect(seen?.log).toEqual([
      {
        at: expect.any(Number),
        by: 'Direktør Dorthe',
        text: 'Projektgruppen er nedsat',
        status: 'in_progress',
        percent: 40,
      },
    ]);

    // A later update keeps what it does not name, and the log grows.
    await json(await samle.asFacilitator(path, { body: { text: 'Milepæl nået', status: 'done' } }));
    await until(watcher.doc, (doc) => readAfterDecision(doc).followUps[0]?.log.length === 2);
    expect(readAfterDecision(watcher.doc).followUps[0]).toMatchObject({
      status: 'done',
      percent: 100,
      owner: 'Erhvervschefen',
    });
  });

  it('is refused to participants, for undecided ideas, and with a percent out of range', async () => {
    const { decided, undecided } = await publishedDecisions();
    const workshop = fx.detail.workshop.id;
    const ada = fx.participants[0] as Grant;
    const own = await as(ada, `/api/workshops/${workshop}/ideas/${decided[0]}/follow-up`, { text: 'Jeg gør det' });
    expect(own.status).toBe(403);
    expect(((await own.json()) as { code: string }).code).toBe('FOLLOW_UP_LEADERS_ONLY');
    const open = await samle.asFacilitator(`/api/workshops/${workshop}/ideas/${undecided}/follow-up`, {
      body: { text: 'Start' },
    });
    expect(open.status).toBe(409);
    expect(((await open.json()) as { code: string }).code).toBe('IDEA_NOT_DECIDED');
    const bad = await samle.asFacilitator(`/api/workshops/${workshop}/ideas/${decided[0]}/follow-up`, {
      body: { text: 'Start', percent: 140 },
    });
    expect(bad.status).toBe(400);
  });
});

describe('the impact pulse', () => {
  it('three participants answer a pulse on two decisions once each; the averages show in the document and the Markdown, DOCX and XLSX exports, with the places the ideas came from', async () => {
    const { decided } = await publishedDecisions();
    const workshop = fx.detail.workshop.id;
    const today = workshopToday(Date.now());
    const scheduled = await json<{ pulses: PulseView[] }>(
      await samle.asFacilitator(`/api/workshops/${workshop}/pulses`, {
        body: { ideaIds: decided, dates: [today, addDays(today, 90)] },
      }),
      201,
    );
    expect(scheduled.pulses.map((p) => p.opensOn)).toEqual([today, addDays(today, 90)]);
    const [now, later] = scheduled.pulses as [PulseView, PulseView];
    expect(now.anonymous).toBe(true);

    const [ada, bo, cai] = fx.participants as [Grant, Grant, Grant];
    const answers: Array<[Grant, number, number, number, number]> = [
      [ada, 5, 4, 2, 1],
      [bo, 4, 4, 3, 2],
      [cai, 3, 1, 4, 3],
    ];
    for (const [who, h1, help1, h2, help2] of answers) {
      const response = await as(who, `/api/workshops/${workshop}/pulses/${now.id}/answers`, {
        answers: [
          { ideaId: decided[0], happened: h1, helped: help1, comment: who === ada ? 'Mærkbart bedre' : undefined },
          { ideaId: decided[1], happened: h2, helped: help2 },
        ],
      });
      expect(response.status).toBe(201);
    }
    const again = await as(ada, `/api/workshops/${workshop}/pulses/${now.id}/answers`, {
      answers: [{ ideaId: decided[0], happened: 1, helped: 1 }],
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('PULSE_ANSWERED');
    const notYet = await as(ada, `/api/workshops/${workshop}/pulses/${later.id}/answers`, {
      answers: [{ ideaId: decided[0], happened: 1, helped: 1 }],
    });
    expect(((await notYet.json()) as { code: string }).code).toBe('PULSE_CLOSED');

    const watcher = connect(publishedDocId(workshop), ada.token);
    await until(watcher.doc, (doc) => readAfterDecision(doc).pulses.find((p) => p.id === now.id)?.respondents === 3);
    const pulse = readAfterDecision(watcher.doc).pulses.find((p) => p.id === now.id);
    expect(pulse?.results[decided[0]]).toEqual({ answers: 3, happened: 4, helped: 3 });
    expect(pulse?.results[decided[1]]).toEqual({ answers: 3, happened: 3, helped: 2 });
    expect(await json(await as(ada, `/api/workshops/${workshop}/pulses/mine`))).toEqual({ answered: [now.id] });

    // Leaders see the comments, without names (the pulse is anonymous); participants do not.
    const results = await json<PulseResultsReport>(
      await as(await leader(), `/api/workshops/${workshop}/pulses/results`),
    );
    expect(results.pulses[0]?.comments).toEqual([{ ideaId: decided[0], text: 'Mærkbart bedre', name: null }]);
    expect((await as(ada, `/api/workshops/${workshop}/pulses/results`)).status).toBe(403);

    const markdown = await (await samle.asFacilitator(`/api/workshops/${workshop}/catalog/export.md`)).text();
    expect(markdown).toContain('## Opfølgning og effektmåling');
    expect(markdown).toContain('### Én indgang');
    expect(markdown).toContain('Skete det? 4,00 · Hjalp det? 3,00 (3 svar)');
    expect(markdown).toContain('Skete det? 3,00 · Hjalp det? 2,00 (3 svar)');

    // The DOCX and XLSX exports hold the same results, with the places the ideas came from.
    const day = (await fx.refresh()).sessions.find((s) => s.id === fx.sessionId);
    const place = `${day?.title}, ${day?.groups.find((g) => g.id === fx.tables[0]?.groupId)?.name}`;
    const docx = await samle.asFacilitator(`/api/workshops/${workshop}/catalog/export.docx`);
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml'] ?? new Uint8Array());
    const text = xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    expect(text).toContain('Opfølgning og effektmåling');
    expect(text).toMatch(/Effektmåling [\d-]+–[\d-]+: Skete det\? 4,00 · Hjalp det\? 3,00 \(3 svar\)/);
    expect(text).toContain('Skete det? 3,00 · Hjalp det? 2,00 (3 svar)');
    expect(text).toContain(`Kilder: ${place}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      await (await samle.asFacilitator(`/api/workshops/${workshop}/catalog/export.xlsx`)).arrayBuffer(),
    );
    const sheet = book.getWorksheet('Opfølgning og effektmåling');
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    const byIdea = (title: string) =>
      rows.filter((row) => row[1] === title).map((row) => [row[8], row[9], row[10], row[11]]);
    // One row per decision and pulse: today's with the averages, the later one not answered yet.
    expect(byIdea('Én indgang')).toEqual([
      [4, 3, 3, place],
      [undefined, undefined, 0, place],
    ]);
    expect(byIdea('Svar inden 24 timer')[0]).toEqual([3, 2, 3, place]);
  });

  it('is scheduled by the facilitator only, and only for published decisions', async () => {
    const { decided, undecided } = await publishedDecisions();
    const workshop = fx.detail.workshop.id;
    const today = workshopToday(Date.now());
    const byLeader = await as(await leader(), `/api/workshops/${workshop}/pulses`, {
      ideaIds: decided,
      dates: [today],
    });
    expect(byLeader.status).toBe(403);
    const undecidedPulse = await samle.asFacilitator(`/api/workshops/${workshop}/pulses`, {
      body: { ideaIds: [undecided], dates: [today] },
    });
    expect(((await undecidedPulse.json()) as { code: string }).code).toBe('IDEA_NOT_DECIDED');
  });
});

describe('erasing a person who answered a pulse', () => {
  it('deletes their answer, counts the averages again without it, and leaves the others', async () => {
    const { decided } = await publishedDecisions();
    const workshop = fx.detail.workshop.id;
    const [pulse] = (
      await json<{ pulses: PulseView[] }>(
        await samle.asFacilitator(`/api/workshops/${workshop}/pulses`, {
          body: { ideaIds: decided, dates: [workshopToday(Date.now())] },
        }),
        201,
      )
    ).pulses as [PulseView];
    const [ada, bo] = fx.participants as [Grant, Grant];
    for (const [who, happened, helped] of [
      [ada, 5, 5],
      [bo, 1, 3],
    ] as const) {
      const response = await as(who, `/api/workshops/${workshop}/pulses/${pulse.id}/answers`, {
        answers: [{ ideaId: decided[0], happened, helped, comment: `Kommentar fra ${who.person.name}` }],
      });
      expect(response.status).toBe(201);
    }
    const exported = await json<{ pulseAnswers: unknown[] }>(
      await samle.asFacilitator(`/api/people/${ada.person.id}/export`),
    );
    expect(exported.pulseAnswers).toHaveLength(1);

    await json(
      await samle.asFacilitator(`/api/people/${ada.person.id}/erase`, { body: { confirmName: ada.person.name } }),
    );

    const watcher = connect(publishedDocId(workshop), bo.token);
    await synced(watcher);
    const after = readAfterDecision(watcher.doc).pulses.find((p) => p.id === pulse.id);
    expect(after?.respondents).toBe(1);
    expect(after?.results[decided[0]]).toEqual({ answers: 1, happened: 1, helped: 3 });
    const results = await json<PulseResultsReport>(
      await samle.asFacilitator(`/api/workshops/${workshop}/pulses/results`),
    );
    expect(results.pulses[0]?.comments.map((c) => c.text)).toEqual([`Kommentar fra ${bo.person.name}`]);
  });
});
