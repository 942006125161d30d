import type { ClusterView, NoteView } from '@samle/shared';

/**
 * The board as an outline for the list view: each theme with its notes, then
 * the notes in no theme. Notes read like the canvas does — top to bottom, then
 * left to right — so the list follows the board's own reading order.
 */
export interface OutlineSection {
  cluster: ClusterView | undefined;
  notes: NoteView[];
}

/** Notes whose tops are closer than this are on one row. */
const ROW_TOLERANCE = 40;

function readingOrder(a: NoteView, b: NoteView): number {
  if (Math.abs(a.y - b.y) > ROW_TOLERANCE) return a.y - b.y;
  return a.x - b.x || a.createdAt - b.createdAt;
}

export function boardOutline(notes: readonly NoteView[], clusters: readonly ClusterView[]): OutlineSection[] {
  const byCluster = new Map<string, NoteView[]>(clusters.map((c) => [c.id, []]));
  const loose: NoteView[] = [];
  for (const note of notes) {
    const members = note.clusterId ? byCluster.get(note.clusterId) : undefined;
    if (members) members.push(note);
    else loose.push(note);
  }
  const themes = [...clusters]
    .sort((a, b) => (Math.abs(a.y - b.y) > ROW_TOLERANCE ? a.y - b.y : a.x - b.x))
    .map((cluster) => ({ cluster, notes: (byCluster.get(cluster.id) ?? []).sort(readingOrder) }));
  return [...themes, { cluster: undefined, notes: loose.sort(readingOrder) }];
}
