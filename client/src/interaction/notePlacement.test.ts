import { describe, expect, it } from 'vitest';
import { BESIDE_GAP, besideContent, CASCADE_STEP, NOTE_GAP, placeNewNote } from './notePlacement';

describe('placeNewNote', () => {
  it('centres a new note on the requested point', () => {
    expect(placeNewNote({ x: 500, y: 400 }, [])).toEqual({ x: 400, y: 320 });
  });

  it('puts notes made on the same spot side by side, none covering another', () => {
    const placed: Array<{ x: number; y: number; w: number; h: number }> = [];
    for (let i = 0; i < 6; i++) placed.push({ ...placeNewNote({ x: 500, y: 400 }, placed), w: 200, h: 160 });
    const [first, second] = placed;
    expect(second).toEqual({ x: (first?.x ?? 0) + 200 + NOTE_GAP, y: first?.y, w: 200, h: 160 });
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) {
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart).toBe(true);
      }
    }
  });

  it('keeps clear of a bigger note nearby', () => {
    const big = { x: 380, y: 300, w: 280, h: 220 };
    const spot = placeNewNote({ x: 500, y: 400 }, [big]);
    const apart = spot.x >= big.x + big.w || spot.x + 200 <= big.x || spot.y >= big.y + big.h || spot.y + 160 <= big.y;
    expect(apart).toBe(true);
  });

  it('steps diagonally on a board too crowded to find a free slot nearby', () => {
    const crowd = [];
    for (let dx = -6; dx <= 6; dx++)
      for (let dy = -6; dy <= 6; dy++) crowd.push({ x: 400 + dx * 150, y: 320 + dy * 120 });
    expect(placeNewNote({ x: 500, y: 400 }, crowd)).toEqual({ x: 400 + CASCADE_STEP, y: 320 + CASCADE_STEP });
  });
});

describe('besideContent', () => {
  it('puts a note to the right of everything on the board, level with its top', () => {
    const centre = besideContent([
      { x: 0, y: 100, w: 500, h: 400 },
      { x: 600, y: 300, w: 200, h: 160 },
    ]);
    const note = placeNewNote(centre, []);
    expect(note).toEqual({ x: 800 + BESIDE_GAP, y: 100 });
  });

  it('starts at the origin on an empty board', () => {
    expect(placeNewNote(besideContent([]), [])).toEqual({ x: 0, y: 0 });
  });
});
