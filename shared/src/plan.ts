import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { EVALUATION_LABEL_MAX, EVALUATION_RATINGS_MAX } from './evaluation.js';
import { literals } from './schemaHelpers.js';
import { AGENDA_KINDS, ClockTime, IsoDate, type Prompts, SESSION_KINDS, type Session } from './workshopApi.js';

/**
 * Editing a workshop's process plan (docs/api.md, "Process plan"): the
 * facilitator's commands, and the checks both sides share — clock times
 * computed from the start time and the durations, and the warnings the plan
 * editor shows (things that are allowed but probably not meant).
 */

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const PLAN_TITLE_MAX = 120;
export const AGENDA_TEXT_MAX = 2000;
export const PROMPT_MAX = 500;
export const AGENDA_MAX_ITEMS = 60;
export const SESSIONS_MAX = 20;

const Title = Type.String({ minLength: 1, maxLength: PLAN_TITLE_MAX, pattern: '\\S' });
const Place = Type.String({ maxLength: PLAN_TITLE_MAX });

export const UpdateWorkshopBody = Type.Object(
  {
    title: Type.Optional(Title),
    organisation: Type.Optional(Type.String({ maxLength: PLAN_TITLE_MAX })),
    prompts: Type.Optional(
      Type.Object(
        {
          reflection: Type.Optional(Type.String({ minLength: 1, maxLength: PROMPT_MAX, pattern: '\\S' })),
          questionsHint: Type.Optional(Type.String({ maxLength: PROMPT_MAX })),
          evaluation: Type.Optional(
            Type.Array(Type.String({ minLength: 1, maxLength: EVALUATION_LABEL_MAX, pattern: '\\S' }), {
              minItems: 1,
              maxItems: EVALUATION_RATINGS_MAX,
            }),
          ),
        },
        { additionalProperties: false, minProperties: 1 },
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateWorkshopBody = Static<typeof UpdateWorkshopBody>;

export const AddSessionBody = Type.Object(
  {
    title: Title,
    kind: literals(SESSION_KINDS),
    date: Type.Optional(Nullable(IsoDate)),
    startTime: Type.Optional(Nullable(ClockTime)),
    place: Type.Optional(Place),
  },
  { additionalProperties: false },
);
export type AddSessionBody = Static<typeof AddSessionBody>;

export const UpdateSessionBody = Type.Object(
  {
    title: Type.Optional(Title),
    kind: Type.Optional(literals(SESSION_KINDS)),
    date: Type.Optional(Nullable(IsoDate)),
    startTime: Type.Optional(Nullable(ClockTime)),
    place: Type.Optional(Place),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSessionBody = Static<typeof UpdateSessionBody>;

export const SessionOrderBody = Type.Object(
  { sessionIds: Type.Array(Id, { minItems: 1, maxItems: SESSIONS_MAX }) },
  { additionalProperties: false },
);
export type SessionOrderBody = Static<typeof SessionOrderBody>;

export const AgendaItemInput = Type.Object(
  {
    /** An existing item's id; absent for a new item. */
    id: Type.Optional(Id),
    kind: literals(AGENDA_KINDS),
    title: Title,
    text: Type.Optional(Type.String({ maxLength: AGENDA_TEXT_MAX })),
    minutes: Type.Integer({ minimum: 1, maximum: 600 }),
  },
  { additionalProperties: false },
);
export type AgendaItemInput = Static<typeof AgendaItemInput>;

/** The session's whole agenda in its new order: items kept by id, new ones without, missing ones removed. */
export const ReplaceAgendaBody = Type.Object(
  { items: Type.Array(AgendaItemInput, { maxItems: AGENDA_MAX_ITEMS }) },
  { additionalProperties: false },
);
export type ReplaceAgendaBody = Static<typeof ReplaceAgendaBody>;

export const SaveTemplateBody = Type.Object({ title: Title }, { additionalProperties: false });
export type SaveTemplateBody = Static<typeof SaveTemplateBody>;

export const SavedTemplate = Type.Object({
  id: Id,
  title: Type.String(),
  sessionCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type SavedTemplate = Static<typeof SavedTemplate>;

export const DuplicateWorkshopBody = Type.Object(
  { title: Title, startDate: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export type DuplicateWorkshopBody = Static<typeof DuplicateWorkshopBody>;

// ---- clock times ----------------------------------------------------------------

/** "09:30" → 570; null for anything else. */
export function minutesOfDay(clock: string | null | undefined): number | null {
  const match = clock ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 570 → "09:30"; past midnight wraps ("24:15" is shown as "00:15"). */
export function clockOf(minutes: number): string {
  const day = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(day / 60)).padStart(2, '0')}:${String(day % 60).padStart(2, '0')}`;
}

/** When each agenda item starts and ends by the plan, in minutes of the day; empty without a start time. */
export function plannedSchedule(
  session: Pick<Session, 'agenda' | 'startTime'>,
): Map<string, { start: number; end: number }> {
  const schedule = new Map<string, { start: number; end: number }>();
  let at = minutesOfDay(session.startTime);
  if (at === null) return schedule;
  for (const item of session.agenda) {
    schedule.set(item.id, { start: at, end: at + item.minutes });
    at += item.minutes;
  }
  return schedule;
}

// ---- warnings -----------------------------------------------------------------

/**
 * Things in a plan that are allowed but likely mistakes; the plan editor shows
 * them beside the session. Errors (a missing title, a time that is not a time)
 * are refused by the API instead.
 */
export type PlanWarning =
  | { code: 'EMPTY_AGENDA'; sessionId: string }
  | { code: 'IN_THE_PAST'; sessionId: string }
  | { code: 'OVERLAPS'; sessionId: string; otherSessionId: string }
  | { code: 'PAST_MIDNIGHT'; sessionId: string }
  | { code: 'NO_DATE'; sessionId: string };

/** `today` is the facilitator's local date, "2026-12-06". */
export function planWarnings(
  sessions: ReadonlyArray<Pick<Session, 'id' | 'date' | 'startTime' | 'status' | 'agenda'>>,
  today: string,
): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const spans = new Map<string, { date: string; start: number; end: number }>();
  for (const session of sessions) {
    if (session.status === 'ended') continue;
    if (session.agenda.length === 0) warnings.push({ code: 'EMPTY_AGENDA', sessionId: session.id });
    if (session.date === null) warnings.push({ code: 'NO_DATE', sessionId: session.id });
    else if (session.status === 'planned' && session.date < today) {
      warnings.push({ code: 'IN_THE_PAST', sessionId: session.id });
    }
    const start = minutesOfDay(session.startTime);
    if (start === null || session.date === null) continue;
    const end = start + session.agenda.reduce((sum, item) => sum + item.minutes, 0);
    if (end > 1440) warnings.push({ code: 'PAST_MIDNIGHT', sessionId: session.id });
    for (const [otherId, other] of spans) {
      if (other.date === session.date && start < other.end && other.start < end) {
        warnings.push({ code: 'OVERLAPS', sessionId: session.id, otherSessionId: otherId });
      }
    }
    spans.set(session.id, { date: session.date, start, end });
  }
  return warnings;
}

/** True for a calendar date that exists ("2026-02-30" does not). */
export function isRealDate(isoDate: string): boolean {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === isoDate;
}

/** Prompts as stored (JSON text); null when absent or not in shape, so the defaults apply. */
export function parsePrompts(json: string | null): Prompts | null {
  if (!json) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    // Written only by the server from validated input: unreadable means "not set", and the defaults apply.
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const { reflection, questionsHint, evaluation } = value as Record<string, unknown>;
  if (typeof reflection !== 'string' || typeof questionsHint !== 'string' || !Array.isArray(evaluation)) return null;
  return { reflection, questionsHint, evaluation: evaluation.filter((q): q is string => typeof q === 'string') };
}
