import type { FollowView, Viewport as SharedViewport } from '@samle/shared';
import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { commandFollow } from '../api/facilitationApi';
import type { Size, Viewport } from '../interaction/viewport';
import { FOLLOW_GLIDE_MS, fromSharedViewport, glideViewport, toSharedViewport } from './followViewport';
import type { FacilitatorCommands } from './useFacilitatorCommands';
import { createViewportPublisher } from './viewportPublisher';

/**
 * While follow mode is on, streams the facilitator's viewport to the server
 * (see viewportPublisher.ts); `latest` always holds where they look, for the
 * toggle that turns follow mode on.
 */
export function useFollowLeader(
  viewport: Viewport,
  options: {
    active: boolean;
    commands: FacilitatorCommands | undefined;
    latest: RefObject<SharedViewport | null>;
    /** The facilitator's canvas: with the viewport, the board rectangle they see. */
    size: Size;
  },
): void {
  const { active, commands, latest, size } = options;
  const { width, height } = size;
  const shared = useMemo(() => toSharedViewport(viewport, { width, height }), [viewport, width, height]);
  latest.current = shared;
  const report = commands?.report;
  const boardId = commands?.boardId;
  const publisher = useMemo(() => {
    if (!active || !boardId || !report) return undefined;
    return createViewportPublisher({
      send: (view) => commandFollow(boardId, { viewport: view }),
      onError: report,
    });
  }, [active, boardId, report]);
  useEffect(() => () => publisher?.cancel(), [publisher]);
  useEffect(() => {
    publisher?.update(shared);
  }, [publisher, shared]);
}

/**
 * A follower's local choice: follow the facilitator while follow mode is on,
 * unless they stopped; each new "bring everyone" starts following again.
 */
export function useFollowing(follow: FollowView, leading: boolean) {
  const [stopped, setStopped] = useState<boolean>(false);
  const wasOn = useRef(follow.on);
  useEffect(() => {
    if (follow.on && !wasOn.current) setStopped(false);
    wasOn.current = follow.on;
  }, [follow.on]);
  const available = follow.on && !leading && follow.viewport !== null;
  return {
    /** Follow mode is on and this person is not the one leading it. */
    available,
    following: available && !stopped,
    stop: () => setStopped(true),
    resume: () => setStopped(false),
  };
}

/** Glides the view to `target` (the facilitator's board rectangle, fitted to this canvas of `size`) whenever it changes, while `active`. */
export function useFollowGlide(
  target: SharedViewport | null,
  active: boolean,
  viewportRef: RefObject<Viewport>,
  show: (view: Viewport) => void,
  size: Size,
): void {
  const x = target?.x;
  const y = target?.y;
  const zoom = target?.zoom;
  const rectW = target?.width;
  const rectH = target?.height;
  const { width, height } = size;
  useEffect(() => {
    if (!active || x === undefined || y === undefined || zoom === undefined) return;
    const rect = rectW !== undefined && rectH !== undefined ? { width: rectW, height: rectH } : {};
    const to = fromSharedViewport({ x, y, zoom, ...rect }, { width, height });
    const from = viewportRef.current;
    const start = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const progress = (now - start) / FOLLOW_GLIDE_MS;
      show(glideViewport(from, to, progress));
      if (progress < 1) frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [active, x, y, zoom, rectW, rectH, width, height, viewportRef, show]);
}
