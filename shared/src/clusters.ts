import * as Y from 'yjs';
import { BOARD_EXTENT, type NoteMap, notesOf, readNote } from './board.js';
import { type FrameMetrics, tidyLayout } from './clusterLayout.js';

/**
 * Clusters (themes, *klynger*): titled frames on a board. A note belongs to at
 * most one cluster — its `clusterId` field — so membership can never be split
 * between two frames. Moving a cluster moves its notes; deleting it keeps them.
 *
 * ```
 * clusters: Y.Map<clusterId, Y.Map{ title: Y.Text, x, y, w, h, color, createdAt }>
 * notes[*].clusterId?: string
 * ```
 */

export const CLUSTER_COLORS = ['sand', 'sky', 'mint', 'rose', 'lilac', 'slate'] as const;
export type ClusterColor = (typeof CLUSTER_COLORS)[number];
export const CLUSTER_DEFAULT_SIZE = { w: 520, h: 400 } as const;
export const CLUSTER_TITLE_MAX = 120;
/** Space between the frame and its notes, and between notes, when tidying. */
export const CLUSTER_PADDING = 24;
export const CLUSTER_HEADER = 56;
/** A grouped theme is at least this wide, so its title has room even around a single column of notes. */
export const CLUSTER_MIN_WIDTH = 400;
export const CLUSTER_METRICS: FrameMetrics = {
  padding: CLUSTER_PADDING,
  header: CLUSTER_HEADER,
  minWidth: CLUSTER_MIN_WIDTH,
};

export type ClusterMap = Y.Map<unknown>;

export interface ClusterView {
  id: string;
  title: string;
  x: number;
  y: number;
  w: number;
  h: number;
  color: ClusterColor;
  createdAt: number;
}

export function clustersOf(doc: Y.Doc): Y.Map<ClusterMap> {
  return doc.getMap<ClusterMap>('clusters');
}

export function isClusterColor(value: unknown): value is ClusterColor {
  return typeof value === 'string' && (CLUSTER_COLORS as readonly string[]).includes(value);
}

const clamp = (value: number) =>
  Number.isFinite(value) ? Math.round(Math.min(BOARD_EXTENT, Math.max(-BOARD_EXTENT, value))) : 0;
const clampSize = (value: number, min: number) =>
  Number.isFinite(value) ? Math.round(Math.min(20_000, Math.max(min, value))) : min;

export function createCluster(
  doc: Y.Doc,
  cluster: {
    id: string;
    x: number;
    y: number;
    w?: number;
    h?: number;
    title?: string;
    color?: ClusterColor;
    createdAt: number;
  },
): ClusterMap {
  const map = new Y.Map<unknown>();
  doc.transact(() => {
    const title = new Y.Text();
    if (cluster.title) title.insert(0, cluster.title.slice(0, CLUSTER_TITLE_MAX));
    map.set('title', title);
    map.set('x', clamp(cluster.x));
    map.set('y', clamp(cluster.y));
    map.set('w', clampSize(cluster.w ?? CLUSTER_DEFAULT_SIZE.w, 200));
    map.set('h', clampSize(cluster.h ?? CLUSTER_DEFAULT_SIZE.h, 160));
    map.set('color', cluster.color ?? 'sand');
    map.set('createdAt', cluster.createdAt);
    clustersOf(doc).set(cluster.id, map);
  });
  return map;
}

export function clusterTitle(cluster: ClusterMap): Y.Text | undefined {
  const title = cluster.get('title');
  return title instanceof Y.Text ? title : undefined;
}

export function readCluster(id: string, cluster: ClusterMap): ClusterView {
  const num = (key: string, fallback: number) => {
    const value = cluster.get(key);
    return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  };
  const color = cluster.get('color');
  return {
    id,
    title: clusterTitle(cluster)?.toString() ?? '',
    x: num('x', 0),
    y: num('y', 0),
    w: num('w', CLUSTER_DEFAULT_SIZE.w),
    h: num('h', CLUSTER_DEFAULT_SIZE.h),
    color: isClusterColor(color) ? color : 'sand',
    createdAt: num('createdAt', 0),
  };
}

