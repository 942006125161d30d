import type * as Y from 'yjs';
import type { AssessmentView } from './assessment.js';
import type { IdeaView, Source } from './catalog.js';
import type { LinkedQuestion } from './evidence.js';

/**
 * The published catalog: what participants see of the catalog and management's
 * decisions, once the facilitator publishes (`<workshop>-published`, written by
 * the server only, read by everyone in the workshop). Republishing replaces it;
 * unpublished changes stay with leaders and facilitators.
 */

/** A source as participants see it: everything but the author's person id. */
export type PublishedSource = Omit<Source, 'authorId'>;

export interface PublishedIdea {
  id: string;
  title: string;
  category: string;
  /** The idea's description as Markdown (from its Lexical doc), empty when it has none. */
  description: string;
  provenance: PublishedSource[];
  /** Questions and proposals linked to the idea, with management's answers (no authors). */
  questions: PublishedQuestion[];
  assessment: PublishedAssessment | null;
}

/** What participants see of an assessment: no assessor, no internal note, no estimates. */
export type PublishedAssessment = Omit<
  AssessmentView,
  'ideaId' | 'updatedBy' | 'internalNote' | 'oneOffDkk' | 'yearlyDkk' | 'staffHours'
>;

export type PublishedQuestion = Pick<LinkedQuestion, 'id' | 'kind' | 'text' | 'answer' | 'isSource'>;

/**
 * An idea as participants would see it: its assessment without who made it and
 * without the leaders' internal note and estimates (copied field by field, so a
 * field added to assessments stays out until it is named here), its sources
 * without authors' person ids, its linked questions without supports. Publishing, the "unpublished changes" check,
 * the leader panel and the demo all build ideas here, so equal content gives equal
 * JSON (the check compares it).
 */
export function toPublishedIdea(
  idea: IdeaView,
  assessment: AssessmentView | undefined,
  description: string,
  questions: readonly LinkedQuestion[] = [],
): PublishedIdea {
  return {
    id: idea.id,
    title: idea.title,
    category: idea.category,
    description,
    provenance: idea.provenance.map(publishedSource),
    questions: questions.map(({ id, kind, text, answer, isSource }) => ({ id, kind, text, answer, isSource })),
    assessment: assessment
      ? {
          decision: assessment.decision,
          rationale: assessment.rationale,
          rank: assessment.rank,
          startMonth: assessment.startMonth,
          endMonth: assessment.endMonth,
          owner: assessment.owner,
          related: assessment.related,
          updatedAt: assessment.updatedAt,
        }
      : null,
  };
}

function publishedSource(source: Source): PublishedSource {
  const { authorId: _authorId, ...rest } = source;
  return rest;
}

export interface PublishedCatalog {
  publishedAt: number;
  publishedBy: string;
  ideas: PublishedIdea[];
}

/** Whether what is published is what the catalog and assessments say now (`GET …/published/status`). */
export interface PublishStatus {
  publishedAt: number | null;
  publishedBy: string | null;
  /** True when publishing now would change what participants see (always true before the first publish, if there are ideas). */
  unpublishedChanges: boolean;
}

/** The caller's own notes among the published sources (`GET …/published/mine`). */
export interface MyPublishedSources {
  sources: Array<{ boardId: string; noteId: string }>;
}

/** One key per source note, for matching a participant's notes. */
export function sourceKey(source: { boardId: string; noteId: string }): string {
  return `${source.boardId}/${source.noteId}`;
}

export function readPublished(doc: Y.Doc): PublishedCatalog | null {
  const value = doc.getMap<unknown>('published').get('catalog');
  if (!value || typeof value !== 'object') return null;
  const catalog = value as PublishedCatalog;
  if (!Array.isArray(catalog.ideas)) return null;
  // Catalogs published before linked questions were part of an idea read with none.
  return { ...catalog, ideas: catalog.ideas.map((idea) => ({ ...idea, questions: idea.questions ?? [] })) };
}

export function writePublished(doc: Y.Doc, catalog: PublishedCatalog): void {
  doc.getMap<unknown>('published').set('catalog', catalog);
}
