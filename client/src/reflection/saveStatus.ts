/**
 * What the reflection's status line says: "Saved", "Saving…", "Offline — saved
 * on this device" or "Connecting…".
 *
 * Every change is written to IndexedDB at once, so nothing typed is lost. It
 * also reaches the server at once while the socket is connected and synced
 * (y-websocket has no acknowledgements: "Saving…" covers the typing burst, and
 * turns to "Saved" after `SETTLE_MS` of quiet). A change made while not live
 * stays "offline" until the next completed sync, which sends it.
 */
export type SaveStatus = 'saved' | 'saving' | 'offline' | 'connecting';

export interface SaveState {
  online: boolean;
  connected: boolean;
  synced: boolean;
  /** Changes made while not live that the server has not had yet. */
  unsent: boolean;
  everSynced: boolean;
  lastEditAt: number;
}

export type SaveEvent =
  | { type: 'online'; online: boolean }
  | { type: 'connection'; connected: boolean }
  | { type: 'synced' }
  | { type: 'edit'; at: number };

export const SETTLE_MS = 1200;

export const INITIAL_SAVE_STATE: SaveState = {
  online: true,
  connected: false,
  synced: false,
  unsent: false,
  everSynced: false,
  lastEditAt: Number.NEGATIVE_INFINITY,
};

const isLive = (state: SaveState) => state.online && state.connected && state.synced;

export function reduceSave(state: SaveState, event: SaveEvent): SaveState {
  switch (event.type) {
    case 'online':
      return { ...state, online: event.online };
    case 'connection':
      return event.connected ? { ...state, connected: true } : { ...state, connected: false, synced: false };
    case 'synced':
      return { ...state, synced: true, everSynced: true, unsent: false };
    case 'edit':
      return { ...state, lastEditAt: event.at, unsent: state.unsent || !isLive(state) };
  }
}

export function saveStatus(state: SaveState, now: number): SaveStatus {
  if (!isLive(state)) {
    if (state.unsent || state.everSynced || !state.online) return 'offline';
    return 'connecting';
  }
  return now - state.lastEditAt < SETTLE_MS ? 'saving' : 'saved';
}
