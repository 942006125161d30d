import {
  assessmentsDocId,
  catalogDocId,
  type Decision,
  type IdeaView,
  readAssessments,
  readIdeas,
} from '@samle/shared';
import { type DocConnection, openDocConnection } from '../sync/docConnection';
import { createExternalStore, type ExternalStore } from '../sync/externalStore';

/**
 * The catalog page's live documents: the catalog itself (`<workshop>-catalog`,
 * which leaders and facilitators write: titles, categories, order) and the
 * server-written assessments (`<workshop>-assess`, read only here, for the
 * decision badges). Neither is kept in IndexedDB: a stale local copy could hold
 * changes the server would refuse. `ideas` is null until the first sync, so a
 * half-loaded catalog never looks empty.
 */
export interface CatalogSync {
  readonly catalog: DocConnection;
  readonly ideas: ExternalStore<IdeaView[] | null>;
  readonly decisions: ExternalStore<ReadonlyMap<string, Decision>>;
  destroy(): void;
}

export function openCatalogSync(workshopId: string, token: string | undefined): CatalogSync {
  const catalog = openDocConnection(catalogDocId(workshopId), { token, persist: false, presence: false });
  const assess = openDocConnection(assessmentsDocId(workshopId), { token, persist: false, presence: false });

  const ideas = createExternalStore<IdeaView[] | null>({
    read: () => (catalog.state.getSnapshot().kind === 'connected' || hasIdeas() ? readIdeas(catalog.doc) : null),
    equals: (a, b) => a === b || (a !== null && b !== null && sameIdeas(a, b)),
    listen: (changed) => {
      const onUpdate = () => changed();
      catalog.doc.on('update', onUpdate);
      const stop = catalog.state.subscribe(onUpdate);
      return () => {
        catalog.doc.off('update', onUpdate);
        stop();
      };
    },
  });
  const hasIdeas = () => catalog.doc.getMap('ideas').size > 0;

  const decisions = createExternalStore<ReadonlyMap<string, Decision>>({
    read: () => {
      const map = new Map<string, Decision>();
      for (const a of readAssessments(assess.doc)) if (a.decision) map.set(a.ideaId, a.decision);
      return map;
    },
    equals: (a, b) => a.size === b.size && [...a].every(([id, decision]) => b.get(id) === decision),
    listen: (changed) => {
      const onUpdate = () => changed();
      assess.doc.on('update', onUpdate);
      return () => assess.doc.off('update', onUpdate);
    },
  });

  return {
    catalog,
    ideas,
    decisions,
    destroy() {
      catalog.destroy();
      assess.destroy();
    },
  };
}

/** Same ideas with the same content: lets React skip renders when an unrelated part of the doc changed. */
function sameIdeas(a: readonly IdeaView[], b: readonly IdeaView[]): boolean {
  return a.length === b.length && a.every((idea, i) => JSON.stringify(idea) === JSON.stringify(b[i]));
}
