import { isRetryableClose, SYNC_PATH, TOKEN_PARAM } from '@samle/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type ConnectionEvent, type ConnectionState, INITIAL_CONNECTION, reduceConnection } from './connectionState';

/**
 * One open board: its Y.Doc, the stock y-websocket provider that syncs it with
 * the server, and an external store of the connection state for the header.
 */
export interface BoardConnection {
  readonly boardId: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly state: {
    subscribe(onChange: () => void): () => void;
    getSnapshot(): ConnectionState;
  };
  /** Try again after an error (a 44xx close) — e.g. once the person has been given access. */
  retry(): void;
  destroy(): void;
}

export function syncUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${SYNC_PATH}`;
}

/**
 * `token` is a participant's, leader's or viewer's grant; facilitators pass
 * none, because their session cookie goes with the WebSocket upgrade.
 */
export function openBoardConnection(boardId: string, token?: string): BoardConnection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(window.location), boardId, doc, {
    ...(token ? { params: { [TOKEN_PARAM]: token } } : {}),
    // Tabs must not sync through BroadcastChannel: the server decides what is
    // accepted (a refused update must never reach another tab), and the
    // connection badge must describe the real link to the server.
    disableBc: true,
    shouldReconnect: (event) => isRetryableClose(event.code),
  });

  let state: ConnectionState = INITIAL_CONNECTION;
  const listeners = new Set<() => void>();
  const dispatch = (event: ConnectionEvent) => {
    const next = reduceConnection(state, event);
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };

  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) =>
    dispatch({ type: 'status', status });
  const onSync = (synced: boolean) => dispatch({ type: 'synced', synced });
  const onClose = (event: CloseEvent | null) =>
    dispatch({ type: 'closed', code: event?.code, reason: event?.reason ?? '' });
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('connection-close', onClose);

  return {
    boardId,
    doc,
    provider,
    state: {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      getSnapshot: () => state,
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
      listeners.clear();
      provider.awareness.setLocalState(null);
      provider.destroy();
      doc.destroy();
    },
  };
}
