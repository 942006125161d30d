import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  boundingRect,
  fitFloor,
  fitRect,
  INITIAL_VIEWPORT,
  MIN_ZOOM,
  type Point,
  panBy,
  type Rect,
  type Size,
  type Viewport,
  visibleBoardRect,
  ZOOM_STEP,
  zoomAround,
  zoomBy,
} from '../interaction/viewport';

export interface ViewportControls {
  viewport: Viewport;
  /** Latest viewport for event handlers that must not re-subscribe on every pan. */
  viewportRef: RefObject<Viewport>;
  /** The board rect currently on screen. */
  visibleRect(): Rect;
  panBy(dx: number, dy: number): void;
  zoomAt(anchor: Point, factor: number): void;
  zoomIn(): void;
  zoomOut(): void;
  zoomReset(): void;
  /** Shows all of `rects` (notes and frames). */
  fit(rects: readonly Rect[]): void;
  /** Jumps to exactly this view (follow mode glides through it frame by frame). */
  show(view: Viewport): void;
}

/** Pan and zoom of the canvas: local to this person, never shared. */
export function useViewport(size: Size): ViewportControls {
  const [viewport, setViewport] = useState<Viewport>(INITIAL_VIEWPORT);
  const viewportRef = useRef(viewport);
  viewportRef.current = viewport;

  const center = useCallback((): Point => ({ x: size.width / 2, y: size.height / 2 }), [size]);
  const pan = useCallback((dx: number, dy: number) => setViewport((v) => panBy(v, dx, dy)), []);
  // How far out zooming goes: MIN_ZOOM, or lower once "fit" showed a board too big for it (interaction/viewport.ts).
  const minZoom = useRef(MIN_ZOOM);
  const zoomAt = useCallback(
    // Never below the limit, nor back up to it from a view already further out (a followed facilitator's fit).
    (anchor: Point, factor: number) => setViewport((v) => zoomBy(v, anchor, factor, Math.min(minZoom.current, v.zoom))),
    [],
  );
  const visibleRect = useCallback(() => visibleBoardRect(viewportRef.current, size), [size]);
  const fit = useCallback(
    (rects: readonly Rect[]) => {
      const bounds = boundingRect(rects);
      if (!bounds || size.width <= 0) return;
      minZoom.current = fitFloor(bounds, size);
      setViewport(fitRect(bounds, size, undefined, minZoom.current));
    },
    [size],
  );

  // Once the canvas has a size, start with the board origin near the top left, like a page.
  const placed = useRef(false);
  useEffect(() => {
    if (placed.current || size.width === 0) return;
    placed.current = true;
    setViewport({ panX: 48, panY: 48, zoom: 1 });
  }, [size.width]);

  return useMemo(
    () => ({
      viewport,
      viewportRef,
      visibleRect,
      panBy: pan,
      zoomAt,
      zoomIn: () => zoomAt(center(), ZOOM_STEP),
      zoomOut: () => zoomAt(center(), 1 / ZOOM_STEP),
      zoomReset: () => setViewport((v) => zoomAround(v, center(), 1)),
      fit,
      show: setViewport,
    }),
    [viewport, visibleRect, pan, zoomAt, center, fit],
  );
}
