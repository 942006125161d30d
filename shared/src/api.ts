import { type Static, Type } from '@sinclair/typebox';
import { BOARD_KINDS } from './board.js';
import { literals } from './schemaHelpers.js';

/** JSON API schemas, used by the server to validate and by the client for types. */

export const BOARD_TITLE_MAX = 120;

export const BoardIdSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' });

export const CreateBoardBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: BOARD_TITLE_MAX, pattern: '\\S' }),
    kind: Type.Optional(literals(BOARD_KINDS)),
    /** No note on the board shows who wrote it, from the first note on (default false). */
    anonymous: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateBoardBody = Static<typeof CreateBoardBody>;

export const BoardSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: literals(BOARD_KINDS),
  createdAt: Type.String({ format: 'date-time' }),
});
export type BoardSummary = Static<typeof BoardSummary>;

/** A board as its viewer may use it: `GET /api/boards/:id`. */
export const BoardView = Type.Composite([
  BoardSummary,
  Type.Object({
    access: literals(['write', 'read'] as const),
    workshopId: Type.Union([Type.String(), Type.Null()]),
    sessionId: Type.Union([Type.String(), Type.Null()]),
    groupId: Type.Union([Type.String(), Type.Null()]),
    /** Its session has ended: read-only for everyone. */
    archived: Type.Boolean(),
    /** Notes are shown and stored without their author (the server's record; clients cannot change it). */
    anonymous: Type.Boolean(),
  }),
]);
export type BoardView = Static<typeof BoardView>;

/**
 * `GET /api/boards/:id/access`: the board as this credential may use it, or null when it may not — for a board
 * that does not exist just the same, so it tells no more than the 404 of `GET /api/boards/:id`. A client holding
 * several credentials asks with each in turn without drawing an error response for the ones that do not fit.
 */
export const BoardAccessAnswer = Type.Object({ board: Type.Union([BoardView, Type.Null()]) });
export type BoardAccessAnswer = Static<typeof BoardAccessAnswer>;

export const BoardList = Type.Object({ boards: Type.Array(BoardSummary) });
export type BoardList = Static<typeof BoardList>;

/** Every error the API returns has this shape; `code` is stable, `message` is for people. */
export const ApiError = Type.Object({
  code: Type.String(),
  message: Type.String(),
});
export type ApiError = Static<typeof ApiError>;
