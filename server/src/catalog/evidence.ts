import {
  type CatalogEvidence,
  catalogDocId,
  type IdeaEvidence,
  type IdeaView,
  type LinkedQuestion,
  type NoteVotes,
  publishedDocId,
  readIdeas,
  readSupportWindow,
  sourceKey,
} from '@samle/shared';
import type { CatalogContext } from './context.js';

/**
 * The evidence beside each idea, computed by the server from its own records:
 * dot votes from the vote store (closed rounds only: an open round is secret),
 * linked questions from the question store (hidden posts never), supports from
 * the support store. The leader panel, the catalog, the exports and the session
 * report read it from here.
 */

/** Closed-round votes per note on every board of the workshop. */
export async function workshopNoteVotes(
  { votes, workshops }: Pick<CatalogContext, 'votes' | 'workshops'>,
  workshopId: string,
): Promise<NoteVotes> {
  const graph = await workshops.getWorkshopGraph(workshopId);
  return { boards: await votes.closedTotals((graph?.boards ?? []).map((b) => b.id)) };
}

/** Each idea's sources' votes (by source key) and their sum. */
export function votesOfSources(idea: IdeaView, votes: NoteVotes): Pick<IdeaEvidence, 'votes' | 'voteTotal'> {
  const perSource: Record<string, number> = {};
  let total = 0;
  for (const source of idea.provenance) {
    const key = sourceKey(source);
    const n = votes.boards[source.boardId]?.[source.noteId] ?? 0;
    if (n <= 0 || key in perSource) continue;
    perSource[key] = n;
    total += n;
  }
  return { votes: perSource, voteTotal: total };
}

/** Visible questions linked to each idea, most supported first; the idea's own source question first of all. */
export async function questionsPerIdea(
  { questions }: Pick<CatalogContext, 'questions'>,
  workshopId: string,
  ideas: readonly IdeaView[],
): Promise<Map<string, LinkedQuestion[]>> {
  const sourceOf = new Map(ideas.filter((i) => i.fromQuestion).map((i) => [i.id, i.fromQuestion]));
  const out = new Map<string, LinkedQuestion[]>();
  for (const q of await questions.listQuestions(workshopId)) {
    if (q.hiddenAt !== null || q.ideaId === null) continue;
    const list = out.get(q.ideaId) ?? [];
    list.push({
      id: q.id,
      kind: q.kind,
      text: q.text,
      supports: q.supports,
      status: q.status,
      answer: q.answer,
      isSource: sourceOf.get(q.ideaId) === q.id,
    });
    out.set(q.ideaId, list);
  }
  for (const list of out.values())
    list.sort((a, b) => Number(b.isSource) - Number(a.isSource) || b.supports - a.supports);
  return out;
}

/** Every idea's evidence, in catalog order, and whether participants may support ideas now. */
export async function catalogEvidence(context: CatalogContext, workshopId: string): Promise<CatalogEvidence> {
  const ideas = await context.relay.read(catalogDocId(workshopId), readIdeas);
  return evidenceOf(context, workshopId, ideas);
}

export async function evidenceOf(
  context: CatalogContext,
  workshopId: string,
  ideas: readonly IdeaView[],
): Promise<CatalogEvidence> {
  const [votes, questions, supports, support] = await Promise.all([
    workshopNoteVotes(context, workshopId),
    questionsPerIdea(context, workshopId, ideas),
    context.ideaSupports.ideaSupportCounts(workshopId),
    context.relay.read(publishedDocId(workshopId), readSupportWindow),
  ]);
  return {
    ideas: ideas.map((idea) => ({
      ideaId: idea.id,
      ...votesOfSources(idea, votes),
      questions: questions.get(idea.id) ?? [],
      supports: supports[idea.id] ?? 0,
    })),
    support,
  };
}
