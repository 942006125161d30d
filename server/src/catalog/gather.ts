import {
  addIdea,
  catalogDocId,
  clusterMembers,
  type GatherBody,
  notesOf,
  readNote,
  type Source,
  type SourcePlace,
  sourceOfNote,
} from '@samle/shared';
import type { WorkshopCaller } from '../access/workshopCaller.js';
import { ApiFailure } from '../errors.js';
import { newId } from '../ids.js';
import type { BoardRecord } from '../storage/contracts/boardTypes.js';
import type { WorkshopGraph } from '../storage/contracts/workshopTypes.js';
import type { CatalogContext } from './context.js';

/**
 * Gathering the threads: notes and clusters from any boards of a workshop become
 * one catalog idea. The server reads the boards itself, so each source's board,
 * table, session and author (unless the board is anonymous) are what the boards
 * say. The notes stay where they are, unchanged.
 */
export async function gatherIntoIdea(
  { access, relay, workshops }: CatalogContext,
  caller: WorkshopCaller,
  workshopId: string,
  body: GatherBody,
): Promise<{ ideaId: string; sources: number }> {
  let graph: Promise<WorkshopGraph | null> | undefined;
  const provenance: Source[] = [];
  // A note named twice (by id and through its theme, or in two entries for its board) is one source.
  const taken = new Set<string>();
  for (const wanted of body.sources) {
    const decision = await access.boardAccess(caller.principal, wanted.boardId);
    const board = decision.placement?.board;
    if (decision.access === 'none' || !board || board.workshopId !== workshopId) {
      throw new ApiFailure(400, 'BOARD_NOT_IN_WORKSHOP', 'A source board is not part of this workshop.');
    }
    graph ??= workshops.getWorkshopGraph(workshopId);
    const { sessions, groups } = (await graph) ?? { sessions: [], groups: [] };
    const place = placeOfBoard(board, sessions, groups);
    const found = await relay.read(board.id, (doc) => {
      const noteIds = new Set(wanted.noteIds ?? []);
      for (const clusterId of wanted.clusterIds ?? []) for (const id of clusterMembers(doc, clusterId)) noteIds.add(id);
      const out: Source[] = [];
      for (const noteId of noteIds) {
        const map = notesOf(doc).get(noteId);
        if (!map || taken.has(`${board.id}/${noteId}`)) continue;
        taken.add(`${board.id}/${noteId}`);
        out.push(sourceOfNote(doc, readNote(noteId, map), place));
      }
      return out;
    });
    provenance.push(...found);
  }
  if (provenance.length === 0) throw new ApiFailure(400, 'NOTHING_TO_GATHER', 'None of the chosen notes exist.');
  const ideaId = newId();
  await relay.command(catalogDocId(workshopId), (doc) =>
    addIdea(doc, { id: ideaId, title: body.title.trim(), createdAt: Date.now(), provenance }),
  );
  return { ideaId, sources: provenance.length };
}

/** Where a board sits in its workshop (its session and table), as its sources record it. */
export function placeOfBoard(
  board: BoardRecord,
  sessions: readonly { id: string; title: string }[],
  groups: readonly { id: string; name: string }[],
): SourcePlace {
  const session = sessions.find((s) => s.id === board.sessionId) ?? null;
  const table = groups.find((g) => g.id === board.groupId) ?? null;
  return {
    boardId: board.id,
    boardTitle: board.title,
    sessionId: session?.id ?? null,
    sessionTitle: session?.title ?? null,
    groupId: table?.id ?? null,
    tableName: table?.name ?? null,
    anonymous: board.anonymous === true,
  };
}
