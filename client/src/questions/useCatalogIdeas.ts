import { useEffect, useState, useSyncExternalStore } from 'react';
import { syncToken } from '../api/credentials';
import type { Credential } from '../api/http';
import { type CatalogConnection, openCatalogConnection } from './catalogConnection';
import type { CatalogIdea } from './catalogLink';

const unknown = { subscribe: () => () => {}, getSnapshot: (): CatalogIdea[] | null => null };

/**
 * The catalog's ideas for those who may read it (`enabled`: leaders and
 * facilitators); null for everyone else and until the catalog has synced.
 */
export function useCatalogIdeas(workshopId: string, credential: Credential, enabled: boolean): CatalogIdea[] | null {
  const [connection, setConnection] = useState<CatalogConnection>();
  const token = syncToken(credential);
  useEffect(() => {
    if (!enabled) {
      setConnection(undefined);
      return;
    }
    const opened = openCatalogConnection(workshopId, token);
    setConnection(opened);
    return () => opened.destroy();
  }, [workshopId, token, enabled]);
  const store = connection?.ideas ?? unknown;
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
