import { describe, expect, it } from 'vitest';
import { BESIDE_GAP, besideContent, CASCADE_STEP, placeNewNote } from './notePlacement';

describe('placeNewNote', () => {
  it('centres a new note on the requested point', () => {
    expect(placeNewNote({ x: 500, y: 400 }, [])).toEqual({ x: 400, y: 320 });
  });

  it('steps away from notes already on that spot so they do not stack', () => {
    const first = placeNewNote({ x: 500, y: 400 }, []);
    const second = placeNewNote({ x: 500, y: 400 }, [first]);
    const third = placeNewNote({ x: 500, y: 400 }, [first, second]);
    expect(second).toEqual({ x: first.x + CASCADE_STEP, y: first.y + CASCADE_STEP });
    expect(third).toEqual({ x: first.x + 2 * CASCADE_STEP, y: first.y + 2 * CASCADE_STEP });
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
