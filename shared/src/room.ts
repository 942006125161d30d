import { type Static, Type } from '@sinclair/typebox';

/**
 * The room during a session (docs/api.md, "The room"): participants mark their
 * table's task done; the facilitator sees per table how many are done and how
 * many are connected (never who), and the live counts of the workshop's tools.
 * Done marks belong to one run of one agenda item: starting another item resets them.
 */

export const DoneBody = Type.Object({ done: Type.Boolean() }, { additionalProperties: false });
export type DoneBody = Static<typeof DoneBody>;

export const RoomState = Type.Object({
  /** The running agenda item's run ("<itemId>@<startedAt>"), or null when none runs. */
  round: Type.Union([Type.String(), Type.Null()]),
  /** The caller marked their table done in this round (participants). */
  myDone: Type.Boolean(),
  /** Facilitators only (empty for others). */
  tables: Type.Array(
    Type.Object({
      groupId: Type.String(),
      name: Type.String(),
      members: Type.Integer(),
      connected: Type.Integer(),
      done: Type.Integer(),
    }),
  ),
  /** Facilitators only: questions and proposals nobody has answered, and when the oldest was asked. */
  questions: Type.Union([
    Type.Object({ unanswered: Type.Integer(), oldestAt: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
  /** Facilitators only: the open evaluation's answers out of the participants and leaders. */
  evaluation: Type.Union([Type.Object({ responses: Type.Integer(), of: Type.Integer() }), Type.Null()]),
  /** Facilitators only: each open dot vote on the session's boards, how many have voted out of those who may. */
  votes: Type.Array(
    Type.Object({ boardId: Type.String(), title: Type.String(), voters: Type.Integer(), of: Type.Integer() }),
  ),
  /** Facilitators only: each board in private writing, the notes waiting and from how many people. */
  drafts: Type.Array(
    Type.Object({ boardId: Type.String(), title: Type.String(), writers: Type.Integer(), notes: Type.Integer() }),
  ),
});
export type RoomState = Static<typeof RoomState>;

export function roundOf(currentItemId: string | null, startedAt: number | null): string | null {
  return currentItemId === null ? null : `${currentItemId}@${startedAt ?? 0}`;
}
