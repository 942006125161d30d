import type { Viewport as SharedViewport } from '@samle/shared';
import { clampZoom, fitRect, LOWEST_ZOOM, type Rect, type Size, type Viewport } from '../interaction/viewport';

/**
 * Follow mode's viewport math. The control doc carries where the facilitator
 * looks as the board rectangle they see (`{x, y, width, height}`, with their
 * zoom); the canvas works with pan and zoom (`screen = board * zoom + pan`).
 */

/** How long a follower's view glides to the facilitator's new view. */
export const FOLLOW_GLIDE_MS = 320;

const round = (value: number, step: number) => Math.round(value / step) * step + 0; // + 0 turns -0 into 0

/** What the facilitator sees, as the board rectangle their canvas of `size` shows (and the zoom, for older followers). */
export function toSharedViewport(view: Viewport, size?: Size): SharedViewport {
  const corner = {
    x: round(-view.panX / view.zoom, 0.1),
    y: round(-view.panY / view.zoom, 0.1),
    zoom: round(view.zoom, 0.001),
  };
  if (!size || size.width <= 0 || size.height <= 0) return corner;
  return { ...corner, width: round(size.width / view.zoom, 0.1), height: round(size.height / view.zoom, 0.1) };
}

/**
 * The view a follower's canvas of `size` shows: the facilitator's board
 * rectangle fitted to this screen's shape and centred, so all of it is in view
 * whatever the aspect ratio; without a rectangle, their corner and zoom.
 */
export function fromSharedViewport(shared: SharedViewport, size?: Size): Viewport {
  const { width, height } = shared;
  if (width !== undefined && height !== undefined && size && size.width > 0 && size.height > 0) {
    // As far out as the facilitator's view needs: a big board they fitted whole is whole on every screen.
    const zoom = clampZoom(Math.min(size.width / width, size.height / height), LOWEST_ZOOM);
    const cx = shared.x + width / 2;
    const cy = shared.y + height / 2;
    return { zoom, panX: size.width / 2 - cx * zoom, panY: size.height / 2 - cy * zoom };
  }
  const zoom = clampZoom(shared.zoom, LOWEST_ZOOM);
  return { zoom, panX: -shared.x * zoom, panY: -shared.y * zoom };
}

export function sameSharedViewport(a: SharedViewport | null, b: SharedViewport | null): boolean {
  if (a === null || b === null) return a === b;
  return a.x === b.x && a.y === b.y && a.zoom === b.zoom && a.width === b.width && a.height === b.height;
}

const easeOutCubic = (t: number) => 1 - (1 - t) ** 3;

/**
 * The view `progress` (0…1) of the way from `from` to `to`: the top-left board
 * point moves in a straight line and the zoom changes by a constant factor, so
 * the glide feels even at any zoom.
 */
export function glideViewport(from: Viewport, to: Viewport, progress: number): Viewport {
  const t = easeOutCubic(Math.min(1, Math.max(0, progress)));
  if (t <= 0) return from;
  if (t >= 1) return to;
  const a = toExact(from);
  const b = toExact(to);
  const zoom = a.zoom * (b.zoom / a.zoom) ** t;
  const x = a.x + (b.x - a.x) * t;
  const y = a.y + (b.y - a.y) * t;
  return { zoom, panX: -x * zoom, panY: -y * zoom };
}

function toExact(view: Viewport): SharedViewport {
  return { x: -view.panX / view.zoom, y: -view.panY / view.zoom, zoom: view.zoom };
}

/**
 * The view of a spotlighted theme on the big screen: the theme fills the
 * screen (it may zoom in past 1, unlike "fit", because it is read from afar).
 */
export function spotlightViewport(frame: Rect, screen: Size, padding = 64): Viewport {
  const fitted = fitRect(frame, screen, padding);
  const availableW = Math.max(1, screen.width - padding * 2);
  const availableH = Math.max(1, screen.height - padding * 2);
  const zoom = clampZoom(Math.min(availableW / Math.max(1, frame.width), availableH / Math.max(1, frame.height)));
  if (zoom <= fitted.zoom) return fitted;
  const cx = frame.x + frame.width / 2;
  const cy = frame.y + frame.height / 2;
  return { zoom, panX: screen.width / 2 - cx * zoom, panY: screen.height / 2 - cy * zoom };
}
