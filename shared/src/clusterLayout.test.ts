import { describe, expect, it } from 'vitest';
import { type Box, freeSlot, freeSpot, groupLayout, overlaps, tidyLayout } from './clusterLayout.js';

const metrics = { padding: 24, header: 56, minWidth: 400 };
const note = (id: string, x: number, y: number): Box & { id: string } => ({ id, x, y, w: 200, h: 160 });
const inside = (box: Box, frame: Box) =>
  box.x >= frame.x && box.y >= frame.y && box.x + box.w <= frame.x + frame.w && box.y + box.h <= frame.y + frame.h;

describe('grouping notes into a theme', () => {
  it('frames exactly the grouped notes: three of four neighbours, the fourth stays outside', () => {
    // Four notes in a row, 240 apart; the third is not grouped.
    const a = note('a', 0, 0);
    const b = note('b', 240, 0);
    const c = note('c', 480, 0);
    const d = note('d', 720, 0);
    const layout = groupLayout([a, b, d], [c], metrics);
    expect(layout).toBeDefined();
    const frame = layout?.frame as Box;
    for (const member of [a, b, d]) {
      const at = layout?.positions.get(member.id);
      expect(inside({ ...member, ...at }, frame)).toBe(true);
    }
    expect(overlaps(frame, c)).toBe(false);
  });

  it('lays the members out in a near-square grid with no two on top of each other', () => {
    const members = [0, 1, 2, 3, 4].map((i) => note(`n${i}`, i * 10, i * 10));
    const layout = groupLayout(members, [], metrics);
    const boxes = members.map((m) => ({ ...m, ...layout?.positions.get(m.id) }));
    for (const [i, one] of boxes.entries()) {
      for (const other of boxes.slice(i + 1)) expect(overlaps(one, other)).toBe(false);
      expect(inside(one, layout?.frame as Box)).toBe(true);
    }
    // Five notes: three columns, two rows.
    expect(layout?.frame.w).toBe(24 + 3 * 224);
    expect(layout?.frame.h).toBe(56 + 2 * 184);
  });
});

describe('free space', () => {
  it('keeps the wanted place when it is free, and moves to the nearest free one when it is not', () => {
    expect(freeSpot({ w: 100, h: 100 }, { x: 0, y: 0 }, [])).toEqual({ x: 0, y: 0 });
    const obstacle = { x: 0, y: 0, w: 300, h: 300 };
    const spot = freeSpot({ w: 100, h: 100 }, { x: 50, y: 50 }, [obstacle]);
    expect(overlaps({ ...spot, w: 100, h: 100 }, obstacle, 24)).toBe(false);
  });

  it('gives a note joining a theme the first free cell instead of stacking it on a member', () => {
    const frame = { x: 0, y: 0, w: 520, h: 240 };
    const first = { x: 24, y: 56, w: 200, h: 160 };
    const slot = freeSlot(frame, [first], { w: 200, h: 160 }, metrics);
    expect(slot.position).toEqual({ x: 248, y: 56 });
    const full = freeSlot(frame, [first, { x: 248, y: 56, w: 200, h: 160 }], { w: 200, h: 160 }, metrics);
    expect(full.position).toEqual({ x: 24, y: 240 });
    expect(full.frameHeight).toBe(240 + 184);
  });
});

describe('tidying a theme', () => {
  it('widens a frame too narrow for two columns into a grid instead of one long column', () => {
    const notes = [0, 1, 2, 3].map((i) => note(`n${i}`, 1000, i * 500));
    const layout = tidyLayout({ x: 0, y: 0, w: 300, h: 200 }, notes, metrics);
    const frame = { x: 0, y: 0, ...layout.size };
    for (const n of notes) expect(inside({ ...n, ...layout.positions.get(n.id) }, frame)).toBe(true);
    expect(new Set(notes.map((n) => layout.positions.get(n.id)?.x)).size).toBe(2);
  });
});
