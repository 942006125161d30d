import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/**
 * In Node every WebsocketProvider adds a process 'exit' listener (to clear its awareness state)
 * and removes it when destroyed. A test may hold more than Node's default ten clients open at
 * once (twenty writers; two instances with several docs each): that is no leak, so the limit
 * grows by one for each open client and shrinks again as it is destroyed.
 */
const exitListenersBesideClients = process.getMaxListeners();
let openClients = 0;

function countOpenClients(change: 1 | -1): void {
  openClients += change;
  // 0 means no limit: leave it.
  if (exitListenersBesideClients > 0) process.setMaxListeners(exitListenersBesideClients + openClients);
}

/** A stock y-websocket client, exactly as a third party would use it against our server. */
export function stockClient(wsUrl: string, docId: string, options: { token?: string; doc?: Y.Doc } = {}): StockClient {
  const doc = options.doc ?? new Y.Doc();
  countOpenClients(1);
  const provider = new WebsocketProvider(wsUrl, docId, doc, {
    params: options.token ? { token: options.token } : {},
    // biome-ignore lint/suspicious/noExplicitAny: ws's WebSocket is API-compatible with the DOM one the provider types.
    WebSocketPolyfill: WebSocket as any,
    disableBc: true,
  });
  let open = true;
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
      if (open) countOpenClients(-1);
      open = false;
    },
  };
}

/** Resolves once the provider has completed its first sync with the server. */
export function synced(client: StockClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      client.provider.off('sync', onSync);
      resolve();
    };
    client.provider.on('sync', onSync);
  });
}

/** Resolves when `predicate(doc)` holds, re-checking on every doc update (no polling, no sleeps). */
export function until(doc: Y.Doc, predicate: (doc: Y.Doc) => boolean): Promise<void> {
  if (predicate(doc)) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (!predicate(doc)) return;
      doc.off('afterTransaction', check);
      resolve();
    };
    doc.on('afterTransaction', check);
  });
}

/** Resolves with the close event of the provider's next WebSocket close. */
export function nextClose(client: StockClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    const onClose = (event: { code: number; reason: string } | null) => {
      client.provider.off('connection-close', onClose);
      resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' });
    };
    client.provider.on('connection-close', onClose);
  });
}
