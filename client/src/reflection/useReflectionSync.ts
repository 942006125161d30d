import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useNow } from '../ui/useNow';
import { openReflectionSync, type ReflectionSync } from './reflectionSync';
import { INITIAL_SAVE_STATE, type SaveStatus, SETTLE_MS, saveStatus } from './saveStatus';

/**
 * Opens the person's reflection sync for as long as the page shows it. Closing
 * waits a tick, so React's StrictMode remount keeps the same sync (and the
 * editor its one provider) instead of tearing it down under Lexical.
 */
export function useReflectionSync(workshopId: string, personId: string, token: string): ReflectionSync | undefined {
  const [sync, setSync] = useState<ReflectionSync>();
  const kept = useRef<{ key: string; sync: ReflectionSync; closing?: ReturnType<typeof setTimeout> }>(undefined);
  useEffect(() => {
    const key = JSON.stringify([workshopId, personId, token]);
    let entry = kept.current;
    if (entry?.key === key) {
      clearTimeout(entry.closing);
      entry.closing = undefined;
    } else {
      entry = { key, sync: openReflectionSync(workshopId, personId, token) };
      kept.current = entry;
    }
    const current = entry;
    setSync(current.sync);
    return () => {
      current.closing = setTimeout(() => {
        current.sync.destroy();
        if (kept.current === current) kept.current = undefined;
      }, 0);
    };
  }, [workshopId, personId, token]);
  return sync;
}

const idle = { subscribe: () => () => {}, getSnapshot: () => INITIAL_SAVE_STATE };

/** "Saved" / "Saving…" / "Offline — saved on this device" / "Connecting…", kept current while typing settles. */
export function useSaveStatus(sync: ReflectionSync | undefined): SaveStatus {
  const store = sync?.save ?? idle;
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const settling = Date.now() - state.lastEditAt < SETTLE_MS;
  const now = useNow(settling, SETTLE_MS / 4);
  return saveStatus(state, Math.max(now, Date.now()));
}
