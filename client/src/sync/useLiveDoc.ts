import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { type LiveDoc, type LiveState, openLiveDoc, sameJson } from './liveDoc';

const loading = { subscribe: () => () => {}, getSnapshot: (): LiveState<never> => ({ status: 'loading' }) };
const LOADING_STATE = loading.getSnapshot();
loading.getSnapshot = () => LOADING_STATE;

/**
 * A read-only doc's live state while the component is mounted (see liveDoc.ts);
 * `docId` null opens nothing and stays `loading`. `read` and `equals` must be
 * stable (module-level): the doc id and token decide the connection.
 */
export function useLiveDoc<T>(
  docId: string | null,
  token: string | undefined,
  read: (doc: Y.Doc) => T,
  equals: (a: T, b: T) => boolean = sameJson,
): LiveState<T> {
  const [live, setLive] = useState<LiveDoc<T>>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `read` and `equals` are module-level; the doc id and token decide the connection.
  useEffect(() => {
    if (docId === null) {
      setLive(undefined);
      return;
    }
    const opened = openLiveDoc(docId, token, read, equals);
    setLive(opened);
    return () => opened.destroy();
  }, [docId, token]);
  const store = live?.state ?? loading;
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
