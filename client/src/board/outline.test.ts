import type { ClusterView, NoteView } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { boardOutline } from './outline';

const note = (id: string, x: number, y: number, clusterId?: string): NoteView => ({
  id,
  text: id,
  x,
  y,
  w: 200,
  h: 160,
  color: 'yellow',
  authorId: undefined,
  authorName: undefined,
  clusterId,
  createdAt: 0,
});
const theme = (id: string, x: number, y: number): ClusterView => ({
  id,
  title: id,
  x,
  y,
  w: 500,
  h: 400,
  color: 'sand',
  createdAt: 0,
});

describe('board outline for the list view', () => {
  it('lists each theme with its notes, then the notes in no theme', () => {
    const outline = boardOutline(
      [note('a', 0, 0, 'k1'), note('b', 900, 0), note('c', 0, 600, 'k2'), note('d', 0, 0, 'deleted')],
      [theme('k1', 0, 0), theme('k2', 0, 560)],
    );
    expect(outline.map((s) => [s.cluster?.id, s.notes.map((n) => n.id)])).toEqual([
      ['k1', ['a']],
      ['k2', ['c']],
      [undefined, ['d', 'b']],
    ]);
  });

  it('reads notes row by row, left to right, even when tops differ a little', () => {
    const outline = boardOutline([note('right', 300, 10), note('left', 0, 20), note('below', 0, 300)], []);
    expect(outline[0]?.notes.map((n) => n.id)).toEqual(['left', 'right', 'below']);
  });

  it('keeps an empty theme, so it can be filled from the list', () => {
    expect(boardOutline([], [theme('k', 0, 0)])[0]?.notes).toEqual([]);
  });
});
