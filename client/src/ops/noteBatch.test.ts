import { createNote, readNotes } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteNotes, moveNotes, recolorNotes, resizeNotes } from './noteBatch';

function boardWith(count: number): Y.Doc {
  const doc = new Y.Doc();
  for (let i = 0; i < count; i++) createNote(doc, { id: `n${i}`, x: i * 300, y: 0, createdAt: i });
  return doc;
}

function updatesDuring(doc: Y.Doc, change: () => void): number {
  let updates = 0;
  const count = () => updates++;
  doc.on('update', count);
  change();
  doc.off('update', count);
  return updates;
}

describe('changing many notes at once', () => {
  it('moves, recolours and resizes all selected notes in one update each', () => {
    const doc = boardWith(3);
    expect(
      updatesDuring(doc, () =>
        moveNotes(doc, [
          { id: 'n0', x: 5, y: 6 },
          { id: 'n1', x: 7, y: 8 },
        ]),
      ),
    ).toBe(1);
    expect(updatesDuring(doc, () => recolorNotes(doc, ['n0', 'n2'], 'blue'))).toBe(1);
    expect(updatesDuring(doc, () => resizeNotes(doc, ['n1', 'n2'], 'l'))).toBe(1);
    const [a, b, c] = readNotes(doc);
    expect([a?.x, a?.y, b?.x, b?.y]).toEqual([5, 6, 7, 8]);
    expect([a?.color, b?.color, c?.color]).toEqual(['blue', 'yellow', 'blue']);
    expect([a?.w, b?.w, c?.w]).toEqual([200, 280, 280]);
  });

  it('deletes all selected notes in one update and skips ones already gone', () => {
    const doc = boardWith(3);
    expect(updatesDuring(doc, () => deleteNotes(doc, ['n0', 'gone', 'n2']))).toBe(1);
    expect(readNotes(doc).map((n) => n.id)).toEqual(['n1']);
  });
});
