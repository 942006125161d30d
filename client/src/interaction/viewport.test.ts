import { describe, expect, it } from 'vitest';
import {
  boardToScreen,
  boundingRect,
  centreOn,
  clampZoom,
  fitFloor,
  fitRect,
  LOWEST_ZOOM,
  MAX_ZOOM,
  MIN_ZOOM,
  openingView,
  panBy,
  READABLE_ZOOM,
  screenToBoard,
  visibleBoardRect,
  wheelZoomFactor,
  zoomAround,
  zoomBy,
} from './viewport';

describe('screen and board coordinates', () => {
  it('round-trip through any viewport', () => {
    const viewport = { panX: 120, panY: -40, zoom: 1.5 };
    const board = { x: 333, y: -27 };
    const back = screenToBoard(viewport, boardToScreen(viewport, board));
    expect(back.x).toBeCloseTo(board.x);
    expect(back.y).toBeCloseTo(board.y);
  });

  it('place a board point by pan and zoom', () => {
    expect(boardToScreen({ panX: 10, panY: 20, zoom: 2 }, { x: 5, y: 5 })).toEqual({ x: 20, y: 30 });
  });
});

describe('zoomAround', () => {
  it('keeps the board point under the cursor in place', () => {
    const viewport = { panX: 50, panY: 80, zoom: 1 };
    const cursor = { x: 400, y: 300 };
    const before = screenToBoard(viewport, cursor);
    const zoomed = zoomAround(viewport, cursor, 2.5);
    const after = screenToBoard(zoomed, cursor);
    expect(zoomed.zoom).toBe(2.5);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('never zooms beyond the bounds', () => {
    const viewport = { panX: 0, panY: 0, zoom: 1 };
    expect(zoomAround(viewport, { x: 0, y: 0 }, 50).zoom).toBe(MAX_ZOOM);
    expect(zoomBy(viewport, { x: 0, y: 0 }, 0.001).zoom).toBe(MIN_ZOOM);
  });

  it('keeps the anchor fixed even when the zoom is clamped', () => {
    const viewport = { panX: 0, panY: 0, zoom: 2.9 };
    const cursor = { x: 200, y: 100 };
    const before = screenToBoard(viewport, cursor);
    const after = screenToBoard(zoomBy(viewport, cursor, 4), cursor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });
});

describe('clampZoom', () => {
  it('falls back to 1 for nonsense input', () => {
    expect(clampZoom(Number.NaN)).toBe(1);
  });
});

describe('wheelZoomFactor', () => {
  it('zooms in when scrolling up and out when scrolling down', () => {
    expect(wheelZoomFactor(-50)).toBeGreaterThan(1);
    expect(wheelZoomFactor(50)).toBeLessThan(1);
  });

  it('limits the effect of one huge wheel delta', () => {
    expect(wheelZoomFactor(-10_000)).toBeCloseTo(wheelZoomFactor(-100));
  });
});

describe('visibleBoardRect', () => {
  it('shrinks as you zoom in and follows the pan', () => {
    const rect = visibleBoardRect(panBy({ panX: 0, panY: 0, zoom: 2 }, -200, -100), { width: 800, height: 600 });
    expect(rect).toEqual({ x: 100, y: 50, width: 400, height: 300 });
  });
});

describe('fitRect', () => {
  it('centres the content and shows all of it', () => {
    const content = { x: 1000, y: 1000, width: 2000, height: 1000 };
    const size = { width: 1000, height: 800 };
    const viewport = fitRect(content, size, 0);
    const view = visibleBoardRect(viewport, size);
    expect(view.x).toBeLessThanOrEqual(content.x);
    expect(view.x + view.width).toBeGreaterThanOrEqual(content.x + content.width - 0.001);
    expect(viewport.zoom).toBeCloseTo(0.5);
  });

  it('does not blow a single small note up past 100 %', () => {
    expect(fitRect({ x: 0, y: 0, width: 200, height: 160 }, { width: 1200, height: 800 }).zoom).toBe(1);
  });
});

describe('fitFloor: fitting a board too big for the usual minimum zoom', () => {
  // The 10,000-note benchmark board: 127 columns × 230 px, 79 rows × 190 px.
  const huge = { x: 0, y: 0, width: 127 * 230, height: 79 * 190 };
  const laptop = { width: 1366, height: 700 };

  it('shows the whole 10,000-note board on a laptop, where MIN_ZOOM showed about a fifth of it across', () => {
    const clamped = visibleBoardRect(fitRect(huge, laptop), laptop);
    expect(clamped.width).toBeLessThan(huge.width / 4);
    const floor = fitFloor(huge, laptop);
    expect(floor).toBeLessThan(MIN_ZOOM);
    const fitted = fitRect(huge, laptop, 48, floor);
    const view = visibleBoardRect(fitted, laptop);
    expect(view.x).toBeLessThanOrEqual(huge.x);
    expect(view.y).toBeLessThanOrEqual(huge.y);
    expect(view.x + view.width).toBeGreaterThanOrEqual(huge.width - 0.001);
    expect(view.y + view.height).toBeGreaterThanOrEqual(huge.height - 0.001);
  });

  it('keeps MIN_ZOOM for a board that fits at it, and stops at LOWEST_ZOOM for an absurd one', () => {
    expect(fitFloor({ x: 0, y: 0, width: 3000, height: 2000 }, laptop)).toBe(MIN_ZOOM);
    expect(fitFloor({ x: 0, y: 0, width: 1e9, height: 10 }, laptop)).toBe(LOWEST_ZOOM);
    expect(fitFloor({ x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 10 }, laptop)).toBe(LOWEST_ZOOM);
  });

  it('lets zooming out reach the fitted zoom and no further', () => {
    const floor = fitFloor(huge, laptop);
    const out = zoomBy({ panX: 0, panY: 0, zoom: MIN_ZOOM }, { x: 0, y: 0 }, 1 / 100, floor);
    expect(out.zoom).toBe(floor);
    expect(zoomBy({ panX: 0, panY: 0, zoom: MIN_ZOOM }, { x: 0, y: 0 }, 1 / 100).zoom).toBe(MIN_ZOOM);
    expect(clampZoom(0.001, floor)).toBe(floor);
  });
});

describe('centreOn', () => {
  it('puts a far-away note in the middle of the screen at 100 %', () => {
    const note = { x: 3000, y: -900, width: 200, height: 160 };
    const size = { width: 1200, height: 800 };
    const viewport = centreOn(note, size);
    expect(viewport.zoom).toBe(1);
    expect(boardToScreen(viewport, { x: 3100, y: -820 })).toEqual({ x: 600, y: 400 });
  });

  it('zooms out when the note would not fit a small screen', () => {
    const viewport = centreOn({ x: 0, y: 0, width: 400, height: 400 }, { width: 360, height: 640 }, 1, 20);
    expect(viewport.zoom).toBeCloseTo(0.8);
    expect(boardToScreen(viewport, { x: 200, y: 200 })).toEqual({ x: 180, y: 320 });
  });
});

describe('boundingRect', () => {
  it('covers all rects', () => {
    expect(
      boundingRect([
        { x: 0, y: 0, width: 10, height: 10 },
        { x: -5, y: 20, width: 10, height: 10 },
      ]),
    ).toEqual({ x: -5, y: 0, width: 15, height: 30 });
  });

  it('is undefined for an empty board', () => {
    expect(boundingRect([])).toBeUndefined();
  });
});

describe('openingView', () => {
  const phone = { width: 390, height: 680 };
  it('shows the whole board when it fits at a readable zoom', () => {
    const content = { x: 0, y: 0, width: 300, height: 400 };
    expect(openingView(content, phone)).toEqual(fitRect(content, phone));
  });

  it('opens a wide board on a phone readable, at its top left, instead of fitting it to a few per cent', () => {
    const content = { x: 100, y: 50, width: 1200, height: 500 };
    const view = openingView(content, phone);
    expect(view.zoom).toBe(READABLE_ZOOM);
    // The board's top-left corner is just inside the screen's top left.
    expect(view.panX + content.x * view.zoom).toBe(16);
    expect(view.panY + content.y * view.zoom).toBe(16);
  });

  it('centres a narrow, tall board across', () => {
    const content = { x: 0, y: 0, width: 400, height: 5000 };
    const view = openingView(content, phone);
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(view.panX + (content.x + content.width / 2) * view.zoom).toBeCloseTo(phone.width / 2);
  });
});
