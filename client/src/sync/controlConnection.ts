import { controlDocId, isRetryableClose, TOKEN_PARAM } from '@samle/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncUrl } from './boardConnection';

/**
 * A board's control doc (timer, vote round), synced read-only with a second
 * stock provider and the board's own credentials. Only the server writes it:
 * nothing here ever changes `doc`, and this client announces no presence on it.
 */
export interface ControlConnection {
  readonly boardId: string;
  readonly doc: Y.Doc;
  destroy(): void;
}

export function openControlConnection(boardId: string, token?: string): ControlConnection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(window.location), controlDocId(boardId), doc, {
    ...(token ? { params: { [TOKEN_PARAM]: token } } : {}),
    disableBc: true,
    shouldReconnect: (event) => isRetryableClose(event.code),
  });
  // Presence belongs to the board doc; the control doc is only listened to.
  provider.awareness.setLocalState(null);
  return {
    boardId,
    doc,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
