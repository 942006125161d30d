import { type Static, Type } from '@sinclair/typebox';
import { IsoDate } from './workshopApi.js';

/** JSON schemas of the privacy API: retention dates and purging (docs/privacy.md, docs/api.md). */

/** How long before its retention date a workshop's facilitators are warned that it will be purged. */
export const PURGE_WARNING_DAYS = 14;

/** The last day a workshop's data is kept (its purge runs on the next daily run after that day), or null: kept until deleted. */
export const RetentionBody = Type.Object(
  { retainUntil: Type.Union([IsoDate, Type.Null()]) },
  { additionalProperties: false },
);
export type RetentionBody = Static<typeof RetentionBody>;

export const RetentionState = Type.Object({
  retainUntil: Type.Union([IsoDate, Type.Null()]),
  /** The purge is at most PURGE_WARNING_DAYS away: the facilitator is shown a warning. */
  purgeSoon: Type.Boolean(),
});
export type RetentionState = Static<typeof RetentionState>;

/** Deleting a workshop now: the caller repeats its title, so a slip of the keyboard deletes nothing. */
export const DeleteWorkshopBody = Type.Object(
  { confirmTitle: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type DeleteWorkshopBody = Static<typeof DeleteWorkshopBody>;

/** A retention date (a day) as the moment its data becomes due: the end of that day, UTC. */
export function retentionDeadline(day: string): number {
  return Date.parse(`${day}T23:59:59.999Z`);
}

export function retentionDay(deadline: number): string {
  return new Date(deadline).toISOString().slice(0, 10);
}

/** Erasing a person: the facilitator repeats the person's name as shown, so the wrong person is not erased by a slip. */
export const ErasePersonBody = Type.Object(
  { confirmName: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type ErasePersonBody = Static<typeof ErasePersonBody>;

export const ErasureResult = Type.Object({
  /** What the person's name became. */
  name: Type.String(),
  /** Documents their authorship was removed from. */
  scrubbedDocs: Type.Integer(),
  /** Their own documents (drafts, reflection), deleted. */
  deletedDocs: Type.Integer(),
});
export type ErasureResult = Static<typeof ErasureResult>;
