import { type Static, Type } from '@sinclair/typebox';
import type * as Y from 'yjs';
import { literals } from './schemaHelpers.js';

/**
 * What became of the decisions: each decided idea's follow-up (status, progress,
 * milestones, owner and a dated log) and the impact pulses that ask participants,
 * months later, whether a decision happened and helped. Both live in the
 * published catalog's document (`<workshop>-published`), written by the server
 * only, beside the published snapshot: everyone in the workshop sees them live,
 * and republishing the catalog leaves them as they are.
 */

export const FOLLOW_UP_STATUSES = ['not_started', 'in_progress', 'done', 'dropped'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_TEXT_MAX = 500;
export const MILESTONES_MAX = 20;
export const PULSE_COMMENT_MAX = 1000;

/** A calendar date, `2027-03-15`. */
const IsoDate = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });

export interface Milestone {
  id: string;
  title: string;
  /** `2027-03-15`. */
  date: string;
  done: boolean;
}

/** One update as it was made: who, when, what they wrote, and the status and progress it left. */
export interface FollowUpLogEntry {
  at: number;
  by: string;
  text: string;
  status: FollowUpStatus;
  percent: number;
}

export interface FollowUpView {
  ideaId: string;
  status: FollowUpStatus;
  percent: number;
  owner: string;
  milestones: Milestone[];
  /** Oldest first. */
  log: FollowUpLogEntry[];
  updatedAt: number;
}

export const MilestoneInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    date: IsoDate,
    done: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** A follow-up command: what changes (anything left out stays), and the short text that goes in the log. */
export const FollowUpUpdateBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: FOLLOW_UP_TEXT_MAX, pattern: '\\S' }),
    status: Type.Optional(literals(FOLLOW_UP_STATUSES)),
    percent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    owner: Type.Optional(Type.String({ maxLength: 200 })),
    /** The whole milestone list as it should be (replaces the previous one). */
    milestones: Type.Optional(Type.Array(MilestoneInput, { maxItems: MILESTONES_MAX })),
  },
  { additionalProperties: false },
);
export type FollowUpUpdateBody = Static<typeof FollowUpUpdateBody>;

/** Applies a command to an idea's follow-up (or starts one); milestones are numbered in the order given. */
export function nextFollowUp(
  previous: FollowUpView | null,
  ideaId: string,
  body: FollowUpUpdateBody,
  by: string,
  at: number,
): FollowUpView {
  const status = body.status ?? previous?.status ?? 'not_started';
  // Done means done: the progress follows, unless the command says otherwise.
  const percent = body.percent ?? (status === 'done' ? 100 : (previous?.percent ?? 0));
  const milestones = body.milestones
    ? body.milestones.map((m, index) => ({ id: `m${index + 1}`, title: m.title.trim(), date: m.date, done: m.done }))
    : (previous?.milestones ?? []);
  return {
    ideaId,
    status,
    percent,
    owner: body.owner?.trim() ?? previous?.owner ?? '',
    milestones: [...milestones].sort((a, b) => a.date.localeCompare(b.date)),
    log: [...(previous?.log ?? []), { at, by, text: body.text.trim(), status, percent }],
    updatedAt: at,
  };
}

// ---- impact pulse -----------------------------------------------------------

export const PULSE_DAYS_DEFAULT = 14;

export interface PulseIdeaResult {
  answers: number;
  /** Average of "Did it happen?" (1–5), null without answers. */
  happened: number | null;
  helped: number | null;
}

export interface PulseView {
  id: string;
  ideaIds: string[];
  /** First and last day it takes answers (`2027-03-15`), in the workshop's time zone. */
  opensOn: string;
  closesOn: string;
  anonymous: boolean;
  createdAt: number;
  /** How many people answered, and the averages per idea. Comments stay with leaders and facilitators. */
  respondents: number;
  results: Record<string, PulseIdeaResult>;
}

export const SchedulePulseBody = Type.Object(
  {
    ideaIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 100 }),
    /** One pulse per date: the day it opens. */
    dates: Type.Array(IsoDate, { minItems: 1, maxItems: 6 }),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
    anonymous: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SchedulePulseBody = Static<typeof SchedulePulseBody>;

const Rating = Type.Integer({ minimum: 1, maximum: 5 });

export const PulseAnswerBody = Type.Object(
  {
    answers: Type.Array(
      Type.Object(
        {
          ideaId: Type.String({ minLength: 1, maxLength: 64 }),
          happened: Rating,
          helped: Rating,
          comment: Type.Optional(Type.String({ maxLength: PULSE_COMMENT_MAX })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);
export type PulseAnswerBody = Static<typeof PulseAnswerBody>;

/** `GET …/pulses/results`: per pulse and idea the averages, and the comments (with names only when not anonymous). */
export interface PulseResultsReport {
  pulses: Array<
    PulseView & {
      comments: Array<{ ideaId: string; text: string; name: string | null }>;
    }
  >;
}

/** Whether a pulse takes answers on `today` (`2027-03-15`). */
export function pulseIsOpen(pulse: Pick<PulseView, 'opensOn' | 'closesOn'>, today: string): boolean {
  return pulse.opensOn <= today && today <= pulse.closesOn;
}

/** `2027-03-15` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date where the workshop happens (Danish municipalities: Europe/Copenhagen). */
export function workshopToday(now: number, timeZone = 'Europe/Copenhagen'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

// ---- the document -------------------------------------------------------------

function followUpMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('followUp');
}
function pulseMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('pulses');
}

export function readFollowUps(doc: Y.Doc): FollowUpView[] {
  const out: FollowUpView[] = [];
  for (const value of followUpMap(doc).values()) {
    if (value && typeof value === 'object' && Array.isArray((value as FollowUpView).log))
      out.push(value as FollowUpView);
  }
  return out;
}

export function readFollowUp(doc: Y.Doc, ideaId: string): FollowUpView | null {
  const value = followUpMap(doc).get(ideaId);
  return value && typeof value === 'object' ? (value as FollowUpView) : null;
}

export function writeFollowUp(doc: Y.Doc, view: FollowUpView): void {
  followUpMap(doc).set(view.ideaId, view);
}

export function readPulses(doc: Y.Doc): PulseView[] {
  const out: PulseView[] = [];
  for (const value of pulseMap(doc).values()) {
    if (value && typeof value === 'object' && Array.isArray((value as PulseView).ideaIds)) out.push(value as PulseView);
  }
  return out.sort((a, b) => a.opensOn.localeCompare(b.opensOn) || a.createdAt - b.createdAt);
}

export function writePulse(doc: Y.Doc, pulse: PulseView): void {
  pulseMap(doc).set(pulse.id, pulse);
}

/** Both views of the published document at once, for the participants' page. */
export function readAfterDecision(doc: Y.Doc): { followUps: FollowUpView[]; pulses: PulseView[] } {
  return { followUps: readFollowUps(doc), pulses: readPulses(doc) };
}
