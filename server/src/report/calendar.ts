import ical, { type ICalCalendar } from 'ical-generator';
import type { AgendaItemRecord, SessionRecord, WorkshopGraph } from '../storage/contracts/workshopTypes.js';
import { WORKSHOP_TIME_ZONE, zonedInstant } from './sessionWindow.js';

const words = {
  da: { reflection: 'Frist for hjemmerefleksion', reflectionText: 'Hjemmerefleksionen skal være skrevet inden' },
  en: { reflection: 'Home reflection due', reflectionText: 'Write your home reflection before' },
} as const;

/**
 * Calendar files (RFC 5545) for a workshop's dated sessions: one event per session,
 * from its start time for as long as its agenda runs (a whole day when it has no
 * start time), and the home reflection's deadline as an all-day event on the day
 * before the next dated session after a session whose agenda has a reflection item.
 */
export function workshopCalendar(graph: WorkshopGraph, origin: string, onlySessionId?: string): ICalCalendar {
  const calendar = ical({
    name: graph.workshop.title,
    prodId: { company: 'Samle', product: 'Samle', language: graph.workshop.language.toUpperCase() },
    timezone: WORKSHOP_TIME_ZONE,
  });
  const sessions = [...graph.sessions].sort((a, b) => a.position - b.position);
  for (const [index, session] of sessions.entries()) {
    if (!session.date || (onlySessionId && session.id !== onlySessionId)) continue;
    const agenda = graph.agenda.filter((item) => item.sessionId === session.id);
    calendar.createEvent({
      id: `${session.id}@samle`,
      summary: session.title,
      description: [graph.workshop.title, ...agenda.map((item) => `• ${item.title}`)].join('\n'),
      location: session.place || null,
      url: `${origin}/w/${graph.workshop.id}`,
      ...eventTimes(session, agenda),
    });
    const deadline = reflectionDeadline(sessions, index, agenda);
    if (deadline) {
      const w = words[graph.workshop.language];
      calendar.createEvent({
        id: `${session.id}-reflection@samle`,
        summary: `${w.reflection}: ${graph.workshop.title}`,
        description: `${w.reflectionText} ${deadline.before.title}.`,
        url: `${origin}/w/${graph.workshop.id}`,
        start: new Date(`${deadline.day}T00:00:00Z`),
        allDay: true,
      });
    }
  }
  return calendar;
}

function eventTimes(
  session: SessionRecord,
  agenda: AgendaItemRecord[],
): { start: Date; end: Date; allDay?: boolean; timezone?: string } {
  const date = session.date ?? '';
  if (!session.startTime)
    return { start: new Date(`${date}T00:00:00Z`), end: new Date(`${date}T00:00:00Z`), allDay: true };
  const start = zonedInstant(date, session.startTime);
  const minutes = agenda.reduce((sum, item) => sum + item.minutes, 0);
  return { start: new Date(start), end: new Date(start + Math.max(minutes, 30) * 60_000) };
}

/** The day before the next dated session, when this session sets a home reflection. */
function reflectionDeadline(
  sessions: SessionRecord[],
  index: number,
  agenda: AgendaItemRecord[],
): { day: string; before: SessionRecord } | null {
  if (!agenda.some((item) => item.kind === 'reflection')) return null;
  const next = sessions.slice(index + 1).find((s) => s.date !== null);
  if (!next?.date) return null;
  const day = new Date(`${next.date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return { day: day.toISOString().slice(0, 10), before: next };
}
