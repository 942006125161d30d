import { BoardIdSchema, BoardList, BoardSummary, CreateBoardBody, initBoard } from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { nanoid } from 'nanoid';
import * as Y from 'yjs';
import { ApiFailure } from '../errors.js';
import type { BoardRecord, BoardStore } from '../storage/types.js';

function toSummary(board: BoardRecord): BoardSummary {
  return { id: board.id, title: board.title, kind: board.kind, createdAt: new Date(board.createdAt).toISOString() };
}

/** The board's first doc update: its meta, written by the server so every client starts from the same title and schema. */
export function initialBoardUpdate(title: string, kind: BoardRecord['kind']): Uint8Array {
  const doc = new Y.Doc();
  try {
    initBoard(doc, { title, boardKind: kind });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

export async function boardRoutes(app: FastifyInstance, options: { boards: BoardStore }): Promise<void> {
  const { boards } = options;

  app.get('/api/boards', { schema: { response: { 200: BoardList } } }, async () => {
    return { boards: (await boards.listBoards()).map(toSummary) };
  });

  app.get(
    '/api/boards/:id',
    { schema: { params: Type.Object({ id: BoardIdSchema }), response: { 200: BoardSummary } } },
    async (request) => {
      const { id } = request.params as { id: string };
      const board = await boards.getBoard(id);
      if (!board) throw new ApiFailure(404, 'BOARD_NOT_FOUND', 'There is no board with this id.');
      return toSummary(board);
    },
  );

  app.post(
    '/api/boards',
    { schema: { body: CreateBoardBody, response: { 201: BoardSummary } } },
    async (request, reply) => {
      const body = request.body as CreateBoardBody;
      const board: BoardRecord = {
        id: nanoid(12),
        title: body.title.trim(),
        kind: body.kind ?? 'plenum',
        createdAt: Date.now(),
      };
      await boards.createBoard(board, initialBoardUpdate(board.title, board.kind));
      request.log.info({ boardId: board.id }, 'board created');
      return reply.code(201).send(toSummary(board));
    },
  );
}
