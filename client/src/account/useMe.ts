import { useEffect, useSyncExternalStore } from 'react';
import { type MeState, meStore } from './meStore';

/** Who is signed in, loading it on first use. */
export function useMe(): MeState {
  const state = useSyncExternalStore(meStore.subscribe, meStore.getSnapshot);
  useEffect(() => {
    meStore.ensureLoaded();
  }, []);
  return state;
}
