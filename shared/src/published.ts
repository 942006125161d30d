import type * as Y from 'yjs';
import type { AssessmentView } from './assessment.js';
import type { Source } from './catalog.js';

/**
 * The published catalog: what participants see of the catalog and management's
 * decisions, once the facilitator publishes (`<workshop>-published`, written by
 * the server only, read by everyone in the workshop). Republishing replaces it;
 * unpublished changes stay with leaders and facilitators.
 */

export function publishedDocId(workshopId: string): string {
  return `${workshopId}-published`;
}

export function workshopOfPublishedDoc(docId: string): string | null {
  return docId.endsWith('-published') ? docId.slice(0, -'-published'.length) : null;
}

export interface PublishedIdea {
  id: string;
  title: string;
  category: string;
  provenance: Source[];
  assessment: Omit<AssessmentView, 'ideaId' | 'updatedBy'> | null;
}

export interface PublishedCatalog {
  publishedAt: number;
  publishedBy: string;
  ideas: PublishedIdea[];
}

export function readPublished(doc: Y.Doc): PublishedCatalog | null {
  const value = doc.getMap<unknown>('published').get('catalog');
  if (!value || typeof value !== 'object') return null;
  const catalog = value as PublishedCatalog;
  return Array.isArray(catalog.ideas) ? catalog : null;
}

export function writePublished(doc: Y.Doc, catalog: PublishedCatalog): void {
  doc.getMap<unknown>('published').set('catalog', catalog);
}
