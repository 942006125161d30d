import type { Provider, ProviderAwareness, UserState } from '@lexical/yjs';
import { reflectionDocId } from '@samle/shared';
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { openDoc } from '../sync/openDoc';
import { INITIAL_SAVE_STATE, reduceSave, type SaveEvent, type SaveState } from './saveStatus';

/**
 * The sync of one person's home reflection: its Y.Doc, a copy in IndexedDB
 * (y-indexeddb) so it opens and is kept offline, and a stock y-websocket
 * provider with the person's grant. Lexical's CollaborationPlugin drives it
 * through the `Provider` interface (it calls connect/disconnect and listens to
 * sync/status); the page reads the save state.
 */
export interface ReflectionSync {
  readonly docId: string;
  readonly doc: Y.Doc;
  readonly provider: Provider;
  readonly save: { subscribe(onChange: () => void): () => void; getSnapshot(): SaveState };
  destroy(): void;
}

/**
 * When the server cannot be reached, Lexical never hears "synced" and would not
 * give an empty document its first paragraph, so nothing could be typed. Once
 * the local copy is read and the browser is offline — or the server has not
 * answered within this time — the local copy counts as the starting point.
 */
const OFFLINE_START_MS = 4000;

type Listener = (...args: never[]) => void;

export function openReflectionSync(workshopId: string, personId: string, token: string): ReflectionSync {
  const docId = reflectionDocId(workshopId, personId);
  // Lexical's binding connects it (through `provider` below); awareness is Lexical's cursor and name.
  const { doc, provider: socket } = openDoc(docId, { token, connect: false });
  // Opened on the first connect, i.e. once Lexical's binding observes the doc: content the local copy
  // applies before that would be in the doc but never reach the editor.
  let persistence: IndexeddbPersistence | undefined;

  // ---- save state --------------------------------------------------------------
  let save: SaveState = { ...INITIAL_SAVE_STATE, online: navigator.onLine };
  const saveListeners = new Set<() => void>();
  const dispatch = (event: SaveEvent) => {
    const next = reduceSave(save, event);
    if (next === save) return;
    save = next;
    for (const listener of saveListeners) listener();
  };
  const onOnline = () => dispatch({ type: 'online', online: true });
  const onOffline = () => dispatch({ type: 'online', online: false });
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== socket && origin !== persistence) dispatch({ type: 'edit', at: Date.now() });
  };
  doc.on('update', onDocUpdate);

  // ---- the Provider Lexical talks to ---------------------------------------------
  const listeners = new Map<string, Set<Listener>>();
  const emit = (type: string, ...args: unknown[]) => {
    for (const listener of listeners.get(type) ?? []) (listener as (...a: unknown[]) => void)(...args);
  };
  let socketSynced = false;
  let offlineStarted = false;
  const onSocketSync = (synced: boolean) => {
    socketSynced = synced;
    if (synced) dispatch({ type: 'synced' });
    emit('sync', synced);
  };
  const onSocketStatus = (event: { status: string }) => {
    dispatch({ type: 'connection', connected: event.status === 'connected' });
    emit('status', event);
  };
  socket.on('sync', onSocketSync);
  socket.on('status', onSocketStatus);

  const startOffline = () => {
    if (socketSynced || offlineStarted || doc.isDestroyed) return;
    offlineStarted = true;
    emit('sync', true);
  };
  let offlineTimer: ReturnType<typeof setTimeout> | undefined;
  let started = false;
  const start = () => {
    if (started || doc.isDestroyed) return;
    started = true;
    if (typeof indexedDB !== 'undefined') persistence = new IndexeddbPersistence(`samle.doc.${docId}`, doc);
    void (persistence?.whenSynced ?? Promise.resolve()).then(() => {
      if (!navigator.onLine) startOffline();
      else offlineTimer = setTimeout(startOffline, OFFLINE_START_MS);
    });
  };

  // Only Lexical writes this doc's awareness states, so what it reads back has its own shape.
  const awareness: ProviderAwareness = {
    getLocalState: () => socket.awareness.getLocalState() as UserState | null,
    getStates: () => socket.awareness.getStates() as Map<number, UserState>,
    on: (type, listener) => socket.awareness.on(type, listener),
    off: (type, listener) => socket.awareness.off(type, listener),
    setLocalState: (state) => socket.awareness.setLocalState(state),
    setLocalStateField: (field, value) => socket.awareness.setLocalStateField(field, value),
  };
  const provider: Provider = {
    awareness,
    connect: () => {
      start();
      socket.connect();
    },
    disconnect: () => socket.disconnect(),
    on(type: string, listener: Listener) {
      const set = listeners.get(type) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(type, set);
    },
    off(type: string, listener: Listener) {
      listeners.get(type)?.delete(listener);
    },
  };

  return {
    docId,
    doc,
    provider,
    save: {
      subscribe(onChange) {
        saveListeners.add(onChange);
        return () => saveListeners.delete(onChange);
      },
      getSnapshot: () => save,
    },
    destroy() {
      clearTimeout(offlineTimer);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      doc.off('update', onDocUpdate);
      socket.off('sync', onSocketSync);
      socket.off('status', onSocketStatus);
      socket.destroy();
      void persistence?.destroy();
      doc.destroy();
    },
  };
}