/** All clusters, oldest first (later ones are drawn on top and win when frames overlap). */
export function readClusters(doc: Y.Doc): ClusterView[] {
  const views: ClusterView[] = [];
  for (const [id, cluster] of clustersOf(doc).entries()) {
    if (cluster instanceof Y.Map) views.push(readCluster(id, cluster));
  }
  return views.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Ids of the notes in a cluster (notes pointing at a cluster that no longer exists belong to none). */
export function clusterMembers(doc: Y.Doc, clusterId: string): string[] {
  const members: string[] = [];
  for (const [id, note] of notesOf(doc).entries()) {
    if (note instanceof Y.Map && note.get('clusterId') === clusterId) members.push(id);
  }
  return members;
}

export function noteClusterId(doc: Y.Doc, note: NoteMap): string | null {
  const id = note.get('clusterId');
  return typeof id === 'string' && clustersOf(doc).has(id) ? id : null;
}

export function setNoteCluster(doc: Y.Doc, noteId: string, clusterId: string | null): boolean {
  const note = notesOf(doc).get(noteId);
  if (!note || (clusterId !== null && !clustersOf(doc).has(clusterId))) return false;
  doc.transact(() => {
    if (clusterId === null) note.delete('clusterId');
    else note.set('clusterId', clusterId);
  });
  return true;
}

/** The cluster whose frame contains a point; the newest wins where frames overlap. */
export function clusterAt(doc: Y.Doc, x: number, y: number): string | null {
  const hits = readClusters(doc).filter((c) => x >= c.x && x <= c.x + c.w && y >= c.y && y <= c.y + c.h);
  return hits.at(-1)?.id ?? null;
}

/** After notes were dropped: each joins the cluster under its centre, or leaves its cluster. */
export function assignByPosition(doc: Y.Doc, noteIds: readonly string[]): void {
  doc.transact(() => {
    for (const id of noteIds) {
      const note = notesOf(doc).get(id);
      if (!note) continue;
      const view = readNote(id, note);
      const target = clusterAt(doc, view.x + view.w / 2, view.y + view.h / 2);
      if (target === null) note.delete('clusterId');
      else if (note.get('clusterId') !== target) note.set('clusterId', target);
    }
  });
}

/** Moves a cluster to (x, y) and its notes by the same distance, as one change. */
export function moveCluster(doc: Y.Doc, id: string, x: number, y: number): boolean {
  const cluster = clustersOf(doc).get(id);
  if (!cluster) return false;
  const from = readCluster(id, cluster);
  const dx = clamp(x) - from.x;
  const dy = clamp(y) - from.y;
  doc.transact(() => {
    cluster.set('x', from.x + dx);
    cluster.set('y', from.y + dy);
    for (const noteId of clusterMembers(doc, id)) {
      const note = notesOf(doc).get(noteId);
      if (!note) continue;
      const view = readNote(noteId, note);
      note.set('x', clamp(view.x + dx));
      note.set('y', clamp(view.y + dy));
    }
  });
  return true;
}

export function resizeCluster(doc: Y.Doc, id: string, w: number, h: number): boolean {
  const cluster = clustersOf(doc).get(id);
  if (!cluster) return false;
  doc.transact(() => {
    cluster.set('w', clampSize(w, 200));
    cluster.set('h', clampSize(h, 160));
  });
  return true;
}

export function recolorCluster(doc: Y.Doc, id: string, color: ClusterColor): boolean {
  const cluster = clustersOf(doc).get(id);
  if (!cluster || !isClusterColor(color)) return false;
  doc.transact(() => cluster.set('color', color));
  return true;
}

/** Replaces the title (for commands; the UI edits the Y.Text in place). */
export function renameCluster(doc: Y.Doc, id: string, title: string): boolean {
  const text = clustersOf(doc).get(id) && clusterTitle(clustersOf(doc).get(id) as ClusterMap);
  if (!text) return false;
  doc.transact(() => {
    text.delete(0, text.length);
    text.insert(0, title.slice(0, CLUSTER_TITLE_MAX));
  });
  return true;
}

/** Removes the frame; its notes stay where they are, in no cluster. */
export function deleteCluster(doc: Y.Doc, id: string): boolean {
  const clusters = clustersOf(doc);
  if (!clusters.has(id)) return false;
  doc.transact(() => {
    for (const noteId of clusterMembers(doc, id)) notesOf(doc).get(noteId)?.delete('clusterId');
    clusters.delete(id);
  });
  return true;
}

/**
 * Lays a cluster's notes out in a near-square grid inside its frame, oldest
 * first, and grows the frame to fit them (wider as well as taller).
 */
export function tidyCluster(doc: Y.Doc, id: string): boolean {
  const cluster = clustersOf(doc).get(id);
  if (!cluster) return false;
  const frame = readCluster(id, cluster);
  const notes = clusterMembers(doc, id)
    .map((noteId) => readNote(noteId, notesOf(doc).get(noteId) as NoteMap))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  if (notes.length === 0) return true;
  const layout = tidyLayout(frame, notes, CLUSTER_METRICS);
  doc.transact(() => {
    for (const [noteId, at] of layout.positions) {
      const target = notesOf(doc).get(noteId);
      target?.set('x', at.x);
      target?.set('y', at.y);
    }
    if (layout.size.w !== frame.w) cluster.set('w', layout.size.w);
    if (layout.size.h !== frame.h) cluster.set('h', layout.size.h);
  });
  return true;
}
