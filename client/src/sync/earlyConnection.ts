import { type ConnectionOptions, type DocConnection, openDocConnection } from './docConnection';

/** How long an early connection waits for its page before it is closed (a page that never came). */
const UNCLAIMED_MS = 30_000;

let parked:
  | { key: string; connection: DocConnection; timer: ReturnType<typeof setTimeout>; adopted: () => void }
  | undefined;

/** Connections a page opened itself before one was opened early for it. */
const askedFirst = new Set<string>();

function keyOf(docId: string, options: ConnectionOptions): string {
  const { token, persist = true, presence = true } = options;
  return `${docId}\n${token ?? ''}\n${persist}\n${presence}`;
}

/**
 * Opens a doc's connection before the page that shows it has rendered, so the server's answer (a whole board
 * on a first visit) travels while the page's code runs. The page's `useDocConnection` adopts it when it asks
 * for the same doc with the same options; nothing else may use it. Unclaimed, it closes after 30 s.
 */
export function openConnectionEarly(docId: string, options: ConnectionOptions = {}): void {
  // The page was quicker and opened its own: a second one would only be a ghost on the board for 30 s.
  if (askedFirst.has(keyOf(docId, options))) return;
  parked?.connection.destroy();
  if (parked) clearTimeout(parked.timer);
  // Its first sync may well come before the page has rendered: the local copy is written once the page has it.
  let adopted = () => {};
  const localCopyAfter = new Promise<void>((resolve) => {
    adopted = resolve;
  });
  const connection = openDocConnection(docId, { ...options, localCopyAfter });
  const timer = setTimeout(() => {
    if (parked?.connection !== connection) return;
    parked = undefined;
    connection.destroy();
  }, UNCLAIMED_MS);
  parked = { key: keyOf(docId, options), connection, timer, adopted };
}

/** The connection opened early for exactly this doc and these options, once; otherwise undefined. */
export function adoptEarlyConnection(docId: string, options: ConnectionOptions = {}): DocConnection | undefined {
  const key = keyOf(docId, options);
  if (!parked || parked.key !== key) {
    askedFirst.add(key);
    return undefined;
  }
  const { connection, timer, adopted } = parked;
  clearTimeout(timer);
  parked = undefined;
  adopted();
  return connection;
}
