import {
  BoardIdSchema,
  controlDocId,
  createNote,
  draftDocId,
  type NoteView,
  notesOf,
  type PrivateWritingBody as PrivateWriting,
  PrivateWritingBody,
  readBoardMeta,
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
import type { DocStore } from '../storage/types.js';
import type { Relay } from '../sync/Relay.js';

export interface PrivateWritingRouteOptions {
  access: AccessService;
  relay: Relay;
  docs: DocStore;
  /** Board history: a snapshot before every reveal. */
  history: BoardHistory;
}

const Params = Type.Object({ id: BoardIdSchema });
const Answer = Type.Object({ on: Type.Boolean(), revealed: Type.Integer() });

/**
 * Private writing: while it is on, each person writes new notes into their own
 * drafts doc (`<board>-draft-<owner>`), which nobody else can open — not a blur in
 * the page, the notes are never sent to anyone else. Turning it off is the reveal:
 * the server copies every draft onto the board at once and empties the drafts.
 */
export async function privateWritingRoutes(app: FastifyInstance, options: PrivateWritingRouteOptions): Promise<void> {
  const { access, relay, docs, history } = options;

  async function facilitatedBoard(request: FastifyRequest): Promise<string> {
    const { id } = request.params as { id: string };
    const principal = await principalOf(request, access);
    const decision = await access.boardAccess(principal, id);
    if (decision.access === 'none') throw new ApiFailure(404, 'BOARD_NOT_FOUND', 'There is no board with this id.');
    if (principal.kind !== 'facilitator') {
      throw new ApiFailure(403, 'FACILITATOR_ONLY', 'Only the facilitator starts and reveals private writing.');
    }
    if (decision.access !== 'write')
      throw new ApiFailure(409, 'BOARD_ARCHIVED', 'This board is archived and read-only.');
    return id;
  }

  /** Copies every draft onto the board (one change), then empties the drafts. Returns how many notes came out. */
  async function reveal(boardId: string): Promise<number> {
    await history.take(boardId, 'reveal');
    const draftIds = await docs.listDocs(draftDocId(boardId, ''));
    const drafted: NoteView[] = [];
    for (const draftId of draftIds) drafted.push(...(await relay.read(draftId, (doc) => readNotes(doc))));
    if (drafted.length > 0) {
      await relay.command(boardId, (doc) => {
        const anonymous = readBoardMeta(doc).anonymous;
        for (const note of drafted) {
          if (notesOf(doc).has(note.id)) continue;
          const created = createNote(doc, {
            id: note.id,
            x: note.x,
            y: note.y,
            color: note.color,
            text: note.text,
            createdAt: note.createdAt,
            ...(anonymous ? {} : { authorId: note.authorId, authorName: note.authorName }),
          });
          created.set('w', note.w);
          created.set('h', note.h);
        }
      });
    }
    for (const draftId of draftIds) {
      await relay.command(draftId, (doc) => {
        for (const id of [...notesOf(doc).keys()]) notesOf(doc).delete(id);
      });
    }
    return drafted.length;
  }

  app.post(
    '/api/boards/:id/private-writing',
    { schema: { params: Params, body: PrivateWritingBody, response: { 200: Answer } } },
    async (request) => {
      const boardId = await facilitatedBoard(request);
      const { on } = request.body as PrivateWriting;
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
      const revealed = on ? 0 : await reveal(boardId);
      await relay.command(control, (doc) => writePrivateWriting(doc, on, Date.now()));
      request.log.info({ boardId, on, revealed }, on ? 'private writing started' : 'private writing revealed');
      return { on, revealed };
    },
  );
}
