import {
  type MySupport,
  publishedDocId,
  readPublished,
  readSupportWindow,
  type SupportWindow,
  writeSupportWindow,
} from '@samle/shared';
import type { WorkshopCaller } from '../access/workshopCaller.js';
import { ApiFailure } from '../errors.js';
import type { CatalogContext } from './context.js';

/**
 * Participants weigh in before the triage: while the facilitator has support open,
 * each participant may support each published idea once. The switch lives in the
 * published doc (server-written, read live by everyone in the workshop), the
 * supports in the support store; leaders see the counts with the evidence.
 */

export async function setSupportWindow(
  { relay }: CatalogContext,
  workshopId: string,
  open: boolean,
): Promise<SupportWindow> {
  const docId = publishedDocId(workshopId);
  const before = await relay.read(docId, readSupportWindow);
  if (before.open === open) return before;
  const now = Date.now();
  const after: SupportWindow = open
    ? { open: true, openedAt: now, closedAt: null }
    : { open: false, openedAt: before.openedAt, closedAt: now };
  await relay.command(docId, (doc) => writeSupportWindow(doc, after));
  return after;
}

export async function supportIdea(
  { relay, ideaSupports }: CatalogContext,
  workshopId: string,
  caller: WorkshopCaller,
  ideaId: string,
  supported: boolean,
): Promise<{ supported: boolean }> {
  if (caller.role !== 'participant' || !caller.personId) {
    throw new ApiFailure(403, 'PARTICIPANTS_SUPPORT', 'Participants support ideas; leaders see the support.');
  }
  const { window, published } = await relay.read(publishedDocId(workshopId), (doc) => ({
    window: readSupportWindow(doc),
    published: readPublished(doc)?.ideas.some((idea) => idea.id === ideaId) ?? false,
  }));
  if (!published) throw new ApiFailure(404, 'IDEA_NOT_PUBLISHED', 'There is no such idea in the published catalog.');
  if (!window.open) throw new ApiFailure(409, 'SUPPORT_CLOSED', 'Support for ideas is not open now.');
  await ideaSupports.setIdeaSupport(workshopId, ideaId, caller.personId, supported, Date.now());
  return { supported };
}

export async function mySupport(
  { relay, ideaSupports }: CatalogContext,
  workshopId: string,
  personId: string | null,
): Promise<MySupport> {
  const support = await relay.read(publishedDocId(workshopId), readSupportWindow);
  return { support, ideaIds: personId ? await ideaSupports.ideasSupportedBy(workshopId, personId) : [] };
}
