import {
  type AssessIdeaBody,
  type AssessmentView,
  assessmentChanges,
  assessmentsDocId,
  catalogDocId,
  type DecisionChange,
  ideasOf,
  readAssessments,
  writeAssessment,
} from '@samle/shared';
import { callerName, type WorkshopCaller } from '../access/workshopCaller.js';
import { ApiFailure } from '../errors.js';
import type { CatalogContext } from './context.js';
import { requireIdeas } from './ideas.js';

/**
 * Leadership assessment of catalog ideas: a command for leaders and facilitators,
 * every change kept in the decision history. Callers run it one at a time per
 * workshop (with the other catalog commands), so each assessment starts from the
 * one before it and the history's "from" is what the document held.
 */
export async function assessIdea(
  context: CatalogContext,
  workshopId: string,
  ideaId: string,
  caller: WorkshopCaller,
  patch: AssessIdeaBody,
): Promise<AssessmentView> {
  const { relay, workshops } = context;
  await requireIdeas(relay, workshopId, ideaId);
  const name = await callerName(caller, workshops);
  const before = await relay.read(
    assessmentsDocId(workshopId),
    (doc) => readAssessments(doc).find((a) => a.ideaId === ideaId) ?? null,
  );
  const related = patch.related
    ? await relatedIdeas(context, workshopId, ideaId, patch.related, before?.related ?? [])
    : undefined;
  const now = Date.now();
  const after: AssessmentView = {
    ideaId,
    decision: patch.decision !== undefined ? patch.decision : (before?.decision ?? null),
    rationale: patch.rationale ?? before?.rationale ?? '',
    rank: patch.rank !== undefined ? patch.rank : (before?.rank ?? null),
    startMonth: patch.startMonth !== undefined ? patch.startMonth : (before?.startMonth ?? null),
    endMonth: patch.endMonth !== undefined ? patch.endMonth : (before?.endMonth ?? null),
    owner: patch.owner ?? before?.owner ?? '',
    related: related ?? before?.related ?? [],
    internalNote: patch.internalNote ?? before?.internalNote ?? '',
    oneOffDkk: patch.oneOffDkk !== undefined ? patch.oneOffDkk : (before?.oneOffDkk ?? null),
    yearlyDkk: patch.yearlyDkk !== undefined ? patch.yearlyDkk : (before?.yearlyDkk ?? null),
    staffHours: patch.staffHours !== undefined ? patch.staffHours : (before?.staffHours ?? null),
    updatedAt: now,
    updatedBy: name,
  };
  if (after.startMonth && after.endMonth && after.endMonth < after.startMonth) {
    throw new ApiFailure(400, 'TIMELINE_BACKWARDS', 'The end month is before the start month.');
  }
  await recordAssessment(context, workshopId, after, assessmentChanges(before, after, name, now));
  return after;
}

/**
 * Writes an assessment's changes: the decision history first, then the document.
 * In that order nobody sees a decision that has no history entry; if the document
 * write fails, the history holds a change the document lacks, and the caller's
 * retry records it again. Nothing changed: nothing is written.
 */
async function recordAssessment(
  { relay, decisions }: CatalogContext,
  workshopId: string,
  after: AssessmentView,
  changes: DecisionChange[],
): Promise<void> {
  if (changes.length === 0) return;
  await decisions.recordChanges(workshopId, changes);
  await relay.command(assessmentsDocId(workshopId), (doc) => writeAssessment(doc, after));
}

/**
 * Related ideas, each once: other ideas of this catalog (an idea is not related to
 * itself). Ideas merged away or deleted since they were related are dropped; an id
 * the catalog never had here is refused.
 */
async function relatedIdeas(
  { relay }: CatalogContext,
  workshopId: string,
  ideaId: string,
  related: string[],
  previous: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(related)];
  if (wanted.includes(ideaId)) {
    throw new ApiFailure(400, 'RELATED_TO_ITSELF', 'An idea cannot be related to itself.');
  }
  const known = await relay.read(catalogDocId(workshopId), (doc) => wanted.filter((id) => ideasOf(doc).has(id)));
  if (wanted.some((id) => !known.includes(id) && !previous.includes(id))) {
    throw new ApiFailure(400, 'RELATED_IDEA_NOT_FOUND', 'A related idea is not in the catalog.');
  }
  return known;
}

/** An idea's decision history, oldest first. */
export async function ideaHistory(
  { relay, decisions }: CatalogContext,
  workshopId: string,
  ideaId: string,
): Promise<{ changes: DecisionChange[] }> {
  await requireIdeas(relay, workshopId, ideaId);
  return { changes: await decisions.history(workshopId, ideaId) };
}
