import { catalogDocId, readIdeas } from '@samle/shared';
import type * as Y from 'yjs';
import { useLiveDoc } from '../sync/useLiveDoc';
import { noteKey } from './suggestions';

/**
 * Which notes are already in the idea catalog: the catalog doc
 * (`<workshop>-catalog`) read live with a stock provider — only facilitators
 * and leaders may — and every idea's provenance turned into `boardId|noteId` →
 * the titles of the ideas it went into. Never written from here. Null until the
 * first sync, so "not in the catalog" is never claimed from a half-loaded doc.
 */
export type CatalogMarks = ReadonlyMap<string, readonly string[]>;

export function catalogMarks(doc: Y.Doc): Map<string, string[]> {
  const marks = new Map<string, string[]>();
  for (const idea of readIdeas(doc))
    for (const source of idea.provenance) {
      const key = noteKey(source.boardId, source.noteId);
      const titles = marks.get(key) ?? [];
      if (!titles.includes(idea.title)) titles.push(idea.title);
      marks.set(key, titles);
    }
  return marks;
}

function sameMarks(a: CatalogMarks, b: CatalogMarks): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [key, titles] of a) {
    const other = b.get(key);
    if (!other || other.length !== titles.length || other.some((t, i) => t !== titles[i])) return false;
  }
  return true;
}

/** The catalog's marks, live; null until the first sync (and for those who may not read the catalog). */
export function useCatalogMarks(workshopId: string, token: string | undefined): CatalogMarks | null {
  const live = useLiveDoc(catalogDocId(workshopId), token, catalogMarks, sameMarks);
  return live.status === 'ready' ? live.value : null;
}
