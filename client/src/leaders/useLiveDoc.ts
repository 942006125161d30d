import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { type LiveDoc, type LiveState, openLiveDoc, sameJson } from './liveDoc';

const loading = { subscribe: () => () => {}, getSnapshot: (): LiveState<never> => ({ status: 'loading' }) };
const LOADING_STATE = loading.getSnapshot();
loading.getSnapshot = () => LOADING_STATE;

/** A read-only doc's live state while the component is mounted (see liveDoc.ts). */
export function useLiveDoc<T>(docId: string, token: string | undefined, read: (doc: Y.Doc) => T): LiveState<T> {
  const [live, setLive] = useState<LiveDoc<T>>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `read` is a module-level reader; the doc id and token decide the connection.
  useEffect(() => {
    const opened = openLiveDoc(docId, token, read, sameJson);
    setLive(opened);
    return () => opened.destroy();
  }, [docId, token]);
  const store = live?.state ?? loading;
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
