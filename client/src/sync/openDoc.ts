import { isRetryableClose, SYNC_PATH, TOKEN_PARAM } from '@samle/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * How every document in the client is opened: a fresh Y.Doc and the stock
 * y-websocket provider that syncs it with the server, set up the same way for
 * boards, drafts, the control doc, the catalog's docs, the questions list, idea
 * descriptions and reflections. What each of them adds (a local copy, a
 * connection badge, a save state, Lexical) is built on the result.
 */
export interface OpenedDoc {
  readonly docId: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Ends the connection, then the doc. */
  destroy(): void;
}

export interface OpenDocOptions {
  /** A participant's, leader's or viewer's grant; facilitators pass none (their cookie goes with the upgrade). */
  token?: string;
  /**
   * Announce this browser on the doc's awareness (default true). Documents that are only
   * listened to (the control doc, the questions list, read-only views) and drafts do not.
   */
  presence?: boolean;
  /** Connect at once (default true); Lexical's CollaborationPlugin connects its provider itself. */
  connect?: boolean;
}

export function syncUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${SYNC_PATH}`;
}

export function openDoc(docId: string, options: OpenDocOptions = {}): OpenedDoc {
  const { token, presence = true, connect = true } = options;
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(window.location), docId, doc, {
    ...(token ? { params: { [TOKEN_PARAM]: token } } : {}),
    connect,
    // Tabs must not sync through BroadcastChannel: the server decides what is
    // accepted (a refused update must never reach another tab), and the
    // connection badge must describe the real link to the server.
    disableBc: true,
    // A 44xx close means "do not retry blindly" (shared/src/closeCodes.ts).
    shouldReconnect: (event) => isRetryableClose(event.code),
  });
  if (!presence) provider.awareness.setLocalState(null);
  return {
    docId,
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
