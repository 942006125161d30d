import { createCluster, deleteCluster, moveCluster, renameCluster } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createClustersStore } from './clustersStore';

function boardWithThemes(count: number): Y.Doc {
  const doc = new Y.Doc();
  for (let i = 0; i < count; i++) createCluster(doc, { id: `k${i}`, x: i * 600, y: 0, createdAt: i });
  return doc;
}

describe('themes store', () => {
  it('lists the themes oldest first', () => {
    expect(
      createClustersStore(boardWithThemes(3))
        .getSnapshot()
        .map((c) => c.id),
    ).toEqual(['k0', 'k1', 'k2']);
  });

  it('re-reads only the theme that moved, and shows a rename as it is typed', () => {
    const doc = boardWithThemes(2);
    const store = createClustersStore(doc);
    let calls = 0;
    store.subscribe(() => calls++);
    const before = store.getSnapshot();
    moveCluster(doc, 'k1', 50, 60);
    const after = store.getSnapshot();
    expect(calls).toBe(1);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toMatchObject({ x: 50, y: 60 });
    renameCluster(doc, 'k0', 'Kortere svartid');
    expect(store.getSnapshot()[0]?.title).toBe('Kortere svartid');
  });

  it('forgets a deleted theme', () => {
    const doc = boardWithThemes(2);
    const store = createClustersStore(doc);
    store.subscribe(() => undefined);
    deleteCluster(doc, 'k0');
    expect(store.getSnapshot().map((c) => c.id)).toEqual(['k1']);
  });
});
