import { type Static, Type } from '@sinclair/typebox';
import { BOARD_KINDS } from './board.js';

/** JSON API schemas, used by the server to validate and by the client for types. */

export const BOARD_TITLE_MAX = 120;

export const BoardIdSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' });

export const CreateBoardBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: BOARD_TITLE_MAX, pattern: '\\S' }),
    kind: Type.Optional(Type.Union(BOARD_KINDS.map((kind) => Type.Literal(kind)))),
  },
  { additionalProperties: false },
);
export type CreateBoardBody = Static<typeof CreateBoardBody>;

export const BoardSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: Type.Union(BOARD_KINDS.map((kind) => Type.Literal(kind))),
  createdAt: Type.String({ format: 'date-time' }),
});
export type BoardSummary = Static<typeof BoardSummary>;

export const BoardList = Type.Object({ boards: Type.Array(BoardSummary) });
export type BoardList = Static<typeof BoardList>;

/** Every error the API returns has this shape; `code` is stable, `message` is for people. */
export const ApiError = Type.Object({
  code: Type.String(),
  message: Type.String(),
});
export type ApiError = Static<typeof ApiError>;
