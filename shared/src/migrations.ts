import type * as Y from 'yjs';
import { BOARD_SCHEMA_VERSION, metaOf } from './board.js';

/**
 * Numbered board-schema migrations. Migration N upgrades a doc from version N-1
 * to N inside one transaction. A doc written before `schemaVersion` existed
 * counts as version 0.
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
