import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { createPeersStore, type Peer } from './peers';

/** The other people on this board, from awareness. */
export function usePeers(awareness: Awareness): readonly Peer[] {
  const store = useMemo(() => createPeersStore(awareness), [awareness]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
