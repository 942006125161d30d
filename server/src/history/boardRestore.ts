import {
  type ClusterMap,
  clustersOf,
  type HistoryCluster,
  type HistoryNote,
  isClusterColor,
  type NoteMap,
  notesOf,
  readNote,
} from '@samle/shared';
import * as Y from 'yjs';

/**
 * Restoring from a snapshot, as server changes on the live board doc (origin `server`,
 * so every connected client sees it at once). Notes and clusters are copied field by
 * field into new Yjs types: a snapshot's own types belong to another doc.
 *
 * Authors come back only on boards that are not anonymous: a board made anonymous after
 * the snapshot was taken must not get names back from its history.
 */

export interface RestoreCounts {
  restored: number;
  removed: number;
  changed: number;
}

/** Fields a note or cluster map may hold besides its text; anything else in a snapshot is left behind. */
const NOTE_FIELDS = ['x', 'y', 'w', 'h', 'color', 'clusterId', 'createdAt'] as const;
const AUTHOR_FIELDS = ['authorId', 'authorName'] as const;
const CLUSTER_FIELDS = ['x', 'y', 'w', 'h', 'color', 'createdAt'] as const;

/** Makes the live board's notes and clusters what they were in `snapshot` (meta is left alone: it is server truth). */
export function restoreWholeBoard(live: Y.Doc, snapshot: Y.Doc, options: { anonymous: boolean }): RestoreCounts {
  const counts: RestoreCounts = { restored: 0, removed: 0, changed: 0 };
  const fields = options.anonymous ? NOTE_FIELDS : [...NOTE_FIELDS, ...AUTHOR_FIELDS];
  const notes = syncMap(notesOf(live), notesOf(snapshot), 'text', fields, options.anonymous);
  counts.restored = notes.added;
  counts.removed = notes.removed;
  counts.changed = notes.changed;
  syncMap(clustersOf(live), clustersOf(snapshot), 'title', CLUSTER_FIELDS, false);
  return counts;
}

export type NoteRestoreOutcome = 'restored' | 'on-board' | 'not-in-snapshot';

/** Puts one note of the snapshot back on the live board, unless the board still has it. */
export function restoreOneNote(
  live: Y.Doc,
  snapshot: Y.Doc,
  noteId: string,
  options: { anonymous: boolean },
): NoteRestoreOutcome {
  const source = notesOf(snapshot).get(noteId);
  if (!(source instanceof Y.Map)) return 'not-in-snapshot';
  if (notesOf(live).has(noteId)) return 'on-board';
  let fields: readonly string[] = options.anonymous ? NOTE_FIELDS : [...NOTE_FIELDS, ...AUTHOR_FIELDS];
  // A note's theme that is gone from the board would leave it pointing at nothing.
  const clusterId = source.get('clusterId');
  if (typeof clusterId === 'string' && !clustersOf(live).has(clusterId)) {
    fields = fields.filter((field) => field !== 'clusterId');
  }
  notesOf(live).set(noteId, copyOf(source, 'text', fields));
  return 'restored';
}

/** A snapshot's notes (without authors) and clusters, for the facilitator's preview. */
export function previewOf(snapshot: Y.Doc, live: Y.Doc): { notes: HistoryNote[]; clusters: HistoryCluster[] } {
  const liveNotes = notesOf(live);
  const notes: HistoryNote[] = [];
  for (const [id, map] of notesOf(snapshot).entries()) {
    if (!(map instanceof Y.Map)) continue;
    const view = readNote(id, map);
    notes.push({
      id,
      text: view.text,
      x: view.x,
      y: view.y,
      w: view.w,
      h: view.h,
      color: view.color,
      clusterId: view.clusterId ?? null,
      deletedSince: !liveNotes.has(id),
    });
  }
  notes.sort((a, b) => (a.id < b.id ? -1 : 1));
  const clusters: HistoryCluster[] = [];
  for (const [id, map] of clustersOf(snapshot).entries()) {
    if (!(map instanceof Y.Map)) continue;
    const title = map.get('title');
    const color = map.get('color');
    clusters.push({
      id,
      title: title instanceof Y.Text ? title.toString() : '',
      color: isClusterColor(color) ? color : 'sand',
    });
  }
  return { notes, clusters };
}

/** Notes on the live board that the snapshot does not have. */
export function notesAddedSince(snapshot: Y.Doc, live: Y.Doc): number {
  const before = notesOf(snapshot);
  let added = 0;
  for (const id of notesOf(live).keys()) if (!before.has(id)) added++;
  return added;
}

function syncMap(
  live: Y.Map<NoteMap | ClusterMap>,
  snapshot: Y.Map<NoteMap | ClusterMap>,
  textKey: string,
  fields: readonly string[],
  dropAuthors: boolean,
): { added: number; removed: number; changed: number } {
  let added = 0;
  let removed = 0;
  let changed = 0;
  for (const id of [...live.keys()]) {
    if (!(snapshot.get(id) instanceof Y.Map)) {
      live.delete(id);
      removed++;
    }
  }
  for (const [id, source] of snapshot.entries()) {
    if (!(source instanceof Y.Map)) continue;
    const target = live.get(id);
    if (!(target instanceof Y.Map)) {
      live.set(id, copyOf(source, textKey, fields));
      added++;
      continue;
    }
    if (updateInPlace(target, source, textKey, fields, dropAuthors)) changed++;
  }
  return { added, removed, changed };
}

function copyOf(source: Y.Map<unknown>, textKey: string, fields: readonly string[]): Y.Map<unknown> {
  const copy = new Y.Map<unknown>();
  const text = source.get(textKey);
  copy.set(textKey, new Y.Text(text instanceof Y.Text ? text.toString() : ''));
  for (const field of fields) {
    const value = source.get(field);
    if (isPlain(value)) copy.set(field, value);
  }
  return copy;
}

/** Sets the target's fields and text to the source's where they differ; true when anything changed. */
function updateInPlace(
  target: Y.Map<unknown>,
  source: Y.Map<unknown>,
  textKey: string,
  fields: readonly string[],
  dropAuthors: boolean,
): boolean {
  let changed = false;
  for (const field of fields) {
    const value = source.get(field);
    if (!isPlain(value)) {
      if (target.has(field)) {
        target.delete(field);
        changed = true;
      }
    } else if (target.get(field) !== value) {
      target.set(field, value);
      changed = true;
    }
  }
  if (dropAuthors) for (const field of AUTHOR_FIELDS) target.delete(field);
  const was = source.get(textKey);
  const wanted = was instanceof Y.Text ? was.toString() : '';
  const text = target.get(textKey);
  if (text instanceof Y.Text) {
    if (text.toString() !== wanted) {
      text.delete(0, text.length);
      text.insert(0, wanted);
      changed = true;
    }
  } else {
    target.set(textKey, new Y.Text(wanted));
    changed = true;
  }
  return changed;
}

function isPlain(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean'
  );
}

/**
 * The state without any note's author, garbage-collected (so the names are not in the bytes
 * as deleted content either); null when no note had one.
 */
export function withoutAuthors(state: Uint8Array): Uint8Array | null {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, state);
    let changed = false;
    doc.transact(() => {
      for (const note of notesOf(doc).values()) {
        if (!(note instanceof Y.Map)) continue;
        for (const field of AUTHOR_FIELDS) {
          if (note.has(field)) {
            note.delete(field);
            changed = true;
          }
        }
      }
    });
    return changed ? Y.encodeStateAsUpdate(doc) : null;
  } finally {
    doc.destroy();
  }
}
