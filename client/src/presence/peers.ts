import type { Awareness } from 'y-protocols/awareness';
import type { Point } from '../interaction/viewport';
import { createExternalStore, type ExternalStore } from '../sync/externalStore';

/**
 * The awareness fields Samle uses, and a store over the *other* people on a
 * board. Remote awareness states come from other browsers and may hold
 * anything, so each is validated before it is shown.
 */
export interface PresenceUser {
  name: string;
  color: string;
}

export interface Peer {
  clientId: number;
  user: PresenceUser;
  /** Board coordinates, or null when their pointer is off the canvas. */
  cursor: Point | null;
}

export const MAX_NAME_LENGTH = 40;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function parsePeer(clientId: number, state: unknown): Peer | undefined {
  if (!isRecord(state) || !isRecord(state.user)) return undefined;
  const { name, color } = state.user;
  if (typeof name !== 'string' || name.trim() === '') return undefined;
  const safeColor = typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : '#475569';
  const cursor = state.cursor;
  const validCursor =
    isRecord(cursor) && Number.isFinite(cursor.x) && Number.isFinite(cursor.y)
      ? { x: cursor.x as number, y: cursor.y as number }
      : null;
  return { clientId, user: { name: name.slice(0, MAX_NAME_LENGTH), color: safeColor }, cursor: validCursor };
}

function samePeer(a: Peer, b: Peer): boolean {
  return (
    a.clientId === b.clientId &&
    a.user.name === b.user.name &&
    a.user.color === b.user.color &&
    a.cursor?.x === b.cursor?.x &&
    a.cursor?.y === b.cursor?.y
  );
}

/** The other people on a board (never me), sorted by name. */
export function createPeersStore(awareness: Awareness): ExternalStore<readonly Peer[]> {
  return createExternalStore<readonly Peer[]>({
    read() {
      const peers: Peer[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const peer = parsePeer(clientId, state);
        if (peer) peers.push(peer);
      }
      return peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
    },
    equals: (a, b) => a.length === b.length && a.every((peer, i) => samePeer(peer, b[i] as Peer)),
    listen(changed) {
      const onChange = () => changed();
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
  });
}
