import {
  type AssessmentView,
  assessmentsDocId,
  catalogDocId,
  DESCRIPTION_ROOT,
  type IdeaView,
  ideaDocId,
  type LinkedQuestion,
  type MyPublishedSources,
  type PublishedCatalog,
  type PublishedIdea,
  type PublishPreview,
  type PublishStatus,
  publishChanges,
  publishedDocId,
  readAssessments,
  readIdeas,
  readPublished,
  sourceKey,
  toPublishedIdea,
  writePublished,
} from '@samle/shared';
import type { Relay } from '../sync/Relay.js';
import type { CatalogContext } from './context.js';
import { evidenceOf, questionsPerIdea } from './evidence.js';
import type { CatalogExport } from './export.js';
import { lexicalDocMarkdown } from './ideaText.js';

/**
 * What participants would see if the catalog were published now, and what they
 * do see: the published catalog is a snapshot of the working catalog, the
 * assessments and each idea's description, without the authors' person ids.
 */

export interface WorkingCatalog {
  ideas: IdeaView[];
  assessments: Map<string, AssessmentView>;
  /** Markdown per idea id. */
  descriptions: Map<string, string>;
  /** Visible questions and proposals linked to each idea. */
  questions: Map<string, LinkedQuestion[]>;
  /** Ideas whose description could not be read: they go out without it (and the reader logs why). */
  unreadable: string[];
}

/** Told about each idea whose description a command had to leave out, and why. */
export type OnUnreadable = (ideaId: string, error: unknown) => void;

/** An idea's rich description (its own Lexical doc, made on first use) as Markdown. */
function description(relay: Relay, workshopId: string, ideaId: string): Promise<string> {
  return relay.read(ideaDocId(workshopId, ideaId), (doc) => lexicalDocMarkdown(doc, DESCRIPTION_ROOT));
}

/**
 * The catalog, its assessments and each idea's description. One description that cannot be read (a
 * document that does not load, content the reader fails on) leaves that idea without its description
 * and is reported through `onUnreadable`, instead of failing publishing and every export for good.
 */
export async function readWorkingCatalog(
  { relay, questions }: Pick<CatalogContext, 'relay' | 'questions'>,
  workshopId: string,
  onUnreadable: OnUnreadable,
): Promise<WorkingCatalog> {
  const ideas = await relay.read(catalogDocId(workshopId), readIdeas);
  const assessments = new Map(
    (await relay.read(assessmentsDocId(workshopId), readAssessments)).map((a) => [a.ideaId, a]),
  );
  const descriptions = new Map<string, string>();
  const unreadable: string[] = [];
  for (const idea of ideas) {
    try {
      descriptions.set(idea.id, await description(relay, workshopId, idea.id));
    } catch (error) {
      unreadable.push(idea.id);
      onUnreadable(idea.id, error);
    }
  }
  const linked = await questionsPerIdea({ questions }, workshopId, ideas);
  return { ideas, assessments, descriptions, questions: linked, unreadable };
}

export function publishedIdeas(working: WorkingCatalog): PublishedIdea[] {
  return working.ideas.map((idea) =>
    toPublishedIdea(
      idea,
      working.assessments.get(idea.id),
      working.descriptions.get(idea.id) ?? '',
      working.questions.get(idea.id) ?? [],
    ),
  );
}

export async function readPublishedCatalog(relay: Relay, workshopId: string): Promise<PublishedCatalog | null> {
  return relay.read(publishedDocId(workshopId), readPublished);
}

/** Whether publishing now would change what participants see. */
export function differsFromPublished(now: PublishedIdea[], published: PublishedCatalog | null): boolean {
  if (!published) return now.length > 0;
  // Both sides are built by toPublishedIdea, so the same content serialises the same way.
  return JSON.stringify(now) !== JSON.stringify(published.ideas);
}

/** Replaces what participants see with the working catalog as it is now. */
export async function publishCatalog(
  context: CatalogContext,
  workshopId: string,
  publishedBy: string,
  onUnreadable: OnUnreadable,
): Promise<{ snapshot: PublishedCatalog; unreadable: string[] }> {
  const { relay } = context;
  const working = await readWorkingCatalog(context, workshopId, onUnreadable);
  const snapshot: PublishedCatalog = { publishedAt: Date.now(), publishedBy, ideas: publishedIdeas(working) };
  await relay.command(publishedDocId(workshopId), (doc) => writePublished(doc, snapshot));
  return { snapshot, unreadable: working.unreadable };
}

export async function publishStatus(
  context: CatalogContext,
  workshopId: string,
  onUnreadable: OnUnreadable,
): Promise<PublishStatus> {
  const published = await readPublishedCatalog(context.relay, workshopId);
  const now = publishedIdeas(await readWorkingCatalog(context, workshopId, onUnreadable));
  return {
    publishedAt: published?.publishedAt ?? null,
    publishedBy: published?.publishedBy ?? null,
    unpublishedChanges: differsFromPublished(now, published),
  };
}

/** Exactly what participants would see if the catalog were published now, and what that changes. */
export async function publishPreview(
  context: CatalogContext,
  workshopId: string,
  onUnreadable: OnUnreadable,
): Promise<PublishPreview> {
  const published = await readPublishedCatalog(context.relay, workshopId);
  const ideas = publishedIdeas(await readWorkingCatalog(context, workshopId, onUnreadable));
  return { publishedAt: published?.publishedAt ?? null, ideas, changes: publishChanges(ideas, published) };
}

/**
 * A participant's own notes among the published sources, so their view can say "your note".
 * Authorship comes from the working catalog, where gathering recorded it; the published doc never holds it.
 */
export async function myPublishedSources(
  { relay }: CatalogContext,
  workshopId: string,
  personId: string | null,
): Promise<MyPublishedSources> {
  const mine: MyPublishedSources = { sources: [] };
  if (!personId) return mine;
  const published = await readPublishedCatalog(relay, workshopId);
  if (!published) return mine;
  const own = new Set(
    (await relay.read(catalogDocId(workshopId), readIdeas))
      .flatMap((idea) => idea.provenance)
      .filter((source) => source.authorId === personId)
      .map(sourceKey),
  );
  const seen = new Set<string>();
  for (const source of published.ideas.flatMap((idea) => idea.provenance)) {
    const key = sourceKey(source);
    if (!own.has(key) || seen.has(key)) continue;
    seen.add(key);
    mine.sources.push({ boardId: source.boardId, noteId: source.noteId });
  }
  return mine;
}

/**
 * The working catalog with the workshop's title, organisation and language and each idea's
 * evidence, for the exports; with the leaders' internal notes only when `internal` is asked for.
 */
export async function workingCatalogExport(
  context: CatalogContext,
  workshopId: string,
  onUnreadable: OnUnreadable,
  internal = false,
): Promise<CatalogExport & { unreadable: string[] }> {
  const graph = await context.workshops.getWorkshopGraph(workshopId);
  const working = await readWorkingCatalog(context, workshopId, onUnreadable);
  const evidence = await evidenceOf(context, workshopId, working.ideas);
  return {
    workshopTitle: graph?.workshop.title ?? '',
    organisation: graph?.workshop.organisation ?? '',
    language: graph?.workshop.language ?? 'da',
    exportedAt: new Date(),
    ...working,
    evidence: new Map(evidence.ideas.map((e) => [e.ideaId, e])),
    internal,
  };
}
