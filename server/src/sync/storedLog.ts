import * as Y from 'yjs';
import type { StoredDoc } from '../storage/contracts/types.js';

/** A stored doc's parts merged into one update, and how many parts could not be applied. */
export interface MergedLog {
  state: Uint8Array;
  skipped: number;
}

/** A stored doc's parts in order: the snapshot (if any), then the log. */
export function partsOf(stored: StoredDoc): Uint8Array[] {
  return stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
}

/**
 * The merge of a doc's stored parts (snapshot + log) into a single update when loading, repairing
 * or catching up. Stored parts are updates Yjs itself produced, so they merge without building a doc
 * (several times faster for a large board). Should that ever fail, the parts are applied one by one
 * to a scratch doc and a damaged part is skipped and reported to `onDamaged`, rather than making the
 * whole document unreachable. (Compaction's merge, which drops deleted content, is snapshotMerge.js.)
 */
export function mergeStoredLog(
  parts: readonly Uint8Array[],
  onDamaged: (error: unknown) => void = () => {},
): MergedLog {
  if (parts.length === 1) return { state: parts[0] as Uint8Array, skipped: 0 };
  try {
    return { state: Y.mergeUpdates(parts as Uint8Array[]), skipped: 0 };
  } catch {
    // Damaged storage: the slow path below finds, reports and skips the bad part.
  }
  const doc = new Y.Doc({ gc: true });
  let skipped = 0;
  try {
    doc.transact(() => {
      for (const part of parts) {
        try {
          Y.applyUpdate(doc, part);
        } catch (error) {
          skipped++;
          onDamaged(error);
        }
      }
    });
    return { state: Y.encodeStateAsUpdate(doc), skipped };
  } finally {
    doc.destroy();
  }
}
