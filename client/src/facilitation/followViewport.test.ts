import { describe, expect, it } from 'vitest';
import { boardToScreen, fitFloor, fitRect, LOWEST_ZOOM, MIN_ZOOM, visibleBoardRect } from '../interaction/viewport';
import {
  fromSharedViewport,
  glideViewport,
  sameSharedViewport,
  spotlightViewport,
  toSharedViewport,
} from './followViewport';

describe('follow viewport', () => {
  it("puts the follower's top-left corner where the facilitator's is, at the same zoom", () => {
    const facilitator = { panX: -300, panY: 120, zoom: 1.5 };
    const shared = toSharedViewport(facilitator);
    expect(shared).toEqual({ x: 200, y: -80, zoom: 1.5 });
    const follower = fromSharedViewport(shared);
    expect(boardToScreen(follower, { x: 200, y: -80 })).toEqual({ x: 0, y: 0 });
    expect(follower.zoom).toBe(1.5);
  });

  it('shows a phone, a laptop and a 1920×1080 screen the whole board rectangle the facilitator sees at 156 %', () => {
    const laptop = { width: 1366, height: 780 };
    const facilitator = { panX: -250, panY: -90, zoom: 1.56 };
    const shared = toSharedViewport(facilitator, laptop);
    const seen = { x: shared.x, y: shared.y, width: shared.width ?? 0, height: shared.height ?? 0 };
    expect(seen.width).toBeCloseTo(1366 / 1.56, 0);
    for (const screen of [
      { width: 390, height: 700 },
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      const view = fromSharedViewport(shared, screen);
      const topLeft = boardToScreen(view, { x: seen.x, y: seen.y });
      const bottomRight = boardToScreen(view, { x: seen.x + seen.width, y: seen.y + seen.height });
      // All of the rectangle is on this screen, and it fills the screen in one direction.
      expect(topLeft.x).toBeGreaterThanOrEqual(-0.5);
      expect(topLeft.y).toBeGreaterThanOrEqual(-0.5);
      expect(bottomRight.x).toBeLessThanOrEqual(screen.width + 0.5);
      expect(bottomRight.y).toBeLessThanOrEqual(screen.height + 0.5);
      const fills =
        Math.abs(bottomRight.x - topLeft.x - screen.width) < 1 ||
        Math.abs(bottomRight.y - topLeft.y - screen.height) < 1;
      expect(fills).toBe(true);
    }
  });

  it('keeps a follower within the zoom the canvas allows', () => {
    expect(fromSharedViewport({ x: 0, y: 0, zoom: 9 }).zoom).toBe(3);
    expect(fromSharedViewport({ x: 0, y: 0, zoom: 0.001 }).zoom).toBe(LOWEST_ZOOM);
  });

  it('shows a follower the whole of a big board the facilitator fitted, below the usual 20 %', () => {
    const laptop = { width: 1440, height: 900 };
    const board = { x: 0, y: 0, width: 29_000, height: 15_000 };
    const fitted = fitRect(board, laptop, 48, fitFloor(board, laptop));
    const phone = { width: 390, height: 600 };
    const follower = fromSharedViewport(toSharedViewport(fitted, laptop), phone);
    expect(follower.zoom).toBeLessThan(MIN_ZOOM);
    const seen = visibleBoardRect(follower, phone);
    expect(seen.x).toBeLessThanOrEqual(0.5);
    expect(seen.x + seen.width).toBeGreaterThanOrEqual(board.width - 0.5);
  });

  it('rounds what it publishes, so a still view is not sent again', () => {
    const a = toSharedViewport({ panX: 10.0001, panY: 5, zoom: 1.00001 });
    const b = toSharedViewport({ panX: 10.0002, panY: 5, zoom: 1.00002 });
    expect(sameSharedViewport(a, b)).toBe(true);
  });

  it('glides from the old view to the new one and lands exactly on it', () => {
    const from = { panX: 0, panY: 0, zoom: 1 };
    const to = { panX: -400, panY: -200, zoom: 2 };
    const halfway = glideViewport(from, to, 0.5);
    expect(halfway.zoom).toBeGreaterThan(1);
    expect(halfway.zoom).toBeLessThan(2);
    expect(glideViewport(from, to, 0)).toEqual(from);
    expect(glideViewport(from, to, 1)).toEqual(to);
  });

  it('fills the big screen with a spotlighted theme, also when that means zooming in', () => {
    const screen = { width: 1920, height: 1080 };
    const view = spotlightViewport({ x: 100, y: 100, width: 400, height: 300 }, screen);
    const topLeft = boardToScreen(view, { x: 100, y: 100 });
    const bottomRight = boardToScreen(view, { x: 500, y: 400 });
    expect(view.zoom).toBeGreaterThan(2);
    expect(topLeft.y).toBeGreaterThanOrEqual(63.9);
    expect(bottomRight.y).toBeLessThanOrEqual(1080 - 63.9);
    expect((topLeft.x + bottomRight.x) / 2).toBeCloseTo(960);
  });
});
