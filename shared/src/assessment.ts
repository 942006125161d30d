import { type Static, Type } from '@sinclair/typebox';
import type * as Y from 'yjs';
import { literals } from './schemaHelpers.js';

/**
 * Leadership assessment of catalog ideas: a decision (start now / city council /
 * on hold), a public rationale, a priority rank, a timeline, an owner, related
 * ideas, estimates (one-off and yearly DKK, staff hours) and an internal note.
 * These are commands (leaders and facilitators only); the server keeps every
 * change in a history and writes the current assessments into a doc only the
 * server writes, `<workshop>-assess`, read by leaders and facilitators.
 */

export const DECISIONS = ['start_now', 'council', 'on_hold'] as const;
export type Decision = (typeof DECISIONS)[number];

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });

/** The highest priority rank (1 is first). */
export const RANK_MAX = 1000;
/** The largest estimate in DKK a field takes (a billion: no municipal idea costs more). */
export const DKK_MAX = 1_000_000_000;
/** The most staff hours an estimate takes. */
export const HOURS_MAX = 10_000_000;
/** The longest internal leaders' note. */
export const INTERNAL_NOTE_MAX = 10_000;

const Amount = (maximum: number) => Type.Union([Type.Integer({ minimum: 0, maximum }), Type.Null()]);

export const AssessIdeaBody = Type.Object(
  {
    decision: Type.Optional(Type.Union([literals(DECISIONS), Type.Null()])),
    /** Markdown, written by the client's rich-text editor. */
    rationale: Type.Optional(Type.String({ maxLength: 20_000 })),
    rank: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: RANK_MAX }), Type.Null()])),
    startMonth: Type.Optional(Type.Union([Month, Type.Null()])),
    endMonth: Type.Optional(Type.Union([Month, Type.Null()])),
    owner: Type.Optional(Type.String({ maxLength: 120 })),
    related: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 })),
    /** Leaders' internal note: never published, exported only by an explicitly internal export. */
    internalNote: Type.Optional(Type.String({ maxLength: INTERNAL_NOTE_MAX })),
    /** Estimated one-off cost in whole DKK. */
    oneOffDkk: Type.Optional(Amount(DKK_MAX)),
    /** Estimated yearly cost in whole DKK. */
    yearlyDkk: Type.Optional(Amount(DKK_MAX)),
    /** Estimated staff hours. */
    staffHours: Type.Optional(Amount(HOURS_MAX)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AssessIdeaBody = Static<typeof AssessIdeaBody>;

export interface AssessmentView {
  ideaId: string;
  decision: Decision | null;
  /** Markdown. */
  rationale: string;
  rank: number | null;
  startMonth: string | null;
  endMonth: string | null;
  owner: string;
  related: string[];
  /** Leaders only: never in the published catalog, nor in an export unless it is the internal one. */
  internalNote: string;
  oneOffDkk: number | null;
  yearlyDkk: number | null;
  staffHours: number | null;
  updatedAt: number;
  updatedBy: string;
}

/** The fields an assessment made before estimates and internal notes existed reads as. */
const ADDED_LATER = { internalNote: '', oneOffDkk: null, yearlyDkk: null, staffHours: null } as const;

export interface DecisionChange {
  ideaId: string;
  field: keyof AssessIdeaBody;
  from: string | null;
  to: string | null;
  by: string;
  at: number;
}

export function readAssessments(doc: Y.Doc): AssessmentView[] {
  const map = doc.getMap<AssessmentView>('assessments');
  return [...map.values()].filter((a) => a && typeof a.ideaId === 'string').map((a) => ({ ...ADDED_LATER, ...a }));
}

export function writeAssessment(doc: Y.Doc, assessment: AssessmentView): void {
  doc.getMap<AssessmentView>('assessments').set(assessment.ideaId, assessment);
}

/** Fields that differ between two assessments, as history entries. */
export function assessmentChanges(
  before: AssessmentView | null,
  after: AssessmentView,
  by: string,
  at: number,
): DecisionChange[] {
  const fields: Array<keyof AssessIdeaBody> = [
    'decision',
    'rationale',
    'rank',
    'startMonth',
    'endMonth',
    'owner',
    'related',
    'internalNote',
    'oneOffDkk',
    'yearlyDkk',
    'staffHours',
  ];
  const text = (value: unknown): string | null =>
    value === null || value === undefined || value === ''
      ? null
      : Array.isArray(value)
        ? value.join(',') || null
        : String(value);
  const changes: DecisionChange[] = [];
  for (const field of fields) {
    const from = text(before?.[field]);
    const to = text(after[field]);
    if (from !== to) changes.push({ ideaId: after.ideaId, field, from, to, by, at });
  }
  return changes;
}
