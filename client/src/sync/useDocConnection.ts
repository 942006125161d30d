import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ConnectionState } from './connectionState';
import { type ConnectionOptions, type DocConnection, type LocalSync, openDocConnection } from './docConnection';
import { adoptEarlyConnection } from './earlyConnection';

/**
 * Opens a doc's sync connection while mounted and `enabled` (once the page
 * knows the board exists and which token to use). A new `generation` replaces
 * the connection and its Y.Doc with fresh ones — after a write was refused
 * (4403), the old doc holds a change the server will never take.
 */
export function useDocConnection(
  docId: string,
  options: { enabled: boolean; token: string | undefined; generation?: number } & Omit<ConnectionOptions, 'token'>,
): DocConnection | undefined {
  const { enabled, token, generation = 0, persist = true, presence = true } = options;
  const [connection, setConnection] = useState<{ key: string; value: DocConnection }>();
  const key = `${docId}\n${token ?? ''}\n${generation}\n${persist}\n${presence}`;
  useEffect(() => {
    if (!enabled) return;
    // The first connection of a page may have been opened as the page started (app/startRoute.ts).
    const options = { token, persist, presence };
    const opened =
      (generation === 0 ? adoptEarlyConnection(docId, options) : undefined) ?? openDocConnection(docId, options);
    setConnection({ key: `${docId}\n${token ?? ''}\n${generation}\n${persist}\n${presence}`, value: opened });
    return () => {
      opened.destroy();
      setConnection(undefined);
    };
  }, [docId, enabled, token, generation, persist, presence]);
  return connection?.key === key ? connection.value : undefined;
}

export function useConnectionState(connection: DocConnection): ConnectionState {
  return useSyncExternalStore(connection.state.subscribe, connection.state.getSnapshot);
}

const NO_LOCAL: LocalSync = { online: true, loaded: false, unsynced: 0 };
const noop = () => () => undefined;

/** The network, the local copy and the unsynced count of a connection (or nothing without one). */
export function useLocalSync(connection: DocConnection | undefined): LocalSync {
  return useSyncExternalStore(connection?.local.subscribe ?? noop, connection?.local.getSnapshot ?? (() => NO_LOCAL));
}
