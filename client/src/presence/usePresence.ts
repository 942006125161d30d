import { useEffect, useMemo } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { throttle } from '../interaction/throttle';
import type { Point } from '../interaction/viewport';
import type { Identity } from './identity';

/** Awareness updates of the local cursor at most ~30 times a second. */
export const CURSOR_INTERVAL_MS = 33;

/**
 * Publishes who I am on this board and returns a throttled cursor publisher
 * (board coordinates; null when the pointer leaves the canvas).
 */
export function usePresence(awareness: Awareness, identity: Identity): (cursor: Point | null) => void {
  useEffect(() => {
    if (!identity.name) return;
    awareness.setLocalStateField('user', { name: identity.name, color: identity.color });
  }, [awareness, identity.name, identity.color]);

  const publish = useMemo(
    () =>
      throttle((cursor: Point | null) => {
        awareness.setLocalStateField('cursor', cursor && { x: Math.round(cursor.x), y: Math.round(cursor.y) });
      }, CURSOR_INTERVAL_MS),
    [awareness],
  );
  useEffect(() => () => publish.cancel(), [publish]);
  return publish;
}
