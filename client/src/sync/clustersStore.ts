import { type ClusterMap, type ClusterView, clustersOf, readCluster } from '@samle/shared';
import * as Y from 'yjs';
import { createExternalStore, type ExternalStore, sameItems } from './externalStore';

/**
 * An external store over a board's themes (clusters), oldest first — the
 * drawing order. Like the notes store, a transaction re-reads only the themes
 * it touched, and an unchanged theme keeps its object identity.
 */
export type ClustersStore = ExternalStore<readonly ClusterView[]>;

function byAge(a: ClusterView, b: ClusterView): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
}

function sameView(a: ClusterView, b: ClusterView): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.x === b.x &&
    a.y === b.y &&
    a.w === b.w &&
    a.h === b.h &&
    a.color === b.color &&
    a.createdAt === b.createdAt
  );
}

export function createClustersStore(doc: Y.Doc): ClustersStore {
  const clusters = clustersOf(doc);
  const readOne = (id: string): ClusterView | undefined => {
    const cluster: ClusterMap | undefined = clusters.get(id);
    return cluster instanceof Y.Map ? readCluster(id, cluster) : undefined;
  };

  return createExternalStore<readonly ClusterView[]>({
    read(previous, hint) {
      const byId = new Map((previous ?? []).map((view) => [view.id, view]));
      const ids = hint instanceof Set ? (hint as Set<string>) : new Set([...clusters.keys(), ...byId.keys()]);
      for (const id of ids) {
        const fresh = readOne(id);
        const old = byId.get(id);
        if (!fresh) byId.delete(id);
        else if (!old || !sameView(old, fresh)) byId.set(id, fresh);
      }
      return [...byId.values()].sort(byAge);
    },
    equals: sameItems,
    listen(changed) {
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        const touched = new Set<string>();
        for (const event of events) {
          if (event.target === clusters) for (const key of event.changes.keys.keys()) touched.add(key);
          else if (typeof event.path[0] === 'string') touched.add(event.path[0]);
        }
        if (touched.size > 0) changed(touched);
      };
      clusters.observeDeep(observer);
      return () => clusters.unobserveDeep(observer);
    },
  });
}
