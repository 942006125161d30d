import type { Session, WorkshopDetail } from '@samle/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSamle, startSamle } from './support/samleServer.js';
import { join, json } from './support/workshopFixture.js';

let samle: RunningSamle;
beforeEach(async () => {
  samle = await startSamle();
});
afterEach(async () => {
  await samle.stop();
});

const BUSINESS_WORDS = /virksomhed|erhverv|business/i;

async function create(template: string, extra: Record<string, unknown> = {}): Promise<WorkshopDetail> {
  return json<WorkshopDetail>(
    await samle.asFacilitator('/api/workshops', { body: { title: 'Fremtidens ældrepleje', template, ...extra } }),
    201,
  );
}

const send = (path: string, method: string, body?: unknown) => samle.asFacilitator(path, { method, body });
const day1Of = (detail: WorkshopDetail): Session => {
  const day = detail.sessions.find((s) => s.kind === 'employee_day');
  if (!day) throw new Error('no employee day');
  return day;
};
const agendaInput = (session: Session) =>
  session.agenda.map(({ id, kind, title, text, minutes }) => ({ id, kind, title, text, minutes }));

describe('templates', () => {
  it('gives the neutral template and the elder-care variant no business-service text, and the variant its own', async () => {
    for (const template of ['municipal-process', 'elder-care']) {
      const detail = await create(template);
      expect(JSON.stringify({ sessions: detail.sessions, prompts: detail.prompts })).not.toMatch(BUSINESS_WORDS);
    }
    const elder = await create('elder-care');
    expect(day1Of(elder).agenda.map((item) => item.title)).toContain('Matcher vores pleje borgernes behov?');
    expect(elder.prompts.reflection).toMatch(/borgeren/);
    const business = await create('business-service');
    expect(business.prompts.questionsHint).toMatch(/virksomheder/);
  });

  it('saves a workshop as a template and duplicates one: structure and texts, no people or tables', async () => {
    const detail = await create('elder-care', { startDate: '2027-03-01' });
    const day1 = day1Of(detail);
    await json(await send(`/api/sessions/${day1.id}`, 'PATCH', { title: 'Temadag i plejen', startTime: '08:30' }));
    await json(await send(`/api/sessions/${day1.id}/open`, 'POST', {}));
    await join(samle, day1.joinCode ?? '', 'Ada');

    const saved = await json<{ id: string; sessionCount: number }>(
      await send(`/api/workshops/${detail.workshop.id}/templates`, 'POST', { title: 'Vores ældreforløb' }),
      201,
    );
    expect(saved.sessionCount).toBe(4);
    const fromSaved = await create('blank', { savedTemplateId: saved.id, startDate: '2027-09-01' });
    const copy = await json<WorkshopDetail>(
      await send(`/api/workshops/${detail.workshop.id}/duplicate`, 'POST', { title: 'Ældreforløb, hold 2' }),
      201,
    );
    for (const made of [fromSaved, copy]) {
      const day = made.sessions.find((s) => s.title === 'Temadag i plejen');
      expect(day).toMatchObject({ startTime: '08:30', status: 'planned', groups: [] });
      expect(made.people).toEqual([]);
      expect(made.prompts).toEqual(detail.prompts);
    }
    expect(fromSaved.sessions.map((s) => s.date)).toEqual(['2027-09-01', '2027-09-15', '2027-09-29', '2027-10-27']);
  });
});

