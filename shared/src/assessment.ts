import { type Static, Type } from '@sinclair/typebox';
import type * as Y from 'yjs';
import { literals } from './schemaHelpers.js';

/**
 * Leadership assessment of catalog ideas: a decision (start now / city council /
 * on hold), a rationale, a priority rank, a timeline, an owner, related ideas.
 * These are commands (leaders and facilitators only); the server keeps every
 * change in a history and writes the current assessments into a doc only the
 * server writes, `<workshop>-assess`, read by leaders and facilitators.
 */

export const DECISIONS = ['start_now', 'council', 'on_hold'] as const;
export type Decision = (typeof DECISIONS)[number];

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });

export const AssessIdeaBody = Type.Object(
  {
    decision: Type.Optional(Type.Union([literals(DECISIONS), Type.Null()])),
    /** Markdown, written by the client's rich-text editor. */
    rationale: Type.Optional(Type.String({ maxLength: 20_000 })),
    rank: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1000 }), Type.Null()])),
    startMonth: Type.Optional(Type.Union([Month, Type.Null()])),
    endMonth: Type.Optional(Type.Union([Month, Type.Null()])),
    owner: Type.Optional(Type.String({ maxLength: 120 })),
    related: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 })),
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
  updatedAt: number;
  updatedBy: string;
}

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
  return [...map.values()].filter((a) => a && typeof a.ideaId === 'string');
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
