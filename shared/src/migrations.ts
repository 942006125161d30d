import * as Y from 'yjs';
import { BOARD_SCHEMA_VERSION, metaOf } from './board.js';
import { parseDocId } from './docIds.js';

/**
 * Numbered board-schema migrations. Migration N upgrades a doc from version N-1
 * to N inside one transaction. A doc written before `schemaVersion` existed
 * counts as version 0.
 *
 * They run when the relay loads a board (`migrateOnLoad`), as a server change
 * that is stored before anyone receives it. Two instances may load the same old
 * board at once and both apply them, so a migration must give the same result
 * when it runs twice.
 */
export const boardMigrations: ReadonlyArray<{ version: number; up: (doc: Y.Doc) => void }> = [
  {
    version: 1,
    // Version 1 is the first schema: nothing to transform, only the marker.
    up: () => {},
  },
  {
    version: 2,
    // Clusters: a new root map and an optional `clusterId` on notes. Older docs have neither,
    // which reads as "no clusters", so there is nothing to transform.
    up: () => {},
  },
];

export function boardSchemaVersion(doc: Y.Doc): number {
  const version = metaOf(doc).get('schemaVersion');
  return typeof version === 'number' ? version : 0;
}

/** Brings a board doc up to the current schema; returns the versions it applied. */
export function migrateBoard(doc: Y.Doc): number[] {
  const applied: number[] = [];
  const from = boardSchemaVersion(doc);
  if (from >= BOARD_SCHEMA_VERSION) return applied;
  doc.transact(() => {
    for (const migration of boardMigrations) {
      if (migration.version <= from) continue;
      migration.up(doc);
      metaOf(doc).set('schemaVersion', migration.version);
      applied.push(migration.version);
    }
  });
  return applied;
}

/**
 * Boards this process has seen at the current version. Checking a board's version
 * means decoding it whole (a 2,000-note board costs about as much as merging its
 * log on load), and a board never goes back to an older version — only the server
 * writes `meta` — so each board is checked once per process. Bounded: past the
 * cap it starts afresh, which costs only repeated checks.
 */
const knownCurrent = new Set<string>();
const KNOWN_CURRENT_CAP = 100_000;

/**
 * Runs the board-schema migrations a doc the relay has just loaded needs, through
 * `apply` (the relay's server change: stored, then relayed). Not a board, or a
 * board already at the current version: nothing is applied, and the doc is only
 * read from its encoded `state` — a doc that is only read stays cold in the relay.
 */
export function migrateOnLoad(docId: string, state: Uint8Array, apply: (change: (doc: Y.Doc) => void) => void): void {
  if (knownCurrent.has(docId) || parseDocId(docId).kind !== 'board') return;
  const scratch = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(scratch, state);
    if (boardSchemaVersion(scratch) >= BOARD_SCHEMA_VERSION) {
      if (knownCurrent.size >= KNOWN_CURRENT_CAP) knownCurrent.clear();
      // Remembered only when read as current from what was stored, never after applying: a migration
      // whose store failed is then tried again on the next load.
      knownCurrent.add(docId);
      return;
    }
  } finally {
    scratch.destroy();
  }
  apply((doc) => {
    migrateBoard(doc);
  });
}
