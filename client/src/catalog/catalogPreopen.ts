import { isSignedIn } from '../account/meStore';
import { grants } from '../api/grants';
import { type CatalogSync, openCatalogSync } from './catalogSync';

/**
 * A cold open of `/w/:id/catalog` used to be a chain: the app's code, then who is signed in, then the workshop,
 * then the catalog's code, then the catalog's WebSocket, then its sync. `prepareCatalog` (via CatalogEntry.tsx,
 * from main.tsx before the first render) opens the WebSocket at once, beside the rest; the page claims that
 * connection when it renders the catalog, so the ideas are usually there by then.
 *
 * The connection is opened with the credential the page will use (useWorkshopDetail: the cookie first when
 * signed in, else the workshop's grant), so the server decides what it may see, as for any socket: it shows the
 * catalog to facilitators and leaders only. A connection nobody claims (the page found no access, or the person
 * went elsewhere) is closed after `UNCLAIMED_MS`.
 */
const UNCLAIMED_MS = 15_000;

let preopened: { workshopId: string; token: string | undefined; sync: CatalogSync; timer: number } | undefined;
/** Calls of `prepareCatalog` so far, and how many of them a claim has overtaken (they must not open a second). */
let prepared = 0;
let overtaken = 0;

/** Starts the catalog's live connection for `workshopId`, before the page knows the workshop. */
export async function prepareCatalog(workshopId: string): Promise<void> {
  const ticket = ++prepared;
  const grant = grants().get(workshopId);
  // The cookie first when signed in, else the workshop's grant (workshopCredentials); without either, no access.
  const signedIn = await isSignedIn();
  if (preopened || ticket <= overtaken || (!signedIn && !grant)) return;
  const token = signedIn ? undefined : grant?.token;
  const timer = window.setTimeout(discardPreopened, UNCLAIMED_MS);
  preopened = { workshopId, token, sync: openCatalogSync(workshopId, token), timer };
}

/** The connection opened ahead if it is for this workshop and credential, else a new one. The caller owns it. */
export function claimCatalogSync(workshopId: string, token: string | undefined): CatalogSync {
  const ahead = preopened;
  preopened = undefined;
  overtaken = prepared;
  if (ahead) window.clearTimeout(ahead.timer);
  if (ahead && ahead.workshopId === workshopId && ahead.token === token) return ahead.sync;
  ahead?.sync.destroy();
  return openCatalogSync(workshopId, token);
}

/** Closes the connection opened ahead, if nobody claimed it (no access to the catalog, or gone elsewhere). */
export function discardPreopened(): void {
  const ahead = preopened;
  preopened = undefined;
  if (!ahead) return;
  window.clearTimeout(ahead.timer);
  ahead.sync.destroy();
}
