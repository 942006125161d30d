import type { CalendarFeed, Grant } from '@samle/shared';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../src/access/logRedaction.js';
import { postgresKind, type RunningOn, sqliteKind } from './support/databaseKinds.js';
import { json, type WorkshopFixture, workshopWithTables } from './support/workshopFixture.js';

describe.each([sqliteKind, postgresKind()])("the workshop's calendar feed on $name", (kind) => {
  let running: RunningOn;
  let fx: WorkshopFixture;

  beforeAll(async () => {
    running = await kind.start();
    fx = await workshopWithTables(running.samle);
  }, 60_000);
  afterAll(async () => {
    await running?.samle.stop();
    await kind.cleanup();
  });

  const as = (grant: Grant, path: string, body?: unknown) =>
    fetch(`${running.samle.baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${grant.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** The feed's events, fetched as a calendar app does: no cookie, no token but the one in the link. */
  async function poll(url: string): Promise<{ status: number; events: ICAL.Event[] }> {
    const response = await fetch(url);
    if (response.status !== 200) return { status: response.status, events: [] };
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    return { status: 200, events: calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e)) };
  }

  it('is made by the facilitator, read by a participant, polled without signing in with every dated session and the reflection deadline, and revoked', async () => {
    const workshop = fx.detail.workshop.id;
    const participant = fx.participants[0] as Grant;
    const path = `/api/workshops/${workshop}/calendar-feed`;
    // No feed until the facilitator makes one; a participant cannot make it.
    expect(await json<CalendarFeed>(await as(participant, path))).toEqual({ url: null, path: null });
    expect((await as(participant, path, { action: 'renew' })).status).toBe(403);

    // Every session of the template gets a date; the employee day gets a start time and a place.
    const sessions = fx.detail.sessions; // in plan order: the API lists them by position
    for (const [index, session] of sessions.entries()) {
      const body =
        session.id === fx.sessionId
          ? { date: '2027-03-16', startTime: '09:30', place: 'Rådhuset' }
          : { date: new Date(Date.UTC(2027, 2, 1 + index * 14)).toISOString().slice(0, 10) };
      await json(await running.samle.asFacilitator(`/api/sessions/${session.id}`, { method: 'PATCH', body }));
    }

    const made = await json<CalendarFeed>(await running.samle.asFacilitator(path, { body: { action: 'renew' } }));
    expect(made.url).toMatch(new RegExp(`^http://[^/]+/api/calendar/${workshop}/[A-Za-z0-9_-]{40,}/samle\\.ics$`));
    expect(made.url?.endsWith(made.path ?? '-')).toBe(true);
    // The request log keeps the workshop, not the token.
    expect(redactUrl(made.path ?? '')).toBe(`/api/calendar/${workshop}/[redacted]/samle.ics`);
    expect(await json<CalendarFeed>(await as(participant, path))).toEqual(made);

    const first = await poll(made.url ?? '');
    expect(first.status).toBe(200);
    const uids = first.events.map((e) => e.uid);
    for (const session of sessions) expect(uids).toContain(`${session.id}@samle`);
    const day = first.events.find((e) => e.uid === `${fx.sessionId}@samle`);
    expect(day?.location).toBe('Rådhuset');
    expect(day?.startDate.toJSDate().toISOString()).toBe('2027-03-16T08:30:00.000Z');
    const deadline = first.events.find((e) => e.uid === `${fx.sessionId}-reflection@samle`);
    expect(deadline?.startDate.isDate).toBe(true);

    // A wrong token and another workshop's id get nothing.
    const wrong = (made.url ?? '').replace(/\/([A-Za-z0-9_-]{40,})\/samle\.ics$/, '/AAAA$1/samle.ics');
    expect((await poll(wrong)).status).toBe(404);

    // A new link: the old one stops working at once.
    const renewed = await json<CalendarFeed>(await running.samle.asFacilitator(path, { body: { action: 'renew' } }));
    expect(renewed.url).not.toBe(made.url);
    expect((await poll(made.url ?? '')).status).toBe(404);
    expect((await poll(renewed.url ?? '')).status).toBe(200);

    // Off: no link, and the last one is dead.
    expect(await json<CalendarFeed>(await running.samle.asFacilitator(path, { body: { action: 'off' } }))).toEqual({
      url: null,
      path: null,
    });
    expect((await poll(renewed.url ?? '')).status).toBe(404);
    expect(await json<CalendarFeed>(await as(participant, path))).toEqual({ url: null, path: null });
  });
});
