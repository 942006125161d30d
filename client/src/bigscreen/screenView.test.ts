import type { ClusterView, FollowView, NoteView } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { boardToScreen } from '../interaction/viewport';
import { screenView } from './screenView';

const note = (id: string, x: number, clusterId?: string) =>
  ({ id, x, y: 0, w: 160, h: 120, text: id, color: 'yellow', createdAt: 1, clusterId }) as unknown as NoteView;
const theme = { id: 'c1', x: 1000, y: 0, w: 600, h: 400, title: 'Service', color: 'blue' } as unknown as ClusterView;
const size = { width: 1920, height: 1080 };
const off: FollowView = { on: false, viewport: null, spotlightClusterId: null };

describe('the big screen view', () => {
  it("shows the facilitator's view", () => {
    const view = screenView({
      follow: { on: true, viewport: { x: 500, y: 100, zoom: 1.5 }, spotlightClusterId: null },
      notes: [note('a', 0)],
      clusters: [],
      size,
    });
    expect(boardToScreen(view.viewport, { x: 500, y: 100 })).toEqual({ x: 0, y: 0 });
    expect(view.notes).toHaveLength(1);
  });

  it('shows only the spotlighted theme and its notes, filling the screen', () => {
    const view = screenView({
      follow: { on: true, viewport: { x: 0, y: 0, zoom: 1 }, spotlightClusterId: 'c1' },
      notes: [note('in', 1020, 'c1'), note('out', 0)],
      clusters: [theme],
      size,
    });
    expect(view.spotlight?.id).toBe('c1');
    expect(view.notes.map((n) => n.id)).toEqual(['in']);
    expect(view.viewport.zoom).toBeGreaterThan(1.5);
  });

  it('falls back to the whole board when the spotlighted theme was deleted, or nothing was shared yet', () => {
    const view = screenView({
      follow: { ...off, spotlightClusterId: 'gone' },
      notes: [note('a', 0), note('b', 3000)],
      clusters: [],
      size,
    });
    expect(view.spotlight).toBeUndefined();
    expect(boardToScreen(view.viewport, { x: 3160, y: 0 }).x).toBeLessThanOrEqual(1920);
  });
});
