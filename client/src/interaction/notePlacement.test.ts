import { describe, expect, it } from 'vitest';
import { CASCADE_STEP, placeNewNote } from './notePlacement';

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
