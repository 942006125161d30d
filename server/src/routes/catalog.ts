import {
  addIdea,
  catalogDocId,
  clusterMembers,
  clustersOf,
  clusterTitle,
  type GatherBody as Gather,
  GatherBody,
  notesOf,
  readBoardMeta,
  readNote,
  type Source,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { ApiFailure } from '../errors.js';
import type { WorkshopStore } from '../storage/workshopTypes.js';
import type { Relay } from '../sync/Relay.js';
import { newId } from '../workshops/plan.js';
import { workshopCaller } from './guards.js';

/**
 * Gathering the threads: notes and clusters from any boards of a workshop become
 * one catalog idea. The server reads the boards itself, so each source's board,
 * table, session and author (unless the board is anonymous) are what the boards
 * say. The notes stay where they are, unchanged.
 */
export async function catalogRoutes(
  app: FastifyInstance,
  options: { access: AccessService; relay: Relay; workshops: WorkshopStore },
): Promise<void> {
  const { access, relay, workshops } = options;

  app.post(
    '/api/workshops/:id/catalog/gather',
    {
      schema: {
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: GatherBody,
        response: { 201: Type.Object({ ideaId: Type.String(), sources: Type.Integer() }) },
      },
    },
    async (request, reply) => {
      const { id: workshopId } = request.params as { id: string };
      const { role, principal } = await workshopCaller(request, access, workshopId);
      if (role !== 'facilitator' && role !== 'leader') {
        throw new ApiFailure(403, 'CATALOG_EDITORS_ONLY', 'Facilitators and leaders gather ideas into the catalog.');
      }
      const graph = await workshops.getWorkshopGraph(workshopId);
      const body = request.body as Gather;
      const provenance: Source[] = [];
      // A note named twice (by id and through its theme, or in two entries for its board) is one source.
      const taken = new Set<string>();
      for (const source of body.sources) {
        const decision = await access.boardAccess(principal, source.boardId);
        const board = decision.placement?.board;
        if (decision.access === 'none' || !board || board.workshopId !== workshopId) {
          throw new ApiFailure(400, 'BOARD_NOT_IN_WORKSHOP', 'A source board is not part of this workshop.');
        }
        const session = graph?.sessions.find((s) => s.id === board.sessionId) ?? null;
        const table = graph?.groups.find((g) => g.id === board.groupId) ?? null;
        const found = await relay.read(board.id, (doc) => {
          const anonymous = readBoardMeta(doc).anonymous;
          const wanted = new Set(source.noteIds ?? []);
          for (const clusterId of source.clusterIds ?? [])
            for (const id of clusterMembers(doc, clusterId)) wanted.add(id);
          const out: Source[] = [];
          for (const noteId of wanted) {
            const map = notesOf(doc).get(noteId);
            if (!map || taken.has(`${board.id}/${noteId}`)) continue;
            taken.add(`${board.id}/${noteId}`);
            const note = readNote(noteId, map);
            const cluster = note.clusterId ? clustersOf(doc).get(note.clusterId) : undefined;
            out.push({
              boardId: board.id,
              boardTitle: board.title,
              noteId,
              text: note.text,
              sessionId: session?.id ?? null,
              sessionTitle: session?.title ?? null,
              groupId: table?.id ?? null,
              tableName: table?.name ?? null,
              authorName: anonymous ? null : (note.authorName ?? null),
              authorId: anonymous ? null : (note.authorId ?? null),
              clusterTitle: cluster ? (clusterTitle(cluster)?.toString() ?? null) : null,
            });
          }
          return out;
        });
        provenance.push(...found);
      }
      if (provenance.length === 0) throw new ApiFailure(400, 'NOTHING_TO_GATHER', 'None of the chosen notes exist.');
      const ideaId = newId();
      const catalog = catalogDocId(workshopId);
      await relay.command(catalog, (doc) =>
        addIdea(doc, { id: ideaId, title: body.title.trim(), createdAt: Date.now(), provenance }),
      );
      return reply.code(201).send({ ideaId, sources: provenance.length });
    },
  );
}