describe('the process plan', () => {
  it('renames the workshop and edits a session and its agenda while it runs; the running item keeps running', async () => {
    const detail = await create('municipal-process');
    const day1 = day1Of(detail);
    await json(await send(`/api/sessions/${day1.id}/open`, 'POST', {}));
    const running = day1.agenda[1];
    await json(await send(`/api/sessions/${day1.id}/current-item`, 'POST', { itemId: running?.id }));

    await json(await send(`/api/workshops/${detail.workshop.id}`, 'PATCH', { title: 'Fremtidens ældrepleje 2027' }));
    await json(
      await send(`/api/sessions/${day1.id}`, 'PATCH', { title: 'Temadag 1', place: 'Rådhuset', startTime: '08:30' }),
    );
    const items = agendaInput(day1);
    const [first, second, ...rest] = items;
    const reordered = [
      second,
      first,
      { kind: 'group_work', title: 'Hvad fylder mest i hverdagen?', text: 'Én ting pr. post-it.', minutes: 25 },
      ...rest.slice(1),
    ];
    const after = await json<WorkshopDetail>(
      await send(`/api/sessions/${day1.id}/agenda`, 'PUT', { items: reordered }),
    );
    const session = day1Of(after);
    expect(after.workshop.title).toBe('Fremtidens ældrepleje 2027');
    expect(session).toMatchObject({ title: 'Temadag 1', place: 'Rådhuset', startTime: '08:30' });
    expect(session.agenda.map((item) => item.title)).toEqual(reordered.map((item) => item?.title));
    expect(session.agenda[2]).toMatchObject({ kind: 'group_work', text: 'Én ting pr. post-it.', minutes: 25 });
    expect(session.currentItemId).toBe(running?.id);

    // A participant sees the new plan on their next look.
    const ada = await join(samle, day1.joinCode ?? '', 'Ada');
    const seen = await json<WorkshopDetail>(
      await fetch(`${samle.baseUrl}/api/workshops/${detail.workshop.id}`, {
        headers: { authorization: `Bearer ${ada.token}` },
      }),
    );
    expect(day1Of(seen).agenda[2]?.title).toBe('Hvad fylder mest i hverdagen?');
  });

  it('edits the prompts participants see', async () => {
    const detail = await create('elder-care');
    const after = await json<WorkshopDetail>(
      await send(`/api/workshops/${detail.workshop.id}`, 'PATCH', {
        prompts: { reflection: 'Hvad vil du selv gøre anderledes i morgen?', evaluation: ['Dagen var nyttig'] },
      }),
    );
    expect(after.prompts).toEqual({
      reflection: 'Hvad vil du selv gøre anderledes i morgen?',
      questionsHint: detail.prompts.questionsHint,
      evaluation: ['Dagen var nyttig'],
    });
  });

  it('adds, reorders and removes sessions; an opened one or the last one cannot be removed', async () => {
    const detail = await create('municipal-process');
    const added = await json<WorkshopDetail>(
      await send(`/api/workshops/${detail.workshop.id}/sessions`, 'POST', {
        title: 'Opfølgning',
        kind: 'other',
        date: '2027-05-01',
        startTime: '13:00',
      }),
      201,
    );
    const extra = added.sessions.at(-1);
    expect(extra).toMatchObject({ title: 'Opfølgning', kind: 'other', agenda: [] });
    expect(extra?.boards.map((b) => b.kind)).toEqual(['plenum']);

    const order = [extra?.id, ...detail.sessions.map((s) => s.id)];
    const reordered = await json<WorkshopDetail>(
      await send(`/api/workshops/${detail.workshop.id}/session-order`, 'PUT', { sessionIds: order }),
    );
    expect(reordered.sessions.map((s) => s.id)).toEqual(order);

    const day1 = day1Of(detail);
    await json(await send(`/api/sessions/${day1.id}/open`, 'POST', {}));
    const refused = await send(`/api/sessions/${day1.id}`, 'DELETE');
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'SESSION_NOT_PLANNED' });

    const removed = await json<WorkshopDetail>(await send(`/api/sessions/${extra?.id}`, 'DELETE'));
    expect(removed.sessions.map((s) => s.id)).not.toContain(extra?.id);
    const board = await samle.asFacilitator(`/api/boards/${extra?.boards[0]?.id}`);
    expect(board.status).toBe(404);

    const blank = await create('blank');
    const last = await send(`/api/sessions/${blank.sessions[0]?.id}`, 'DELETE');
    expect(await last.json()).toMatchObject({ code: 'LAST_SESSION' });
  });

  it('refuses bad input with a code: no title, a date not in the calendar, a foreign item, a kind switch', async () => {
    const detail = await create('municipal-process');
    const day1 = day1Of(detail);
    const leadership = detail.sessions.find((s) => s.kind === 'leadership');
    const cases: Array<[string, string, unknown, number, string]> = [
      [`/api/sessions/${day1.id}`, 'PATCH', { title: '   ' }, 400, 'INVALID_REQUEST'],
      [`/api/sessions/${day1.id}`, 'PATCH', { date: '2027-02-30' }, 400, 'INVALID_DATE'],
      [`/api/sessions/${day1.id}`, 'PATCH', { startTime: '25:00' }, 400, 'INVALID_REQUEST'],
      [`/api/sessions/${leadership?.id}`, 'PATCH', { kind: 'employee_day' }, 409, 'SESSION_KIND_FIXED'],
      [
        `/api/sessions/${day1.id}/agenda`,
        'PUT',
        { items: [{ id: leadership?.agenda[0]?.id, kind: 'talk', title: 'Stjålet', minutes: 10 }] },
        400,
        'AGENDA_ITEM_NOT_FOUND',
      ],
      [
        `/api/sessions/${day1.id}/agenda`,
        'PUT',
        { items: [{ kind: 'talk', title: 'Uden tid', minutes: 0 }] },
        400,
        'INVALID_REQUEST',
      ],
      [`/api/workshops/${detail.workshop.id}`, 'PATCH', {}, 400, 'INVALID_REQUEST'],
    ];
    for (const [path, method, body, status, code] of cases) {
      const response = await send(path, method, body);
      expect({ path, status: response.status, body: await response.json() }).toMatchObject({ status, body: { code } });
    }
    const unchanged = day1Of(
      await json<WorkshopDetail>(await samle.asFacilitator(`/api/workshops/${detail.workshop.id}`)),
    );
    expect(unchanged.agenda).toEqual(day1.agenda);
  });

  it('refuses plan commands to participants and to facilitators of other workshops', async () => {
    const detail = await create('municipal-process');
    const day1 = day1Of(detail);
    await json(await send(`/api/sessions/${day1.id}/open`, 'POST', {}));
    const ada = await join(samle, day1.joinCode ?? '', 'Ada');
    const asAda = (path: string, method: string, body: unknown) =>
      fetch(`${samle.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${ada.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const attempts: Array<[string, string, unknown]> = [
      [`/api/workshops/${detail.workshop.id}`, 'PATCH', { title: 'Kapret' }],
      [`/api/sessions/${day1.id}`, 'PATCH', { title: 'Kapret' }],
      [`/api/sessions/${day1.id}/agenda`, 'PUT', { items: [] }],
      [`/api/workshops/${detail.workshop.id}/sessions`, 'POST', { title: 'Kapret', kind: 'other' }],
      [`/api/workshops/${detail.workshop.id}/duplicate`, 'POST', { title: 'Kapret' }],
    ];
    for (const [path, method, body] of attempts) {
      expect((await asAda(path, method, body)).status).toBe(401);
    }

    await json(
      await samle.asFacilitator('/api/auth/signup', {
        body: { name: 'Other Facilitator', email: 'other@example.dk', password: 'another long password' },
      }),
      201,
    );
    const signin = await fetch(`${samle.baseUrl}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'other@example.dk', password: 'another long password' }),
    });
    const otherCookie = (signin.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    for (const [path, method, body] of attempts) {
      const response = await fetch(`${samle.baseUrl}${path}`, {
        method,
        headers: { cookie: otherCookie, 'x-samle-csrf': '1', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(404);
    }
    const after = await json<WorkshopDetail>(await samle.asFacilitator(`/api/workshops/${detail.workshop.id}`));
    expect(after.workshop.title).toBe('Fremtidens ældrepleje');
    expect(day1Of(after).agenda).toEqual(day1.agenda);
  });
});
