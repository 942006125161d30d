import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { BoardIdSchema, createNote, ShareToBoardBody } from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { principalOf } from '../access/requestAccess.js';
import { ApiFailure } from '../errors.js';
import type { WorkshopStore } from '../storage/contracts/workshopTypes.js';
import type { Relay } from '../sync/Relay.js';
import { newId } from '../workshops/plan.js';

/**
 * Sharing from one's home reflection onto a board: the person picks a paragraph
 * and whether to sign it; the server places it as a note. The reflection itself
 * stays private — only what was explicitly shared leaves it.
 */
export async function shareRoutes(
  server: FastifyInstance,
  options: { access: AccessService; relay: Relay; workshops: WorkshopStore },
): Promise<void> {
  const { access, relay, workshops } = options;
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/boards/:id/share',
    {
      schema: {
        params: Type.Object({ id: BoardIdSchema }),
        body: ShareToBoardBody,
        response: { 201: Type.Object({ noteId: Type.String() }) },
      },
    },
    async (request, reply) => {
      const { id: boardId } = request.params;
      const principal = await principalOf(request, access);
      const decision = await access.boardAccess(principal, boardId);
      if (decision.access === 'none') throw new ApiFailure(404, 'BOARD_NOT_FOUND', 'There is no board with this id.');
      if (decision.access !== 'write' || principal.kind !== 'person') {
        throw new ApiFailure(403, 'READ_ONLY', 'You cannot add notes to this board.');
      }
      const person = await workshops.getPerson(principal.personId);
      const body = request.body;
      const noteId = newId();
      // Anonymity is the server's record of the board, never what the board's document says.
      const signed = !body.anonymous && decision.placement?.board.anonymous !== true;
      await relay.command(boardId, (doc) => {
        createNote(doc, {
          id: noteId,
          // Shared notes arrive in a column at the board's left edge, newest lowest.
          x: 40,
          y: 40 + (doc.getMap('notes').size % 12) * 180,
          text: body.text.trim(),
          createdAt: Date.now(),
          ...(signed && person ? { authorId: person.id, authorName: person.name } : {}),
        });
      });
      return reply.code(201).send({ noteId });
    },
  );
}
