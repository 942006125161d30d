import type { ConnectionState } from './connectionState';

/**
 * What the header's connection badge says. It is the connection state, except
 * that a browser that knows it has no network says "offline" — the socket may
 * take many seconds to notice, and "reconnecting" would promise too much.
 * A refusal by the server (error) is shown as such even offline: it will not
 * go away by itself.
 */
export type BadgeState = ConnectionState['kind'] | 'offline';

export function badgeState(state: ConnectionState, online: boolean): BadgeState {
  if (state.kind === 'error') return 'error';
  return online ? state.kind : 'offline';
}
