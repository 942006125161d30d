import {
  type AgendaItemInput,
  clockOf,
  EVALUATION_RATINGS_MAX,
  minutesOfDay,
  plannedSchedule,
  type Session,
} from '@samle/shared';

/** The agenda as the replace command takes it (ids kept, so the running item keeps running). */
export function agendaInput(session: Pick<Session, 'agenda'>): AgendaItemInput[] {
  return session.agenda.map(({ id, kind, title, text, minutes }) => ({ id, kind, title, text, minutes }));
}

/** `ids` with `id` moved to index `to` (clamped). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length) return [...list];
  const rest = list.filter((_, index) => index !== from);
  const at = Math.max(0, Math.min(rest.length, to));
  return [...rest.slice(0, at), list[from] as T, ...rest.slice(at)];
}

/** Each item's planned clock span, "09:00"–"09:15", from the session's start time; empty without one. */
export function clockSpans(
  session: Pick<Session, 'agenda' | 'startTime'>,
): Map<string, { start: string; end: string }> {
  const spans = new Map<string, { start: string; end: string }>();
  for (const [id, span] of plannedSchedule(session))
    spans.set(id, { start: clockOf(span.start), end: clockOf(span.end) });
  return spans;
}

/** The agenda's total minutes and, with a start time, when it ends. */
export function agendaTotal(session: Pick<Session, 'agenda' | 'startTime'>): { minutes: number; end: string | null } {
  const minutes = session.agenda.reduce((sum, item) => sum + item.minutes, 0);
  const start = minutesOfDay(session.startTime);
  return { minutes, end: start === null ? null : clockOf(start + minutes) };
}

export type PlanProblem = 'titleRequired' | 'minutes' | 'time' | 'tooManyQuestions' | 'noQuestions';

/** What the server would refuse, said before sending. */
export function titleProblem(value: string): PlanProblem | undefined {
  return value.trim() === '' ? 'titleRequired' : undefined;
}

export function minutesProblem(value: string): PlanProblem | undefined {
  const minutes = Number(value);
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= 600 ? undefined : 'minutes';
}

export function timeProblem(value: string): PlanProblem | undefined {
  return value === '' || minutesOfDay(value) !== null ? undefined : 'time';
}

/** Evaluation questions from a textarea, one per line, blank lines dropped. */
export function evaluationLines(value: string): { questions: string[]; problem: PlanProblem | undefined } {
  const questions = value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (questions.length === 0) return { questions, problem: 'noQuestions' };
  if (questions.length > EVALUATION_RATINGS_MAX) return { questions, problem: 'tooManyQuestions' };
  return { questions, problem: undefined };
}

/** The facilitator's local date, "2026-12-06", for the plan's warnings. */
export function localToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
