import { describe, expect, it } from 'vitest';
import { cullToRect, intersects } from './culling';

const note = (id: string, x: number, y: number) => ({ id, x, y, w: 200, h: 160 });

describe('culling', () => {
  const view = { x: 0, y: 0, width: 1000, height: 800 };

  it('keeps notes that overlap the view, even partly', () => {
    expect(intersects(view, note('a', -150, -100))).toBe(true);
    expect(intersects(view, note('b', 990, 790))).toBe(true);
  });

  it('drops notes entirely outside the view', () => {
    expect(intersects(view, note('c', 1001, 0))).toBe(false);
    expect(intersects(view, note('d', 0, -161))).toBe(false);
  });

  it('mounts only the visible part of a big board, in stacking order', () => {
    const notes = Array.from({ length: 2000 }, (_, i) => note(`n${i}`, (i % 50) * 250, Math.floor(i / 50) * 200));
    const visible = cullToRect(notes, view, 0);
    expect(visible.length).toBeLessThan(40);
    expect(visible.map((n) => n.id).slice(0, 3)).toEqual(['n0', 'n1', 'n2']);
  });

  it('always keeps a note that is being dragged or edited', () => {
    const far = note('far', 50_000, 50_000);
    expect(cullToRect([far], view, 100, new Set(['far']))).toEqual([far]);
  });

  it('includes notes just outside the view within the margin', () => {
    expect(cullToRect([note('edge', 1050, 0)], view, 100)).toHaveLength(1);
  });
});
