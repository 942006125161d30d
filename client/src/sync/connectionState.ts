import { type CloseCodeName, closeCodeName, isRetryableClose } from '@samle/shared';

/**
 * What the header says about the sync connection, derived from the provider's
 * events by a pure reducer so every transition is tested:
 *
 * - connecting:   first connection attempt, or connected but not yet synced
 * - connected:    the socket is open and the first sync round finished
 * - reconnecting: we were connected (or tried) and the socket closed with a retryable code
 * - error:        the server closed with a 44xx code; we stopped reconnecting
 */
export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting'; lastCloseCode: number | undefined }
  | { kind: 'error'; code: number; codeName: CloseCodeName | undefined; reason: string };

export type ConnectionEvent =
  | { type: 'status'; status: 'connecting' | 'connected' | 'disconnected' }
  | { type: 'synced'; synced: boolean }
  /** The socket closed; `code` is undefined when we closed it ourselves. */
  | { type: 'closed'; code: number | undefined; reason: string };

export const INITIAL_CONNECTION: ConnectionState = { kind: 'connecting' };

export function reduceConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  // An error is final for this connection object: only a new connection (a retry button) leaves it.
  if (state.kind === 'error') return state;
  switch (event.type) {
    case 'status':
      if (event.status === 'connected') return state.kind === 'connected' ? state : { kind: 'connecting' };
      if (event.status === 'connecting') return state.kind === 'reconnecting' ? state : { kind: 'connecting' };
      return { kind: 'reconnecting', lastCloseCode: undefined };
    case 'synced':
      if (event.synced) return { kind: 'connected' };
      return state.kind === 'connected' ? { kind: 'connecting' } : state;
    case 'closed':
      if (event.code !== undefined && !isRetryableClose(event.code)) {
        return { kind: 'error', code: event.code, codeName: closeCodeName(event.code), reason: event.reason };
      }
      return { kind: 'reconnecting', lastCloseCode: event.code };
  }
}
