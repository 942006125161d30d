import { catalogDocId, readIdeas } from '@samle/shared';
import type * as Y from 'yjs';
import { syncToken } from '../api/credentials';
import type { Credential } from '../api/http';
import { useLiveDoc } from '../sync/useLiveDoc';
import { type CatalogIdea, sameIdeas } from './catalogLink';

/** Only the ideas' ids and titles: the questions list shows nothing else of the catalog. */
function catalogIdeas(doc: Y.Doc): CatalogIdea[] {
  return readIdeas(doc).map(({ id, title }) => ({ id, title }));
}

/**
 * The catalog's ideas (`<workshop>-catalog`, read live, never written) for those
 * who may read it (`enabled`: leaders and facilitators); null for everyone else
 * and until the catalog has synced, so a half-loaded catalog never looks empty.
 */
export function useCatalogIdeas(workshopId: string, credential: Credential, enabled: boolean): CatalogIdea[] | null {
  const live = useLiveDoc(enabled ? catalogDocId(workshopId) : null, syncToken(credential), catalogIdeas, sameIdeas);
  return live.status === 'ready' ? live.value : null;
}
