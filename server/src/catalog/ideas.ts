import {
  appendDescription,
  assessmentsDocId,
  catalogDocId,
  deleteIdea,
  ideaDocId,
  ideasOf,
  mergeIdeasWithTrace,
  notesOf,
  readAssessments,
  readIdeas,
  readNote,
  type SourceStatus,
  type SplitIdeaBody,
  splitIdea,
} from '@samle/shared';
import * as Y from 'yjs';
import { callerName, type WorkshopCaller } from '../access/workshopCaller.js';
import { ApiFailure } from '../errors.js';
import { newId } from '../ids.js';
import type { Relay } from '../sync/Relay.js';
import type { CatalogContext } from './context.js';
import { publishQuestionList } from './questionList.js';

/**
 * Editing the catalog's ideas as a whole: merge two, split one, delete one, and
 * what became of each source note since it was gathered. These move or drop
 * provenance, so they are commands (facilitators and leaders); titles,
 * categories and the order are edited in the catalog doc directly.
 */

export async function requireIdeas(relay: Relay, workshopId: string, ...ideaIds: string[]): Promise<void> {
  const missing = await relay.read(catalogDocId(workshopId), (doc) => ideaIds.some((id) => !ideasOf(doc).has(id)));
  if (missing) throw new ApiFailure(404, 'IDEA_NOT_FOUND', 'There is no such idea in the catalog.');
}

/** Drops an idea's current assessment (its change history stays in the decision history). */
async function dropAssessment(relay: Relay, workshopId: string, ideaId: string): Promise<void> {
  const docId = assessmentsDocId(workshopId);
  if (await relay.read(docId, (doc) => doc.getMap('assessments').has(ideaId))) {
    await relay.command(docId, (doc) => doc.getMap('assessments').delete(ideaId));
  }
}

/** Merges `fromId` into `intoId`: the description first, then the catalog, then the assessment. */
export async function mergeIdeas(
  context: CatalogContext,
  workshopId: string,
  caller: WorkshopCaller,
  intoId: string,
  fromId: string,
): Promise<{ ideaId: string; sources: number }> {
  const { relay, workshops } = context;
  await requireIdeas(relay, workshopId, intoId, fromId);
  const by = await callerName(caller, workshops);
  const decision = await relay.read(
    assessmentsDocId(workshopId),
    (doc) => readAssessments(doc).find((a) => a.ideaId === fromId)?.decision ?? null,
  );

  // The description first: if anything fails after this, the merged-away idea is still whole.
  const fromDescription = await relay.read(ideaDocId(workshopId, fromId), (doc) => Y.encodeStateAsUpdate(doc));
  await relay.command(ideaDocId(workshopId, intoId), (doc) => {
    const from = new Y.Doc();
    Y.applyUpdate(from, fromDescription);
    appendDescription(doc, from);
    from.destroy();
  });

  let merged = false;
  await relay.command(catalogDocId(workshopId), (doc) => {
    const title = ideasOf(doc).get(fromId)?.get('title');
    merged = mergeIdeasWithTrace(doc, intoId, fromId, {
      ideaId: fromId,
      title: title instanceof Y.Text ? title.toString() : '',
      mergedAt: Date.now(),
      mergedBy: by,
      decision,
    });
  });
  if (!merged) throw new ApiFailure(404, 'IDEA_NOT_FOUND', 'There is no such idea in the catalog.');
  await dropAssessment(relay, workshopId, fromId);
  await relinkQuestions(context, workshopId, fromId, intoId);
  const idea = (await relay.read(catalogDocId(workshopId), readIdeas)).find((i) => i.id === intoId);
  return { ideaId: intoId, sources: idea?.provenance.length ?? 0 };
}

/** Moves the chosen sources of `ideaId` to a new idea right after it. */
export async function splitIdeaSources(
  { relay }: CatalogContext,
  workshopId: string,
  ideaId: string,
  body: SplitIdeaBody,
): Promise<{ ideaId: string; sources: number }> {
  await requireIdeas(relay, workshopId, ideaId);
  const newIdeaId = newId();
  let done = false;
  await relay.command(catalogDocId(workshopId), (doc) => {
    done = splitIdea(doc, ideaId, {
      newId: newIdeaId,
      title: body.title.trim(),
      createdAt: Date.now(),
      sources: body.sources,
    });
  });
  if (!done) {
    throw new ApiFailure(
      400,
      'SPLIT_NEEDS_SOURCES',
      "Choose at least one of the idea's sources to move, and leave at least one behind.",
    );
  }
  const moved = new Set(body.sources.map((s) => `${s.boardId}/${s.noteId}`));
  const idea = (await relay.read(catalogDocId(workshopId), readIdeas)).find((i) => i.id === newIdeaId);
  return {
    ideaId: newIdeaId,
    sources: idea?.provenance.filter((s) => moved.has(`${s.boardId}/${s.noteId}`)).length ?? 0,
  };
}

export async function removeIdea(
  context: CatalogContext,
  workshopId: string,
  ideaId: string,
): Promise<{ deleted: string }> {
  const { relay } = context;
  await requireIdeas(relay, workshopId, ideaId);
  await relay.command(catalogDocId(workshopId), (doc) => {
    deleteIdea(doc, ideaId);
  });
  await dropAssessment(relay, workshopId, ideaId);
  await relinkQuestions(context, workshopId, ideaId, null);
  return { deleted: ideaId };
}

/**
 * Questions and proposals linked to an idea that is merged away follow it into the idea
 * that remains (they stay its evidence); those of a deleted idea are unlinked, back to open.
 */
async function relinkQuestions(
  context: CatalogContext,
  workshopId: string,
  fromId: string,
  toId: string | null,
): Promise<void> {
  const linked = (await context.questions.listQuestions(workshopId)).filter((q) => q.ideaId === fromId);
  if (linked.length === 0) return;
  for (const question of linked) await context.questions.linkIdea(question.id, toId);
  await publishQuestionList(context, workshopId);
}

/** What became of every idea's source notes: unchanged, changed (with the text now) or deleted. */
export async function sourceStatuses(
  { relay, workshops }: CatalogContext,
  workshopId: string,
): Promise<SourceStatus[]> {
  const ideas = await relay.read(catalogDocId(workshopId), readIdeas);
  const graph = await workshops.getWorkshopGraph(workshopId);
  const boards = new Set((graph?.boards ?? []).map((b) => b.id));
  const byBoard = new Map<string, Array<{ ideaId: string; noteId: string; text: string }>>();
  for (const idea of ideas) {
    for (const source of idea.provenance) {
      const list = byBoard.get(source.boardId) ?? [];
      list.push({ ideaId: idea.id, noteId: source.noteId, text: source.text });
      byBoard.set(source.boardId, list);
    }
  }
  const sources: SourceStatus[] = [];
  for (const [boardId, wanted] of byBoard) {
    if (!boards.has(boardId)) {
      for (const s of wanted) sources.push({ ideaId: s.ideaId, boardId, noteId: s.noteId, state: 'deleted' });
      continue;
    }
    const found = await relay.read(boardId, (doc) =>
      wanted.map((s): SourceStatus => {
        const map = notesOf(doc).get(s.noteId);
        if (!map) return { ideaId: s.ideaId, boardId, noteId: s.noteId, state: 'deleted' };
        const text = readNote(s.noteId, map).text;
        return text === s.text
          ? { ideaId: s.ideaId, boardId, noteId: s.noteId, state: 'unchanged' }
          : { ideaId: s.ideaId, boardId, noteId: s.noteId, state: 'changed', currentText: text };
      }),
    );
    sources.push(...found);
  }
  return sources;
}
