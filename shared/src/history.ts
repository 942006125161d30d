import { type Static, Type } from '@sinclair/typebox';
import { NOTE_COLORS } from './board.js';
import { CLUSTER_COLORS } from './clusters.js';
import { literals } from './schemaHelpers.js';

/**
 * Board history, as the facilitator sees it: snapshots of a board taken while it is
 * used, a preview of each, and restoring the whole board or single deleted notes.
 * The server takes and keeps the snapshots (see server/src/history/ and docs/security.md).
 */

export const HISTORY_REASONS = ['activity', 'reveal', 'session-end', 'compaction', 'before-restore'] as const;
export type HistoryReason = (typeof HISTORY_REASONS)[number];

/** Snapshot ids are made by the server (newId): letters, digits, `_` and `-`. */
export const SnapshotIdSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' });
export const NoteIdSchema = Type.String({ minLength: 1, maxLength: 128 });

export const HistoryEntry = Type.Object({
  id: Type.String(),
  takenAt: Type.Number(),
  reason: literals(HISTORY_REASONS),
  noteCount: Type.Integer(),
  /** People who wrote to the board since the snapshot before this one. */
  writerCount: Type.Integer(),
});
export type HistoryEntry = Static<typeof HistoryEntry>;

export const BoardHistory = Type.Object({
  snapshots: Type.Array(HistoryEntry),
  /** The board is archived (its session ended): history can be browsed but not restored. */
  archived: Type.Boolean(),
});
export type BoardHistory = Static<typeof BoardHistory>;

export const HistoryNote = Type.Object({
  id: Type.String(),
  text: Type.String(),
  x: Type.Number(),
  y: Type.Number(),
  w: Type.Number(),
  h: Type.Number(),
  color: literals(NOTE_COLORS),
  clusterId: Type.Union([Type.String(), Type.Null()]),
  /** Not on the live board any more: it can be restored on its own. */
  deletedSince: Type.Boolean(),
});
export type HistoryNote = Static<typeof HistoryNote>;

export const HistoryCluster = Type.Object({
  id: Type.String(),
  title: Type.String(),
  color: literals(CLUSTER_COLORS),
});
export type HistoryCluster = Static<typeof HistoryCluster>;

/** `GET /api/boards/:id/history/:snapshotId`: the board as it was. Authors are never included. */
export const HistoryPreview = Type.Object({
  snapshot: HistoryEntry,
  notes: Type.Array(HistoryNote),
  clusters: Type.Array(HistoryCluster),
  /** Notes on the live board now that the snapshot does not have (a whole-board restore removes them). */
  addedSince: Type.Integer(),
});
export type HistoryPreview = Static<typeof HistoryPreview>;

export const RestoreResult = Type.Object({
  /** Notes put back on the board. */
  restored: Type.Integer(),
  /** Notes taken off the board (made after the snapshot). */
  removed: Type.Integer(),
  /** Notes whose text, place, size or colour went back to the snapshot's. */
  changed: Type.Integer(),
  /** The snapshot of the board just before this restore (restoring it undoes the restore). */
  undoSnapshotId: Type.Union([Type.String(), Type.Null()]),
  /** When that snapshot was taken (ms since the epoch), to name it to the facilitator. */
  undoTakenAt: Type.Union([Type.Number(), Type.Null()]),
});
export type RestoreResult = Static<typeof RestoreResult>;
