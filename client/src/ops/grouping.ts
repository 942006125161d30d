import {
  assignByPosition,
  type Box,
  CLUSTER_COLORS,
  CLUSTER_DEFAULT_SIZE,
  CLUSTER_HEADER,
  CLUSTER_METRICS,
  CLUSTER_MIN_WIDTH,
  CLUSTER_PADDING,
  type ClusterColor,
  clusterAt,
  clusterMembers,
  clustersOf,
  createCluster,
  freeSlot,
  freeSpot,
  groupLayout,
  type NoteView,
  notesOf,
  overlaps,
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
export const GROUP_MIN_WIDTH = CLUSTER_MIN_WIDTH;

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

/** Everything on the board a new frame must not cover: other notes and every theme. */
function obstaclesFor(doc: Y.Doc, except: ReadonlySet<string>): Box[] {
  const boxes: Box[] = [];
  for (const [id, note] of notesOf(doc).entries()) {
    if (except.has(id)) continue;
    const view = readNote(id, note);
    boxes.push({ x: view.x, y: view.y, w: view.w, h: view.h });
  }
  for (const [id, cluster] of clustersOf(doc).entries()) {
    const view = readCluster(id, cluster);
    boxes.push({ x: view.x, y: view.y, w: view.w, h: view.h });
  }
  return boxes;
}

/**
 * Creates a theme around the given notes and makes them its members, as one
 * change: the frame holds exactly them, laid out in a grid, where they are when
 * that covers nothing else and in the nearest free space otherwise. Returns
 * false if none of the notes exist.
 */
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
  const layout = groupLayout(views, obstaclesFor(doc, new Set(views.map((v) => v.id))), CLUSTER_METRICS);
  if (!layout) return false;
  const { frame, positions } = layout;
  doc.transact(() => {
    createCluster(doc, { ...cluster, x: frame.x, y: frame.y, w: frame.w, h: frame.h });
    for (const view of views) {
      const at = positions.get(view.id);
      const note = notes.get(view.id);
      if (at && note) {
        note.set('x', at.x);
        note.set('y', at.y);
      }
      setNoteCluster(doc, view.id, cluster.id);
    }
  });
  return true;
}

/** A new, empty theme in the free space nearest a board point: it covers no note and no other theme. */
export function createClusterAt(
  doc: Y.Doc,
  center: { x: number; y: number },
  cluster: { id: string; createdAt: number; title?: string; color?: ClusterColor },
): void {
  const size = CLUSTER_DEFAULT_SIZE;
  const wanted = { x: center.x - size.w / 2, y: center.y - size.h / 2 };
  const at = freeSpot(size, wanted, obstaclesFor(doc, new Set()));
  createCluster(doc, { ...cluster, x: at.x, y: at.y });
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
 * After notes were dragged on the canvas: each belongs to the theme its centre
 * lies in. A note that joins a theme where it would cover one of its members
 * takes a free slot instead (as moving it from the list does), so dropped notes
 * never stack; one placed in an empty spot, or moved within its theme, stays put.
 */
export function dropIntoThemes(doc: Y.Doc, noteIds: readonly string[]): void {
  doc.transact(() => {
    for (const id of noteIds) {
      const note = notesOf(doc).get(id);
      if (!note) continue;
      const view = readNote(id, note);
      const target = clusterAt(doc, view.x + view.w / 2, view.y + view.h / 2);
      const joins = target !== null && view.clusterId !== target;
      const covers =
        joins &&
        clusterMembers(doc, target).some((memberId) => {
          const member = memberId === id ? undefined : notesOf(doc).get(memberId);
          return member !== undefined && overlaps(view, readNote(memberId, member));
        });
      if (covers && target !== null) placeInCluster(doc, id, target);
      else assignByPosition(doc, [id]);
    }
  });
}

/**
 * Moves a note into a theme (into the first grid cell of its frame no member
 * covers; the frame grows to fit) or, with `null`, out of its theme to just right of the frame —
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
  const members = clusterMembers(doc, clusterId)
    .filter((id) => id !== noteId)
    .flatMap((id) => {
      const member = notesOf(doc).get(id);
      return member ? [readNote(id, member)] : [];
    });
  const slot = freeSlot(frame, members, view, CLUSTER_METRICS);
  doc.transact(() => {
    note.set('x', slot.position.x);
    note.set('y', slot.position.y);
    note.set('clusterId', clusterId);
    if (slot.frameHeight !== frame.h) map.set('h', slot.frameHeight);
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
