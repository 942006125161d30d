import type { WebsocketProvider } from 'y-websocket';
import { messageSync } from 'y-websocket';

/**
 * Applies what the server sends until the doc's first sync without the doc's `update` listeners.
 *
 * Yjs encodes every transaction once more for its `update` listeners as soon as there is one (the provider's
 * own, the local copy's, the unsynced-changes counter). On a first visit the first sync is the whole board —
 * 2.5 MB for 10,000 notes — and that encoding was a quarter of applying it (docs/performance.md), for
 * listeners that have nothing to do with it: the provider and the counter skip what the provider applied,
 * and the local copy is written once afterwards, as one entry, by `onFirstSync` (called after the doc's first
 * sync). The doc's observers (`observe`, `observeDeep`) still see every change. After the first sync,
 * and on every reconnect, messages go through the stock handler with every listener in place.
 */
export function quietFirstSync(provider: WebsocketProvider, onFirstSync: () => void): void {
  const stock = provider.messageHandlers[messageSync];
  if (!stock) return;
  let first = true;
  provider.messageHandlers[messageSync] = (encoder, decoder, _provider, emitSynced, messageType) => {
    if (!first) {
      stock(encoder, decoder, provider, emitSynced, messageType);
      return;
    }
    // lib0's Observable keeps its listeners by event name; without an entry Yjs skips the encoding.
    const observers = provider.doc._observers;
    const held = observers.get('update');
    observers.delete('update');
    try {
      stock(encoder, decoder, provider, emitSynced, messageType);
    } finally {
      const addedMeanwhile = observers.get('update');
      if (held) {
        for (const listener of addedMeanwhile ?? []) held.add(listener);
        observers.set('update', held);
      }
    }
    if (provider.synced) {
      first = false;
      onFirstSync();
    }
  };
}
