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
    read: (previous) =>
      catalog.state.getSnapshot().kind === 'connected' || hasIdeas()
        ? keepUnchanged(readIdeas(catalog.doc), previous ?? null)
        : null,
    equals: (a, b) =>
      a === b || (a !== null && b !== null && a.length === b.length && a.every((idea, i) => idea === b[i])),
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

/** Each idea's content as one string, remembered per view object (views are never mutated). */
const contentOf = new WeakMap<IdeaView, string>();
function content(idea: IdeaView): string {
  let text = contentOf.get(idea);
  if (text === undefined) {
    text = JSON.stringify(idea);
    contentOf.set(idea, text);
  }
  return text;
}

/**
 * The ideas as read now, with the previous view object kept for every idea whose content is unchanged: a title
 * typed into one idea re-renders that idea's row, not all 300 (the rows are memoised on the object), and a change
 * elsewhere in the doc keeps the whole list as it was.
 */
function keepUnchanged(next: IdeaView[], previous: readonly IdeaView[] | null): IdeaView[] {
  if (!previous) return next;
  const before = new Map(previous.map((idea) => [idea.id, idea]));
  return next.map((idea) => {
    const old = before.get(idea.id);
    return old && content(old) === content(idea) ? old : idea;
  });
}
