import { meStore } from '../account/meStore';
import { syncToken } from '../api/credentials';
import { fetchBoardRecordEarly } from '../board/earlyBoardRecord';
import { parseRoute } from '../routing/routes';
import { BoardPage, WorkshopToolPage } from './pages';

/**
 * What the page's route needs from the network, asked for while the language's texts and the page's code load
 * instead of after the first render: a board's chunks, its record, and then its sync socket, so the board's
 * state (2.4 MB for 10,000 notes) travels while the page's code runs (docs/performance.md, issue #19). The board
 * page adopts the record and the socket (earlyBoardRecord.ts, sync/earlyConnection.ts).
 */
export function startRoute(pathname: string): void {
  const route = parseRoute(pathname);
  if (route.name === 'catalog') startCatalog(route.workshopId);
  if (route.name !== 'board') return;
  const { boardId } = route;
  // A failure here is met again, and shown, when the page renders and asks for the chunk itself.
  BoardPage.preload().catch((error: unknown) => console.warn('The board page could not be fetched early', error));
  const early = fetchBoardRecordEarly(boardId);
  // Imported here, not at the top: Yjs and the provider stay out of the first chunk every page loads.
  void Promise.all([early, import('../sync/earlyConnection')]).then(([record, { openConnectionEarly }]) => {
    if (record) openConnectionEarly(boardId, { token: syncToken(record.credential) });
  });
}

/**
 * The idea catalog: who is signed in, the tool page's and the catalog's chunks, and the catalog's sync socket
 * (catalog/CatalogEntry.tsx, catalogPreopen.ts), so the 300 ideas arrive while the workshop is asked for.
 */
function startCatalog(workshopId: string): void {
  const warn = (error: unknown) => console.warn('The catalog could not be opened early', error);
  meStore.ensureLoaded();
  WorkshopToolPage.preload().catch(warn);
  import('../catalog/CatalogEntry').then((entry) => entry.prepareCatalogPage(workshopId)).catch(warn);
}
