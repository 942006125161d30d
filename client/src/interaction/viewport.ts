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
/** One press of a zoom button or key multiplies or divides the zoom by this. */
export const ZOOM_STEP = 1.25;
/** How far one arrow-key press pans, in screen pixels. */
export const PAN_STEP = 80;

export const INITIAL_VIEWPORT: Viewport = { panX: 0, panY: 0, zoom: 1 };

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function screenToBoard(viewport: Viewport, screen: Point): Point {
  return { x: (screen.x - viewport.panX) / viewport.zoom, y: (screen.y - viewport.panY) / viewport.zoom };
}

export function boardToScreen(viewport: Viewport, board: Point): Point {
  return { x: board.x * viewport.zoom + viewport.panX, y: board.y * viewport.zoom + viewport.panY };
}

/** Changes the zoom while keeping the board point under `anchor` (a screen point) where it is. */
export function zoomAround(viewport: Viewport, anchor: Point, nextZoom: number): Viewport {
  const zoom = clampZoom(nextZoom);
  const pinned = screenToBoard(viewport, anchor);
  return { zoom, panX: anchor.x - pinned.x * zoom, panY: anchor.y - pinned.y * zoom };
}

/** Zoom by a factor (>1 in, <1 out) around a screen point. */
export function zoomBy(viewport: Viewport, anchor: Point, factor: number): Viewport {
  return zoomAround(viewport, anchor, viewport.zoom * factor);
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
 * pixels around it, never zooming in past 1 (a lone note should not fill the screen).
 */
export function fitRect(content: Rect, size: Size, padding = 48): Viewport {
  const availableW = Math.max(1, size.width - padding * 2);
  const availableH = Math.max(1, size.height - padding * 2);
  const zoom = clampZoom(
    Math.min(1, availableW / Math.max(1, content.width), availableH / Math.max(1, content.height)),
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
