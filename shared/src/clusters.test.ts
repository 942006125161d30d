import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, deleteNote, moveNote, readNotes } from './board.js';
import {
  assignByPosition,
  clusterMembers,
  createCluster,
  deleteCluster,
  moveCluster,
  readClusters,
  recolorCluster,
  renameCluster,
  setNoteCluster,
  tidyCluster,
} from './clusters.js';

function boardWithCluster() {
  const doc = new Y.Doc();
  createCluster(doc, { id: 'c1', x: 0, y: 0, w: 520, h: 400, title: 'Én indgang', createdAt: 1 });
  createNote(doc, { id: 'inside', x: 40, y: 80, createdAt: 2 });
  createNote(doc, { id: 'outside', x: 900, y: 900, createdAt: 3 });
  return doc;
}

describe('clusters', () => {
  it('takes in notes dropped inside its frame and lets go of notes dragged out', () => {
    const doc = boardWithCluster();
    assignByPosition(doc, ['inside', 'outside']);
    expect(clusterMembers(doc, 'c1')).toEqual(['inside']);
    moveNote(doc, 'inside', 2000, 2000);
    assignByPosition(doc, ['inside']);
    expect(clusterMembers(doc, 'c1')).toEqual([]);
  });

  it('puts a note in at most one cluster: the newest frame under it wins', () => {
    const doc = boardWithCluster();
    createCluster(doc, { id: 'c2', x: 20, y: 20, w: 400, h: 300, title: 'Overlap', createdAt: 9 });
    assignByPosition(doc, ['inside']);
    expect(clusterMembers(doc, 'c2')).toEqual(['inside']);
    expect(clusterMembers(doc, 'c1')).toEqual([]);
  });

  it('moves its notes with it, in one change', () => {
    const doc = boardWithCluster();
    setNoteCluster(doc, 'inside', 'c1');
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    moveCluster(doc, 'c1', 100, 50);
    expect(updates).toHaveLength(1);
    expect(readClusters(doc)[0]).toMatchObject({ x: 100, y: 50 });
    const notes = Object.fromEntries(readNotes(doc).map((n) => [n.id, n]));
    expect(notes.inside).toMatchObject({ x: 140, y: 130 });
    expect(notes.outside).toMatchObject({ x: 900, y: 900 });
  });

  it('renames and recolours; deleting it keeps its notes where they are', () => {
    const doc = boardWithCluster();
    setNoteCluster(doc, 'inside', 'c1');
    renameCluster(doc, 'c1', 'Kortere svartider');
    recolorCluster(doc, 'c1', 'mint');
    expect(readClusters(doc)[0]).toMatchObject({ title: 'Kortere svartider', color: 'mint' });
    deleteCluster(doc, 'c1');
    expect(readClusters(doc)).toEqual([]);
    expect(readNotes(doc).find((n) => n.id === 'inside')).toMatchObject({ x: 40, y: 80, clusterId: undefined });
  });

  it('tidies its notes into a grid inside the frame and grows to fit', () => {
    const doc = new Y.Doc();
    createCluster(doc, { id: 'c1', x: 100, y: 100, w: 520, h: 200, createdAt: 1 });
    for (let i = 0; i < 5; i++) {
      createNote(doc, { id: `n${i}`, x: 5000 + i * 7, y: -300, createdAt: 10 + i });
      setNoteCluster(doc, `n${i}`, 'c1');
    }
    tidyCluster(doc, 'c1');
    const notes = readNotes(doc);
    // 520 wide fits two 200-wide notes with padding per row: 3 rows.
    expect(notes.map((n) => [n.x, n.y])).toEqual([
      [124, 156],
      [348, 156],
      [124, 340],
      [348, 340],
      [124, 524],
    ]);
    const frame = readClusters(doc)[0];
    for (const note of notes) {
      expect(note.x + note.w).toBeLessThanOrEqual((frame?.x ?? 0) + (frame?.w ?? 0));
      expect(note.y + note.h).toBeLessThanOrEqual((frame?.y ?? 0) + (frame?.h ?? 0));
    }
  });

  it('merges concurrent moves of a cluster and of one of its notes without losing either', () => {
    const a = boardWithCluster();
    setNoteCluster(a, 'inside', 'c1');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveCluster(a, 'c1', 300, 300);
    deleteNote(b, 'outside');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readNotes(a)).toEqual(readNotes(b));
    expect(readNotes(a).map((n) => n.id)).toEqual(['inside']);
  });
});
