import type { AgendaItem, Session } from '@samle/shared';

/** The running agenda item and its time box, from `currentItemId` + `currentItemStartedAt` + `minutes`. */
export interface AgendaClock {
  item: AgendaItem;
  /** Milliseconds until the time box ends; negative once it has run over. */
  remainingMs: number;
  overrun: boolean;
}

export function agendaClock(session: Pick<Session, 'agenda' | 'currentItemId' | 'currentItemStartedAt'>, now: number) {
  const item = session.agenda.find((candidate) => candidate.id === session.currentItemId);
  if (!item) return undefined;
  const started = session.currentItemStartedAt ? Date.parse(session.currentItemStartedAt) : Number.NaN;
  // Without a start time the item is current but its clock has not started: the whole box is left.
  const elapsed = Number.isNaN(started) ? 0 : Math.max(0, now - started);
  const remainingMs = item.minutes * 60_000 - elapsed;
  return { item, remainingMs, overrun: remainingMs < 0 } satisfies AgendaClock;
}

/** The item after the current one; the first item when none is current; null after the last. */
export function nextItemId(session: Pick<Session, 'agenda' | 'currentItemId'>): string | null {
  const index = session.agenda.findIndex((item) => item.id === session.currentItemId);
  return session.agenda[index + 1]?.id ?? null;
}

/** "4:05", "1:02:03": whole seconds, rounded towards the time box's end, sign dropped. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000) + (ms > 0 && ms % 1000 !== 0 ? 1 : 0);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Clock times at which each item starts if the agenda runs to plan from the current item's start. */
export function plannedStarts(
  session: Pick<Session, 'agenda' | 'currentItemId' | 'currentItemStartedAt'>,
): Map<string, number> {
  const starts = new Map<string, number>();
  const index = session.agenda.findIndex((item) => item.id === session.currentItemId);
  const started = session.currentItemStartedAt ? Date.parse(session.currentItemStartedAt) : Number.NaN;
  if (index < 0 || Number.isNaN(started)) return starts;
  let at = started;
  for (const item of session.agenda.slice(index)) {
    starts.set(item.id, at);
    at += item.minutes * 60_000;
  }
  return starts;
}
