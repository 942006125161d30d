/**
 * Viewport math for the board canvas. A viewport maps board coordinates (pixels
 * at zoom 1, where notes live) to screen coordinates (CSS pixels inside the
 * canvas element):
 *
 *   screen = board * zoom + pan
 */

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  panX: number;
  panY: number;
  zoom: number;
}

export const MIN_ZOOM = 0.2;
export const MAX_ZOOM = 3;
/**
 * How far "fit the whole board" may zoom out on a board too big to fit at MIN_ZOOM (a 10,000-note board on a
 * laptop fits at ~5 %): the fit lowers the minimum to what the board needs, down to this. Below it a note is
 * under two pixels wide even at its largest, so a board bigger than this fits what it can.
 */
export const LOWEST_ZOOM = 0.01;
/** One press of a zoom button or key multiplies or divides the zoom by this. */
export const ZOOM_STEP = 1.25;
/** How far one arrow-key press pans, in screen pixels. */
export const PAN_STEP = 80;

export const INITIAL_VIEWPORT: Viewport = { panX: 0, panY: 0, zoom: 1 };

/** The zoom kept within MAX_ZOOM and `minZoom` (MIN_ZOOM, or lower once a big board was fitted: `fitFloor`). */
export function clampZoom(zoom: number, minZoom = MIN_ZOOM): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(MAX_ZOOM, Math.max(minZoom, zoom));
}

/**
 * The lowest zoom that shows all of `content` in `size` with `padding` around it: MIN_ZOOM when the content fits
 * at that, else the smaller zoom it needs (not below LOWEST_ZOOM). The zoom-out limit after a fit, so "fit the
 * whole board" works on a board of any size and zooming out stops where the whole board is on screen.
 */
export function fitFloor(content: Rect, size: Size, padding = 48): number {
  const needs = Math.min(
    Math.max(1, size.width - padding * 2) / Math.max(1, content.width),
    Math.max(1, size.height - padding * 2) / Math.max(1, content.height),
  );
  if (!Number.isFinite(needs)) return MIN_ZOOM;
  return Math.min(MIN_ZOOM, Math.max(LOWEST_ZOOM, needs));
}

export function screenToBoard(viewport: Viewport, screen: Point): Point {
  return { x: (screen.x - viewport.panX) / viewport.zoom, y: (screen.y - viewport.panY) / viewport.zoom };
}

export function boardToScreen(viewport: Viewport, board: Point): Point {
  return { x: board.x * viewport.zoom + viewport.panX, y: board.y * viewport.zoom + viewport.panY };
}

/** Changes the zoom while keeping the board point under `anchor` (a screen point) where it is. */
export function zoomAround(viewport: Viewport, anchor: Point, nextZoom: number, minZoom = MIN_ZOOM): Viewport {
  const zoom = clampZoom(nextZoom, minZoom);
  const pinned = screenToBoard(viewport, anchor);
  return { zoom, panX: anchor.x - pinned.x * zoom, panY: anchor.y - pinned.y * zoom };
}

/** Zoom by a factor (>1 in, <1 out) around a screen point. */
export function zoomBy(viewport: Viewport, anchor: Point, factor: number, minZoom = MIN_ZOOM): Viewport {
  return zoomAround(viewport, anchor, viewport.zoom * factor, minZoom);
}

/**
 * Maps a ctrl/⌘+wheel delta to a zoom factor. Trackpad pinches send many small
 * deltas and mouse wheels few large ones; the exponential keeps both smooth.
 */
export function wheelZoomFactor(deltaY: number): number {
  const bounded = Math.max(-100, Math.min(100, deltaY));
  return Math.exp(-bounded * 0.01);
}

export function panBy(viewport: Viewport, dx: number, dy: number): Viewport {
  return { ...viewport, panX: viewport.panX + dx, panY: viewport.panY + dy };
}

/** The part of the board that is visible in a canvas of `size`, in board coordinates. */
export function visibleBoardRect(viewport: Viewport, size: Size): Rect {
  const topLeft = screenToBoard(viewport, { x: 0, y: 0 });
  return { x: topLeft.x, y: topLeft.y, width: size.width / viewport.zoom, height: size.height / viewport.zoom };
}

export function rectCenter(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/**
 * A viewport that shows all of `content` inside `size` with `padding` screen
 * pixels around it, never zooming in past 1 (a lone note should not fill the screen)
 * nor out past `minZoom` (pass `fitFloor(content, size)` to fit a board of any size).
 */
export function fitRect(content: Rect, size: Size, padding = 48, minZoom = MIN_ZOOM): Viewport {
  const availableW = Math.max(1, size.width - padding * 2);
  const availableH = Math.max(1, size.height - padding * 2);
  const zoom = clampZoom(
    Math.min(1, availableW / Math.max(1, content.width), availableH / Math.max(1, content.height)),
    minZoom,
  );
  const center = rectCenter(content);
  return { zoom, panX: size.width / 2 - center.x * zoom, panY: size.height / 2 - center.y * zoom };
}

/**
 * A viewport with `target` in the middle of a canvas of `size`, at `zoom` (or
 * less, so the whole target fits with `padding` around it).
 */
export function centreOn(target: Rect, size: Size, zoom = 1, padding = 48): Viewport {
  const fits = Math.min(
    (size.width - padding * 2) / Math.max(1, target.width),
    (size.height - padding * 2) / Math.max(1, target.height),
  );
  const z = clampZoom(Math.min(zoom, fits > 0 ? fits : zoom));
  const center = rectCenter(target);
  return { zoom: z, panX: size.width / 2 - center.x * z, panY: size.height / 2 - center.y * z };
}

/** The smallest rect containing all `rects`, or undefined for none. */
export function boundingRect(rects: Iterable<Rect>): Rect | undefined {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const rect of rects) {
    minX = Math.min(minX, rect.x);
    minY = Math.min(minY, rect.y);
    maxX = Math.max(maxX, rect.x + rect.width);
    maxY = Math.max(maxY, rect.y + rect.height);
  }
  if (minX === Number.POSITIVE_INFINITY) return undefined;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Below this zoom a note's text (15 px at 100 %) is too small to read on a phone. */
export const READABLE_ZOOM = 0.6;

/**
 * The view a board opens with: the whole board when it fits at a readable
 * zoom; otherwise a readable zoom, starting where reading starts — the board's
 * top left (centred across when its width fits), so a phone shows notes one
 * can read, and panning or pinching shows the rest.
 */
export function openingView(content: Rect, size: Size, readable = READABLE_ZOOM, padding = 16): Viewport {
  const whole = fitRect(content, size);
  if (whole.zoom >= readable) return whole;
  const zoom = clampZoom(readable);
  const fitsAcross = content.width * zoom + padding * 2 <= size.width;
  const panX = fitsAcross ? size.width / 2 - rectCenter(content).x * zoom : padding - content.x * zoom;
  return { zoom, panX, panY: padding - content.y * zoom };
}
