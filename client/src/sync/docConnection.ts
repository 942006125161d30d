import { CloseCode } from '@samle/shared';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { type ConnectionEvent, type ConnectionState, INITIAL_CONNECTION, reduceConnection } from './connectionState';
import { forgetLocalCopy, type LocalStore, openLocalStore } from './localStore';
import { openDoc } from './openDoc';
import { quietFirstSync } from './quietFirstSync';
import { createUnsyncedCounter } from './unsyncedChanges';

/**
 * One open doc a person works in (a board, their drafts of one, the catalog and its
 * assessments): what `openDoc` gives, its copy in IndexedDB, and external stores of
 * the connection state for the header.
 */
export interface DocConnection {
  /** The synced doc's id: a board's, a person's drafts', the catalog's or its assessments'. */
  readonly docId: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly state: {
    subscribe(onChange: () => void): () => void;
    getSnapshot(): ConnectionState;
  };
  /** What this device holds that the server may not: the network, the local copy, unsynced changes. */
  readonly local: {
    subscribe(onChange: () => void): () => void;
    getSnapshot(): LocalSync;
  };
  /** Try again after an error (a 44xx close) — e.g. once the person has been given access. */
  retry(): void;
  destroy(): void;
}

export interface LocalSync {
  /** The browser says it has a network (`navigator.onLine`). */
  online: boolean;
  /** The copy in IndexedDB has been read into the doc (so the board can be shown without the server). */
  loaded: boolean;
  /** Changes made here the server may not have yet (see unsyncedChanges.ts). */
  unsynced: number;
}

export interface ConnectionOptions {
  /** A participant's, leader's or viewer's grant; facilitators pass none (their cookie goes with the upgrade). */
  token?: string;
  /** Keep a copy in IndexedDB (default true). The big screen, which never writes, does not. */
  persist?: boolean;
  /** Announce this person on the doc's awareness (default true). Drafts and the big screen do not. */
  presence?: boolean;
  /**
   * The first sync's write into the local copy waits for this as well as for an idle moment: a connection
   * opened before its page (sync/earlyConnection.ts) must not spend that idle moment before the board is shown.
   */
  localCopyAfter?: Promise<unknown>;
}

/** Close codes after which the local copy must go: a refused write (it holds the change) or withdrawn access. */
const WIPE_CODES: ReadonlySet<number> = new Set([
  CloseCode.ReadOnly,
  CloseCode.AccessRevoked,
  // The refused change stays in the local copy: kept, it would be sent (and refused) on every reload.
  CloseCode.PolicyViolation,
  CloseCode.ForeignDeletesRefused,
  CloseCode.WriterQuotaExceeded,
]);

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch (error) {
    console.warn('localStorage is not available', error);
    return undefined;
  }
}

export function openDocConnection(docId: string, options: ConnectionOptions = {}): DocConnection {
  const { token, persist = true, presence = true, localCopyAfter } = options;
  const opened = openDoc(docId, { token, presence });
  const { doc, provider } = opened;
  const local: LocalStore | undefined = persist ? openLocalStore(docId, doc) : undefined;
  // The first sync (a whole board on a first visit) goes into the local copy as one write, after the paint.
  if (local) {
    quietFirstSync(provider, () => {
      if (localCopyAfter) void localCopyAfter.then(() => local.storeWhole());
      else local.storeWhole();
    });
  }
  const unsynced = createUnsyncedCounter(persist ? browserStorage() : undefined, docId);

  let state: ConnectionState = INITIAL_CONNECTION;
  let localSync: LocalSync = { online: navigator.onLine, loaded: !local, unsynced: unsynced.get() };
  const listeners = new Set<() => void>();
  const localListeners = new Set<() => void>();
  const dispatch = (event: ConnectionEvent) => {
    const next = reduceConnection(state, event);
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };
  const updateLocal = (change: Partial<LocalSync>) => {
    localSync = { ...localSync, ...change };
    for (const listener of localListeners) listener();
  };

  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) =>
    dispatch({ type: 'status', status });
  const onSync = (synced: boolean) => {
    dispatch({ type: 'synced', synced });
    if (synced) unsynced.synced();
  };
  const onClose = (event: CloseEvent | null) => {
    dispatch({ type: 'closed', code: event?.code, reason: event?.reason ?? '' });
    if (event && WIPE_CODES.has(event.code) && persist) {
      void forgetLocalCopy(docId, local);
      unsynced.synced();
    }
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider || (local && origin === local.origin)) return;
    unsynced.localChange(state.kind === 'connected' && navigator.onLine);
  };
  const onNetwork = () => updateLocal({ online: navigator.onLine });
  const stopCounting = unsynced.subscribe(() => updateLocal({ unsynced: unsynced.get() }));
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('connection-close', onClose);
  doc.on('update', onUpdate);
  window.addEventListener('online', onNetwork);
  window.addEventListener('offline', onNetwork);
  void local?.loaded.then(() => updateLocal({ loaded: true }));

  return {
    docId,
    doc,
    provider,
    state: {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      getSnapshot: () => state,
    },
    local: {
      subscribe(listener) {
        localListeners.add(listener);
        return () => localListeners.delete(listener);
      },
      getSnapshot: () => localSync,
    },
    retry() {
      state = INITIAL_CONNECTION;
      for (const listener of listeners) listener();
      provider.connect();
    },
    destroy() {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      doc.off('update', onUpdate);
      window.removeEventListener('online', onNetwork);
      window.removeEventListener('offline', onNetwork);
      stopCounting();
      listeners.clear();
      localListeners.clear();
      provider.awareness.setLocalState(null);
      local?.destroy();
      opened.destroy();
    },
  };
}
