import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  BoardAccessAnswer,
  BoardIdSchema,
  BoardList,
  BoardSummary,
  BoardView,
  CreateBoardBody,
  setBoardAnonymous,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { assertCleanName } from '../access/names.js';
import { principalOf, requireFacilitator } from '../access/requestAccess.js';
import { ApiFailure } from '../errors.js';
import type { BoardRecord, BoardStore } from '../storage/contracts/boardTypes.js';
import { initialBoardUpdate } from '../workshops/boardDocs.js';
import { newId } from '../workshops/plan.js';

function toSummary(board: BoardRecord): BoardSummary {
  return { id: board.id, title: board.title, kind: board.kind, createdAt: new Date(board.createdAt).toISOString() };
}

export async function boardRoutes(
  server: FastifyInstance,
  options: { boards: BoardStore; access: AccessService },
): Promise<void> {
  const { boards, access } = options;
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();

  /** Standalone boards (outside any workshop) are the facilitators' scratch space. */
  app.get('/api/boards', { schema: { response: { 200: BoardList } } }, async (request) => {
    await requireFacilitator(request, access);
    return { boards: (await boards.listBoards()).map(toSummary) };
  });

  /** The board as the request's credential may use it; null when it may not or the board does not exist. */
  async function boardFor(request: FastifyRequest, id: string): Promise<BoardView | null> {
    const decision = await access.boardAccess(await principalOf(request, access), id);
    if (decision.access === 'none' || !decision.placement) return null;
    const { board, sessionStatus } = decision.placement;
    return {
      ...toSummary(board),
      access: decision.access,
      workshopId: board.workshopId ?? null,
      sessionId: board.sessionId ?? null,
      groupId: board.groupId ?? null,
      archived: sessionStatus === 'ended',
      anonymous: board.anonymous === true,
    };
  }

  app.get(
    '/api/boards/:id',
    { schema: { params: Type.Object({ id: BoardIdSchema }), response: { 200: BoardView } } },
    async (request) => {
      const board = await boardFor(request, request.params.id);
      // A board the caller may not see answers exactly like one that does not exist.
      if (!board) throw new ApiFailure(404, 'BOARD_NOT_FOUND', 'There is no board with this id.');
      return board;
    },
  );

  // The same decision as a 200 either way, for a client trying its credentials in turn (BoardAccessAnswer).
  app.get(
    '/api/boards/:id/access',
    { schema: { params: Type.Object({ id: BoardIdSchema }), response: { 200: BoardAccessAnswer } } },
    async (request) => ({ board: await boardFor(request, request.params.id) }),
  );

  app.post(
    '/api/boards',
    { schema: { body: CreateBoardBody, response: { 201: BoardSummary } } },
    async (request, reply) => {
      // Standalone boards are the facilitators' scratch space, so only a facilitator makes them.
      await requireFacilitator(request, access);
      const body = request.body;
      assertCleanName('The title', body.title);
      const board: BoardRecord = {
        id: newId(),
        title: body.title.trim(),
        kind: body.kind ?? 'plenum',
        createdAt: Date.now(),
      };
      const anonymous = body.anonymous === true;
      // Anonymous from the start: the server's record and the board's meta both say so before anyone writes.
      await boards.createBoard(
        board,
        initialBoardUpdate(board.title, board.kind, anonymous ? (doc) => setBoardAnonymous(doc, true) : undefined),
      );
      if (anonymous) await boards.setBoardAnonymous(board.id, true);
      request.log.info({ boardId: board.id }, 'board created');
      return reply.code(201).send(toSummary(board));
    },
  );
}
