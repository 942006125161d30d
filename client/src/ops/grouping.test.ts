import {
  CLUSTER_HEADER,
  CLUSTER_PADDING,
  clusterAt,
  clusterMembers,
  createCluster,
  createNote,
  overlaps,
  readClusters,
  readNotes,
  resizeCluster,
} from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createClusterAt,
  dropIntoThemes,
  frameAround,
  GROUP_MIN_WIDTH,
  groupIntoCluster,
  nextClusterColor,
  placeInCluster,
  settleFrame,
} from './grouping';

function board(): Y.Doc {
  const doc = new Y.Doc();
  createNote(doc, { id: 'a', x: 100, y: 100, createdAt: 1 });
  createNote(doc, { id: 'b', x: 400, y: 300, createdAt: 2 });
  createNote(doc, { id: 'c', x: 2000, y: 2000, createdAt: 3 });
  return doc;
}

describe('grouping notes into a theme', () => {
  it('frames the selected notes with room for the header and makes them members, in one update', () => {
    const doc = board();
    let updates = 0;
    doc.on('update', () => updates++);
    expect(groupIntoCluster(doc, ['a', 'b'], { id: 'k', createdAt: 9 })).toBe(true);
    expect(updates).toBe(1);
    const [frame] = readClusters(doc);
    expect(frame).toMatchObject({ id: 'k', x: 100 - CLUSTER_PADDING, y: 100 - CLUSTER_HEADER });
    expect(clusterMembers(doc, 'k').sort()).toEqual(['a', 'b']);
    // Dropping a member again keeps it in the frame that was drawn around it.
    for (const note of readNotes(doc).filter((n) => n.id !== 'c')) {
      expect(clusterAt(doc, note.x + note.w / 2, note.y + note.h / 2)).toBe('k');
    }
  });

  it('creates nothing when none of the notes exists any more', () => {
    const doc = board();
    expect(groupIntoCluster(doc, ['gone'], { id: 'k', createdAt: 9 })).toBe(false);
    expect(readClusters(doc)).toEqual([]);
  });

  it('gives a new theme the colour fewest themes use, so neighbours differ', () => {
    expect(nextClusterColor([])).toBe('sand');
    expect(nextClusterColor([{ color: 'sand' }, { color: 'mint' }])).toBe('sky');
  });

  it('leaves room for the title around a single note', () => {
    expect(frameAround([{ x: 0, y: 0, w: 160, h: 120 }])?.width).toBe(GROUP_MIN_WIDTH);
  });

  it('has no frame for no notes', () => {
    expect(frameAround([])).toBeUndefined();
  });

  it('puts a new theme in free space instead of over the notes that lie where it was asked for', () => {
    const doc = board();
    createClusterAt(doc, { x: 200, y: 180 }, { id: 'k', createdAt: 9 });
    expect(clusterMembers(doc, 'k')).toEqual([]);
    const [frame] = readClusters(doc);
    for (const note of readNotes(doc)) {
      const covered =
        note.x < (frame?.x ?? 0) + (frame?.w ?? 0) &&
        (frame?.x ?? 0) < note.x + note.w &&
        note.y < (frame?.y ?? 0) + (frame?.h ?? 0) &&
        (frame?.y ?? 0) < note.y + note.h;
      expect(covered).toBe(false);
    }
  });

  it('frames three of four neighbouring notes without covering the fourth', () => {
    const doc = new Y.Doc();
    for (const [i, id] of ['a', 'b', 'c', 'd'].entries()) createNote(doc, { id, x: i * 240, y: 0, createdAt: i });
    groupIntoCluster(doc, ['a', 'b', 'd'], { id: 'k', createdAt: 9 });
    const [frame] = readClusters(doc);
    const within = (n: { x: number; y: number; w: number; h: number }) =>
      n.x >= (frame?.x ?? 0) &&
      n.y >= (frame?.y ?? 0) &&
      n.x + n.w <= (frame?.x ?? 0) + (frame?.w ?? 0) &&
      n.y + n.h <= (frame?.y ?? 0) + (frame?.h ?? 0);
    const notes = readNotes(doc);
    expect(
      notes
        .filter(within)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['a', 'b', 'd']);
    expect(clusterAt(doc, 480 + 100, 80)).toBeNull();
  });

  it('lets membership follow a resized frame: notes now inside join, members now outside leave', () => {
    const doc = board();
    groupIntoCluster(doc, ['a'], { id: 'k', createdAt: 9 });
    resizeCluster(doc, 'k', 700, 600);
    settleFrame(doc, 'k');
    expect(clusterMembers(doc, 'k').sort()).toEqual(['a', 'b']);
    resizeCluster(doc, 'k', 250, 200);
    settleFrame(doc, 'k');
    expect(clusterMembers(doc, 'k')).toEqual(['a']);
  });

  it('centres an empty theme on the given point', () => {
    const doc = new Y.Doc();
    createClusterAt(doc, { x: 1000, y: 1000 }, { id: 'k', createdAt: 1 });
    const [frame] = readClusters(doc);
    expect(frame && frame.x + frame.w / 2).toBe(1000);
    expect(frame && frame.y + frame.h / 2).toBe(1000);
  });
});

