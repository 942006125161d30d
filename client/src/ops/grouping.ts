import {
  assignByPosition,
  CLUSTER_COLORS,
  CLUSTER_DEFAULT_SIZE,
  CLUSTER_HEADER,
  CLUSTER_PADDING,
  type ClusterColor,
  clusterAt,
  clusterMembers,
  clustersOf,
  createCluster,
  type NoteView,
  notesOf,
  readCluster,
  readNote,
  setNoteCluster,
} from '@samle/shared';
import type * as Y from 'yjs';
import { boundingRect, type Rect } from '../interaction/viewport';

/**
 * Theme (cluster) operations the board UI needs on top of `@samle/shared`:
 * grouping a selection into a new theme, and moving a note into or out of a
 * theme from the list view, where there is no pointer to drop it with.
 */

/** The colour a new theme gets: the one fewest existing themes use (palette order breaks ties), so themes side by side differ. */
export function nextClusterColor(existing: readonly { color: ClusterColor }[]): ClusterColor {
  const uses = new Map<ClusterColor, number>(CLUSTER_COLORS.map((color) => [color, 0]));
  for (const { color } of existing) uses.set(color, (uses.get(color) ?? 0) + 1);
  let best: ClusterColor = CLUSTER_COLORS[0];
  for (const color of CLUSTER_COLORS) if ((uses.get(color) ?? 0) < (uses.get(best) ?? 0)) best = color;
  return best;
}

/** A grouped theme is at least this wide, so its title has room even around a single column of notes. */
export const GROUP_MIN_WIDTH = 400;

/** The frame that holds `notes` with the theme's padding and header (growing to the right to its minimum width). */
export function frameAround(notes: readonly Pick<NoteView, 'x' | 'y' | 'w' | 'h'>[]): Rect | undefined {
  const bounds = boundingRect(notes.map((n) => ({ x: n.x, y: n.y, width: n.w, height: n.h })));
  if (!bounds) return undefined;
  return {
    x: bounds.x - CLUSTER_PADDING,
    y: bounds.y - CLUSTER_HEADER,
    width: Math.max(GROUP_MIN_WIDTH, bounds.width + CLUSTER_PADDING * 2),
    height: bounds.height + CLUSTER_HEADER + CLUSTER_PADDING,
  };
}

/** Creates a theme framing the given notes and makes them its members, as one change. Returns false if none exist. */
export function groupIntoCluster(
  doc: Y.Doc,
  noteIds: readonly string[],
  cluster: { id: string; createdAt: number; title?: string; color?: ClusterColor },
): boolean {
  const notes = notesOf(doc);
  const views = noteIds.flatMap((id) => {
    const note = notes.get(id);
    return note ? [readNote(id, note)] : [];
  });
  const frame = frameAround(views);
  if (!frame) return false;
  doc.transact(() => {
    createCluster(doc, { ...cluster, x: frame.x, y: frame.y, w: frame.width, h: frame.height });
    for (const view of views) setNoteCluster(doc, view.id, cluster.id);
  });
  return true;
}

/** A new theme centred on a board point; notes already lying inside its frame join it. */
export function createClusterAt(
  doc: Y.Doc,
  center: { x: number; y: number },
  cluster: { id: string; createdAt: number; title?: string; color?: ClusterColor },
): void {
  doc.transact(() => {
    createCluster(doc, {
      ...cluster,
      x: center.x - CLUSTER_DEFAULT_SIZE.w / 2,
      y: center.y - CLUSTER_DEFAULT_SIZE.h / 2,
    });
    settleFrame(doc, cluster.id);
  });
}

/**
 * After a frame appeared or changed size, membership follows what the frame
 * shows: notes whose centre lies inside join it, members now outside leave.
 */
export function settleFrame(doc: Y.Doc, clusterId: string): void {
  const map = clustersOf(doc).get(clusterId);
  if (!map) return;
  const frame = readCluster(clusterId, map);
  const affected: string[] = [];
  for (const [id, note] of notesOf(doc).entries()) {
    const view = readNote(id, note);
    const cx = view.x + view.w / 2;
    const cy = view.y + view.h / 2;
    const inside = cx >= frame.x && cx <= frame.x + frame.w && cy >= frame.y && cy <= frame.y + frame.h;
    if (inside || view.clusterId === clusterId) affected.push(id);
  }
  assignByPosition(doc, affected);
}

/**
 * Moves a note into a theme (into the next free grid cell of its frame, which
 * grows to fit) or, with `null`, out of its theme to just right of the frame —
 * so that the canvas shows what the list says.
 */
export function placeInCluster(doc: Y.Doc, noteId: string, clusterId: string | null): boolean {
  const note = notesOf(doc).get(noteId);
  if (!note) return false;
  const view = readNote(noteId, note);
  if (clusterId === null) return leaveCluster(doc, view);
  const map = clustersOf(doc).get(clusterId);
  if (!map) return false;
  const frame = readCluster(clusterId, map);
  const slot = clusterMembers(doc, clusterId).filter((id) => id !== noteId).length;
  const cellW = view.w + CLUSTER_PADDING;
  const cellH = view.h + CLUSTER_PADDING;
  const columns = Math.max(1, Math.floor((frame.w - CLUSTER_PADDING) / cellW));
  const x = frame.x + CLUSTER_PADDING + (slot % columns) * cellW;
  const y = frame.y + CLUSTER_HEADER + Math.floor(slot / columns) * cellH;
  doc.transact(() => {
    note.set('x', x);
    note.set('y', y);
    note.set('clusterId', clusterId);
    if (y + cellH > frame.y + frame.h) map.set('h', y + cellH - frame.y);
  });
  return true;
}

function leaveCluster(doc: Y.Doc, view: NoteView): boolean {
  const map = view.clusterId ? clustersOf(doc).get(view.clusterId) : undefined;
  if (!map) return setNoteCluster(doc, view.id, null);
  const frame = readCluster(view.clusterId as string, map);
  let x = frame.x + frame.w + CLUSTER_PADDING;
  // Step right past any theme that sits there, so the note really lands outside every frame.
  for (let i = 0; i < 50 && clusterAt(doc, x + view.w / 2, view.y + view.h / 2) !== null; i++) {
    x += view.w + CLUSTER_PADDING;
  }
  doc.transact(() => {
    const note = notesOf(doc).get(view.id);
    note?.set('x', x);
    note?.delete('clusterId');
  });
  return true;
}
