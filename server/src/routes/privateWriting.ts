import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  BoardIdSchema,
  controlDocId,
  createNote,
  draftDocId,
  type NoteView,
  notesOf,
  PrivateWritingBody,
  readNotes,
  readPrivateWriting,
  writePrivateWriting,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { principalOf } from '../access/requestAccess.js';
import { ApiFailure } from '../errors.js';
import type { BoardHistory } from '../history/BoardHistory.js';
import type { DocStore } from '../storage/contracts/types.js';
import type { Relay } from '../sync/Relay.js';

export interface PrivateWritingRouteOptions {
  access: AccessService;
  relay: Relay;
  docs: DocStore;
  /** Board history: a snapshot before every reveal. */
  history: BoardHistory;
}

const Params = Type.Object({ id: BoardIdSchema });
const Answer = Type.Object({
  on: Type.Boolean(),
  revealed: Type.Integer(),
  /** Drafts that could not be read or emptied (logged); their notes stay in the draft. */
  failed: Type.Integer(),
});

/**
 * Private writing: while it is on, each person writes new notes into their own
 * drafts doc (`<board>-draft-<owner>`), which nobody else can open — not a blur in
 * the page, the notes are never sent to anyone else. Turning it off is the reveal:
 * the server copies every draft onto the board at once and empties the drafts.
 */
export async function privateWritingRoutes(
  server: FastifyInstance,
  options: PrivateWritingRouteOptions,
): Promise<void> {
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { access, relay, docs, history } = options;

  async function facilitatedBoard(request: FastifyRequest): Promise<{ id: string; anonymous: boolean }> {
    const { id } = request.params as { id: string };
    const principal = await principalOf(request, access);
    const decision = await access.boardAccess(principal, id);
    if (decision.access === 'none') throw new ApiFailure(404, 'BOARD_NOT_FOUND', 'There is no board with this id.');
    if (principal.kind !== 'facilitator') {
      throw new ApiFailure(403, 'FACILITATOR_ONLY', 'Only the facilitator starts and reveals private writing.');
    }
    if (decision.access !== 'write')
      throw new ApiFailure(409, 'BOARD_ARCHIVED', 'This board is archived and read-only.');
    // Anonymity is the server's record of the board, never what the board's document says.
    return { id, anonymous: decision.placement?.board.anonymous === true };
  }

  /**
   * Copies every draft onto the board (one change), then empties the drafts. A draft that cannot be
   * read or emptied is reported (and logged) and left as it was, instead of failing the whole reveal:
   * one broken draft must not keep everyone's notes hidden.
   */
  async function reveal(
    request: FastifyRequest,
    board: { id: string; anonymous: boolean },
  ): Promise<{ revealed: number; failed: number }> {
    await history.take(board.id, 'reveal');
    const draftIds = await docs.listDocs(draftDocId(board.id, ''));
    const drafted: NoteView[] = [];
    const read: string[] = [];
    let failed = 0;
    for (const draftId of draftIds) {
      try {
        drafted.push(...(await relay.read(draftId, (doc) => readNotes(doc))));
        read.push(draftId);
      } catch (error) {
        failed++;
        request.log.error({ err: error, draftId }, 'a private-writing draft could not be read; it is left as it was');
      }
    }
    if (drafted.length > 0) {
      await relay.command(board.id, (doc) => {
        for (const note of drafted) {
          if (notesOf(doc).has(note.id)) continue;
          const created = createNote(doc, {
            id: note.id,
            x: note.x,
            y: note.y,
            color: note.color,
            text: note.text,
            createdAt: note.createdAt,
            ...(board.anonymous ? {} : { authorId: note.authorId, authorName: note.authorName }),
          });
          created.set('w', note.w);
          created.set('h', note.h);
        }
      });
    }
    for (const draftId of read) {
      try {
        await relay.command(draftId, (doc) => {
          for (const id of [...notesOf(doc).keys()]) notesOf(doc).delete(id);
        });
      } catch (error) {
        failed++;
        request.log.error({ err: error, draftId }, 'a revealed draft could not be emptied');
      }
    }
    return { revealed: drafted.length, failed };
  }

  app.post(
    '/api/boards/:id/private-writing',
    { schema: { params: Params, body: PrivateWritingBody, response: { 200: Answer } } },
    async (request) => {
      const board = await facilitatedBoard(request);
      const boardId = board.id;
      const { on } = request.body;
      const control = controlDocId(boardId);
      const current = await relay.read(control, readPrivateWriting);
      if (current.on === on) {
        throw new ApiFailure(
          409,
          'PRIVATE_WRITING_STATE',
          on ? 'Private writing is already on.' : 'Private writing is not on.',
        );
      }
      // Reveal first, then switch off: nobody sees the board without the drafts once the switch says "off".
      const { revealed, failed } = on ? { revealed: 0, failed: 0 } : await reveal(request, board);
      await relay.command(control, (doc) => writePrivateWriting(doc, on, Date.now()));
      request.log.info({ boardId, on, revealed, failed }, on ? 'private writing started' : 'private writing revealed');
      return { on, revealed, failed };
    },
  );
}
