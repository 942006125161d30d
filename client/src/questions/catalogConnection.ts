import { catalogDocId, isRetryableClose, readIdeas, TOKEN_PARAM } from '@samle/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncUrl } from '../sync/boardConnection';
import { createExternalStore, type ExternalStore } from '../sync/externalStore';
import { type CatalogIdea, sameIdeas } from './catalogLink';

/**
 * The workshop's idea catalog (`<workshop>-catalog`), synced with a stock
 * provider and the same credentials as the questions list, only to show the
 * ideas' titles. Only leaders and facilitators may read it. This page never
 * writes the doc. `ideas` is null until the first sync, so a half-loaded
 * catalog never looks empty.
 */
export interface CatalogConnection {
  readonly ideas: ExternalStore<CatalogIdea[] | null>;
  destroy(): void;
}

export function openCatalogConnection(workshopId: string, token: string | undefined): CatalogConnection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(window.location), catalogDocId(workshopId), doc, {
    ...(token ? { params: { [TOKEN_PARAM]: token } } : {}),
    disableBc: true,
    shouldReconnect: (event) => isRetryableClose(event.code),
  });
  provider.awareness.setLocalState(null);

  let synced = false;
  const ideas = createExternalStore<CatalogIdea[] | null>({
    read: () => (synced ? readIdeas(doc).map(({ id, title }) => ({ id, title })) : null),
    equals: sameIdeas,
    listen: (changed) => {
      const onUpdate = () => changed();
      const onSync = (isSynced: boolean) => {
        if (isSynced) synced = true;
        changed();
      };
      doc.on('update', onUpdate);
      provider.on('sync', onSync);
      return () => {
        doc.off('update', onUpdate);
        provider.off('sync', onSync);
      };
    },
  });

  return {
    ideas,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
