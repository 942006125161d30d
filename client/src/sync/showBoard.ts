import type { ConnectionState } from './connectionState';

/**
 * Whether the board can be shown instead of "Opening the board…": once the
 * server has synced it, or — without the server — once this device's copy has
 * been read and either holds something or the server is known to be out of
 * reach (offline, or a connection attempt failed). A first visit with no copy
 * keeps waiting for the server rather than show a falsely empty board.
 */
export function canShowBoard(input: {
  everSynced: boolean;
  localLoaded: boolean;
  localHasContent: boolean;
  state: ConnectionState;
  online: boolean;
}): boolean {
  const { everSynced, localLoaded, localHasContent, state, online } = input;
  if (everSynced) return true;
  if (!localLoaded) return false;
  return localHasContent || !online || state.kind === 'reconnecting';
}
