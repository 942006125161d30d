import { CATEGORY_MAX, ideaOrder, ideasOf } from '@samle/shared';
import type * as Y from 'yjs';
import { reordered } from './catalogModel';

/**
 * The catalog edits a facilitator or leader makes directly in the catalog doc:
 * an idea's category and the order. (Titles are typed into their Y.Text; ideas
 * and provenance change only through the server's commands.)
 */

/** Sets an idea's category (trimmed; empty clears it). */
export function setCategory(doc: Y.Doc, ideaId: string, category: string): void {
  const idea = ideasOf(doc).get(ideaId);
  const next = category.trim().slice(0, CATEGORY_MAX);
  if (!idea || idea.get('category') === next) return;
  idea.set('category', next);
}

/**
 * Moves `ideaId` to index `to` of the order as shown (`shownIds`). Only that id
 * moves in the shared order, so two people reordering different ideas at once
 * both keep their move; ideas not yet in the order are added in their shown place.
 */
export function moveIdea(doc: Y.Doc, shownIds: readonly string[], ideaId: string, to: number): void {
  const order = ideaOrder(doc);
  const target = reordered(shownIds, ideaId, to);
  doc.transact(() => {
    const current = order.toArray();
    for (let i = current.length - 1; i >= 0; i--) if (current[i] === ideaId) order.delete(i, 1);
    const listed = new Set(order.toArray());
    const missing = shownIds.filter((id) => id !== ideaId && !listed.has(id));
    if (missing.length > 0) order.push(missing);
    const next = target[target.indexOf(ideaId) + 1];
    const now = order.toArray();
    const at = next === undefined ? -1 : now.indexOf(next);
    order.insert(at < 0 ? now.length : at, [ideaId]);
  });
}
