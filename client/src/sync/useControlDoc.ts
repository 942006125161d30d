import {
  type FollowView,
  type PrivateWritingView,
  readFollow,
  readPrivateWriting,
  readTimer,
  readVote,
  type TimerView,
  type VoteView,
} from '@samle/shared';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { type ControlConnection, openControlConnection } from './controlConnection';
import { createExternalStore } from './externalStore';

/** Syncs the board's control doc while mounted and `enabled`; undefined until it is open. */
export function useControlConnection(
  boardId: string,
  options: { enabled: boolean; token: string | undefined },
): Y.Doc | undefined {
  const { enabled, token } = options;
  const [connection, setConnection] = useState<{ key: string; value: ControlConnection }>();
  const key = `${boardId}\n${token ?? ''}`;
  useEffect(() => {
    if (!enabled) return;
    const opened = openControlConnection(boardId, token);
    setConnection({ key: `${boardId}\n${token ?? ''}`, value: opened });
    return () => {
      opened.destroy();
      setConnection(undefined);
    };
  }, [boardId, enabled, token]);
  return connection?.key === key ? connection.value.doc : undefined;
}

function useMapValue<T>(
  doc: Y.Doc | undefined,
  mapName: string,
  read: (doc: Y.Doc) => T | null,
  same: (a: T, b: T) => boolean,
) {
  const store = useMemo(
    () =>
      createExternalStore<T | null>({
        read: () => (doc ? read(doc) : null),
        equals: (a, b) => a === b || (a !== null && b !== null && same(a, b)),
        listen(changed) {
          if (!doc) return () => undefined;
          const map = doc.getMap(mapName);
          const observer = () => changed();
          map.observe(observer);
          return () => map.unobserve(observer);
        },
      }),
    [doc, mapName, read, same],
  );
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

const sameTimer = (a: TimerView, b: TimerView) =>
  a.durationMs === b.durationMs && a.endsAt === b.endsAt && a.remainingMs === b.remainingMs;

const sameVote = (a: VoteView, b: VoteView) =>
  a.id === b.id &&
  a.status === b.status &&
  a.budget === b.budget &&
  a.maxPerNote === b.maxPerNote &&
  a.closedAt === b.closedAt &&
  JSON.stringify(a.results) === JSON.stringify(b.results);

/** The shared timer, or null when none is set (or the control doc has not arrived yet). */
export function useTimer(doc: Y.Doc | undefined): TimerView | null {
  return useMapValue(doc, 'timer', readTimer, sameTimer);
}

/** The board's latest vote round, open or closed, or null when there has been none. */
export function useVote(doc: Y.Doc | undefined): VoteView | null {
  return useMapValue(doc, 'vote', readVote, sameVote);
}

const samePrivateWriting = (a: PrivateWritingView, b: PrivateWritingView) =>
  a.on === b.on && a.startedAt === b.startedAt && a.revealedAt === b.revealedAt;

const OFF: PrivateWritingView = { on: false, startedAt: null, revealedAt: null };

/** Whether private writing is on (off until the control doc has arrived). */
export function usePrivateWriting(doc: Y.Doc | undefined): PrivateWritingView {
  return useMapValue(doc, 'privateWriting', readPrivateWriting, samePrivateWriting) ?? OFF;
}

const sameFollow = (a: FollowView, b: FollowView) =>
  a.on === b.on &&
  a.spotlightClusterId === b.spotlightClusterId &&
  a.viewport?.x === b.viewport?.x &&
  a.viewport?.y === b.viewport?.y &&
  a.viewport?.zoom === b.viewport?.zoom;

const NOT_FOLLOWING: FollowView = { on: false, viewport: null, spotlightClusterId: null };

/** Follow mode: whether it is on, where the facilitator looks, and the spotlighted theme. */
export function useFollow(doc: Y.Doc | undefined): FollowView {
  return useMapValue(doc, 'follow', readFollow, sameFollow) ?? NOT_FOLLOWING;
}
