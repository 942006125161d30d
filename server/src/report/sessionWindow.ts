import type { AgendaRun } from '../storage/contracts/afterDecisionTypes.js';
import type { SessionRecord } from '../storage/contracts/workshopTypes.js';

/** Samle's users are Danish municipalities: session dates and times are Copenhagen's. */
export const WORKSHOP_TIME_ZONE = 'Europe/Copenhagen';

export interface TimeWindow {
  from: number;
  to: number;
}

/** The instant a wall-clock time (`2027-03-15`, `09:30`) has in `timeZone`. */
export function zonedInstant(date: string, time: string, timeZone = WORKSHOP_TIME_ZONE): number {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  // The zone's offset at that moment, read back from how the zone shows it (DST included).
  const shown = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(asUtc);
  const part = (type: string) => shown.find((p) => p.type === type)?.value ?? '00';
  const shownAsUtc = Date.parse(
    `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:00Z`,
  );
  return asUtc - (shownAsUtc - asUtc);
}

/**
 * When the session happened, for what the report takes from workshop-wide records
 * (questions, the evaluation, people who joined without a table): its calendar day,
 * and the day its first agenda item ran, stretched to cover every run. Null when
 * neither is known (a session never run and never dated).
 */
export function sessionWindow(session: SessionRecord, runs: readonly AgendaRun[], now = Date.now()): TimeWindow | null {
  const spans: TimeWindow[] = [];
  if (session.date) {
    spans.push({ from: zonedInstant(session.date, '00:00'), to: zonedInstant(session.date, '00:00') + 24 * 3600_000 });
  }
  const first = runs[0];
  if (first) {
    const ends = runs.map((run) => run.endedAt ?? now);
    spans.push({ from: first.startedAt, to: Math.max(...ends) + 1 });
    // People join and ask before the first item starts: the day the session ran counts whole.
    const ranOn = workshopDate(first.startedAt);
    spans.push({ from: zonedInstant(ranOn, '00:00'), to: zonedInstant(ranOn, '00:00') + 24 * 3600_000 });
  }
  if (spans.length === 0) return null;
  return { from: Math.min(...spans.map((s) => s.from)), to: Math.max(...spans.map((s) => s.to)) };
}

/** The calendar date (`2027-03-15`) of an instant where the workshop happens. */
export function workshopDate(at: number, timeZone = WORKSHOP_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