describe('moving a note into or out of a theme without a pointer', () => {
  it('puts the note into a free cell inside the frame and grows the frame to fit', () => {
    const doc = board();
    createCluster(doc, { id: 'k', x: 0, y: 0, w: 500, h: 250, createdAt: 5 });
    placeInCluster(doc, 'a', 'k');
    placeInCluster(doc, 'c', 'k');
    placeInCluster(doc, 'b', 'k');
    expect(clusterMembers(doc, 'k').sort()).toEqual(['a', 'b', 'c']);
    const frame = readClusters(doc)[0];
    for (const note of readNotes(doc)) {
      expect(clusterAt(doc, note.x + note.w / 2, note.y + note.h / 2), note.id).toBe('k');
      expect(note.y + note.h).toBeLessThanOrEqual((frame?.y ?? 0) + (frame?.h ?? 0));
    }
  });

  it('takes a note out of its theme and puts it outside every frame', () => {
    const doc = board();
    createCluster(doc, { id: 'k', x: 0, y: 0, w: 600, h: 500, createdAt: 5 });
    createCluster(doc, { id: 'next', x: 620, y: 0, w: 600, h: 500, createdAt: 6 });
    placeInCluster(doc, 'a', 'k');
    placeInCluster(doc, 'a', null);
    const note = readNotes(doc).find((n) => n.id === 'a');
    expect(note?.clusterId).toBeUndefined();
    expect(note && clusterAt(doc, note.x + note.w / 2, note.y + note.h / 2)).toBeNull();
  });

  it('gives a note dropped onto a theme member a free slot, and leaves one dropped in an empty spot where it is', () => {
    const doc = board();
    createCluster(doc, { id: 'k', x: 0, y: 0, w: 700, h: 500, createdAt: 5 });
    placeInCluster(doc, 'a', 'k');
    const a = readNotes(doc).find((n) => n.id === 'a');
    if (!a) throw new Error('no note a');
    // Dragged right on top of a: it joins the theme beside a, not over it.
    const b = doc.getMap('notes').get('b') as Y.Map<unknown>;
    b.set('x', a.x + 10);
    b.set('y', a.y + 10);
    dropIntoThemes(doc, ['b']);
    const [after, placed] = ['a', 'b'].map((id) => readNotes(doc).find((n) => n.id === id));
    expect(placed?.clusterId).toBe('k');
    expect(after && placed && overlaps(after, placed)).toBe(false);
    // Moved within its theme to an empty spot: stays where it was put.
    b.set('x', 400);
    b.set('y', 300);
    dropIntoThemes(doc, ['b']);
    expect(readNotes(doc).find((n) => n.id === 'b')).toMatchObject({ x: 400, y: 300, clusterId: 'k' });
    // Dropped outside every frame: leaves the theme.
    b.set('x', 1200);
    dropIntoThemes(doc, ['b']);
    expect(readNotes(doc).find((n) => n.id === 'b')?.clusterId).toBeUndefined();
  });
});
