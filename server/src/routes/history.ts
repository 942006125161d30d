import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  BoardHistory as BoardHistoryView,
  BoardIdSchema,
  type HistoryEntry,
  HistoryPreview,
  NoteIdSchema,
  RestoreResult,
  SnapshotIdSchema,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as Y from 'yjs';
import type { AccessService } from '../access/AccessService.js';
import { principalOf } from '../access/requestAccess.js';
import { ApiFailure } from '../errors.js';
import type { BoardHistory } from '../history/BoardHistory.js';
import { notesAddedSince, previewOf, restoreOneNote, restoreWholeBoard } from '../history/boardRestore.js';
import type { BoardSnapshot, BoardSnapshotInfo } from '../storage/contracts/historyTypes.js';
import type { Storage } from '../storage/contracts/types.js';
import type { Relay } from '../sync/Relay.js';

export interface HistoryRouteOptions {
  access: AccessService;
  relay: Relay;
  storage: Pick<Storage, 'history' | 'getBoard'>;
  history: BoardHistory;
}

const BoardParams = Type.Object({ id: BoardIdSchema });
const SnapshotParams = Type.Object({ id: BoardIdSchema, snapshotId: SnapshotIdSchema });
const NoteParams = Type.Object({ id: BoardIdSchema, snapshotId: SnapshotIdSchema, noteId: NoteIdSchema });
const EmptyBody = Type.Object({}, { additionalProperties: false });

/**
 * Board history for the facilitator: browse a board's snapshots, preview one, restore the
 * whole board or one deleted note. Restores are server changes to the live doc (everyone
 * connected sees them at once), preceded by a snapshot so a restore can itself be undone.
 */
export async function historyRoutes(server: FastifyInstance, options: HistoryRouteOptions): Promise<void> {
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { access, relay, storage, history } = options;

  async function facilitatedBoard(request: FastifyRequest): Promise<{ boardId: string; archived: boolean }> {
    const { id } = request.params as { id: string };
    const principal = await principalOf(request, access);
    const decision = await access.boardAccess(principal, id);
    if (decision.access === 'none') throw new ApiFailure(404, 'BOARD_NOT_FOUND', 'There is no board with this id.');
    if (principal.kind !== 'facilitator') {
      throw new ApiFailure(403, 'FACILITATOR_ONLY', "Only the facilitator can see and restore a board's history.");
    }
    return { boardId: id, archived: decision.access !== 'write' };
  }

  async function snapshotOf(boardId: string, request: FastifyRequest): Promise<BoardSnapshot> {
    const { snapshotId } = request.params as { snapshotId: string };
    const snapshot = await storage.history.getSnapshot(boardId, snapshotId);
    if (!snapshot) {
      throw new ApiFailure(
        404,
        'SNAPSHOT_NOT_FOUND',
        'This version of the board is no longer kept. Reload the history.',
      );
    }
    return snapshot;
  }

  function assertWritable(board: { archived: boolean }): void {
    if (board.archived) {
      throw new ApiFailure(
        409,
        'BOARD_ARCHIVED',
        'This board is archived and read-only; its history can only be viewed.',
      );
    }
  }

  async function isAnonymous(boardId: string): Promise<boolean> {
    return (await storage.getBoard(boardId))?.anonymous === true;
  }

  app.get(
    '/api/boards/:id/history',
    { schema: { params: BoardParams, response: { 200: BoardHistoryView } } },
    async (request) => {
      const board = await facilitatedBoard(request);
      const snapshots = await storage.history.listSnapshots(board.boardId);
      return { snapshots: snapshots.map(entryOf), archived: board.archived };
    },
  );

  app.get(
    '/api/boards/:id/history/:snapshotId',
    { schema: { params: SnapshotParams, response: { 200: HistoryPreview } } },
    async (request) => {
      const board = await facilitatedBoard(request);
      const snapshot = await snapshotOf(board.boardId, request);
      return withDocs(snapshot, async (before) => {
        const live = new Y.Doc();
        try {
          await relay.read(board.boardId, (doc) => Y.applyUpdate(live, Y.encodeStateAsUpdate(doc)));
          return { snapshot: entryOf(snapshot), ...previewOf(before, live), addedSince: notesAddedSince(before, live) };
        } finally {
          live.destroy();
        }
      });
    },
  );

  app.post(
    '/api/boards/:id/history/:snapshotId/restore',
    { schema: { params: SnapshotParams, body: EmptyBody, response: { 200: RestoreResult } } },
    async (request) => {
      const board = await facilitatedBoard(request);
      assertWritable(board);
      const snapshot = await snapshotOf(board.boardId, request);
      const anonymous = await isAnonymous(board.boardId);
      const undo = await history.take(board.boardId, 'before-restore');
      // Without the board as it is now in the history, the restore could not be undone: do none.
      if (!undo) {
        throw new ApiFailure(
          503,
          'HISTORY_UNAVAILABLE',
          'The board could not be saved before restoring, so nothing was changed. Try again.',
        );
      }
      const counts = await withDocs(snapshot, async (before) => {
        let result = { restored: 0, removed: 0, changed: 0 };
        await relay.command(board.boardId, (doc) => {
          result = restoreWholeBoard(doc, before, { anonymous });
        });
        return result;
      });
      request.log.info({ boardId: board.boardId, snapshotId: snapshot.id, ...counts }, 'board restored from history');
      return { ...counts, undoSnapshotId: undo.id, undoTakenAt: undo.takenAt };
    },
  );

  app.post(
    '/api/boards/:id/history/:snapshotId/notes/:noteId/restore',
    { schema: { params: NoteParams, body: EmptyBody, response: { 200: RestoreResult } } },
    async (request) => {
      const board = await facilitatedBoard(request);
      assertWritable(board);
      const snapshot = await snapshotOf(board.boardId, request);
      const { noteId } = request.params;
      const anonymous = await isAnonymous(board.boardId);
      const outcome = await withDocs(snapshot, async (before) => {
        let result: ReturnType<typeof restoreOneNote> = 'not-in-snapshot';
        await relay.command(board.boardId, (doc) => {
          result = restoreOneNote(doc, before, noteId, { anonymous });
        });
        return result;
      });
      if (outcome === 'not-in-snapshot') {
        throw new ApiFailure(404, 'NOTE_NOT_IN_SNAPSHOT', 'This version of the board has no such note.');
      }
      if (outcome === 'on-board') {
        throw new ApiFailure(409, 'NOTE_ON_BOARD', 'This note is on the board already; nothing was changed.');
      }
      request.log.info({ boardId: board.boardId, snapshotId: snapshot.id, noteId }, 'note restored from history');
      return { restored: 1, removed: 0, changed: 0, undoSnapshotId: null, undoTakenAt: null };
    },
  );
}

function entryOf(info: BoardSnapshotInfo): HistoryEntry {
  return {
    id: info.id,
    takenAt: info.takenAt,
    reason: info.reason,
    noteCount: info.noteCount,
    writerCount: info.writerCount,
  };
}

/** Runs `use` with the snapshot's state in a scratch doc, destroyed afterwards. */
async function withDocs<T>(snapshot: BoardSnapshot, use: (before: Y.Doc) => Promise<T>): Promise<T> {
  const before = new Y.Doc();
  try {
    Y.applyUpdate(before, snapshot.data);
    return await use(before);
  } finally {
    before.destroy();
  }
}
