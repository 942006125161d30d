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

/** What publishing now would change for one idea, as the publish preview lists it. */
export interface PublishChange {
  ideaId: string;
  title: string;
  change: 'added' | 'removed' | 'changed';
  /** For a changed idea: which parts participants would see changed. */
  fields: PublishedField[];
}

export type PublishedField =
  | 'title'
  | 'category'
  | 'description'
  | 'sources'
  | 'questions'
  | 'decision'
  | 'rationale'
  | 'rank'
  | 'timeline'
  | 'owner'
  | 'related';

/** `GET …/published/preview`: exactly what participants would see, and what changed since the last publication. */
export interface PublishPreview {
  publishedAt: number | null;
  ideas: PublishedIdea[];
  changes: PublishChange[];
}

/** The differences between the published snapshot and what publishing now would give, idea by idea. */
export function publishChanges(now: readonly PublishedIdea[], published: PublishedCatalog | null): PublishChange[] {
  const before = new Map((published?.ideas ?? []).map((idea) => [idea.id, idea]));
  const changes: PublishChange[] = [];
  // No assessment and an empty one read alike: no owner is no owner.
  const none = (v: unknown) => (v === '' || (Array.isArray(v) && v.length === 0) ? null : (v ?? null));
  const same = (a: unknown, b: unknown) => JSON.stringify(none(a)) === JSON.stringify(none(b));
  for (const idea of now) {
    const old = before.get(idea.id);
    before.delete(idea.id);
    if (!old) {
      changes.push({ ideaId: idea.id, title: idea.title, change: 'added', fields: [] });
      continue;
    }
    const a = old.assessment;
    const b = idea.assessment;
    const checks: Array<[PublishedField, unknown, unknown]> = [
      ['title', old.title, idea.title],
      ['category', old.category, idea.category],
      ['description', old.description, idea.description],
      ['sources', old.provenance, idea.provenance],
      ['questions', old.questions, idea.questions],
      ['decision', a?.decision, b?.decision],
      ['rationale', a?.rationale, b?.rationale],
      ['rank', a?.rank, b?.rank],
      ['timeline', [a?.startMonth, a?.endMonth], [b?.startMonth, b?.endMonth]],
      ['owner', a?.owner, b?.owner],
      ['related', a?.related, b?.related],
    ];
    const fields = checks.filter(([, x, y]) => !same(x, y)).map(([field]) => field);
    if (fields.length > 0) changes.push({ ideaId: idea.id, title: idea.title, change: 'changed', fields });
  }
  for (const old of before.values()) changes.push({ ideaId: old.id, title: old.title, change: 'removed', fields: [] });
  return changes;
}
