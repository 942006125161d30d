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
 * The one merge of a doc's stored parts (snapshot + log) into a single update.
 *
 * - `load` (loading, repairing, catching up): stored parts are updates Yjs itself produced, so
 *   they merge without building a doc (several times faster for a large board). Should that
 *   ever fail, the parts are applied one by one to a scratch doc and a damaged part is skipped
 *   and reported to `onDamaged`, rather than making the whole document unreachable.
 * - `snapshot` (compaction): the parts are applied to a fresh garbage-collected doc, so deleted
 *   content is not carried into the snapshot; a part that does not apply throws, and the log is
 *   kept as it was.
 */
export function mergeStoredLog(
  parts: readonly Uint8Array[],
  mode: 'load' | 'snapshot',
  onDamaged: (error: unknown) => void = () => {},
): MergedLog {
  if (mode === 'load') {
    if (parts.length === 1) return { state: parts[0] as Uint8Array, skipped: 0 };
    try {
      return { state: Y.mergeUpdates(parts as Uint8Array[]), skipped: 0 };
    } catch {
      // Damaged storage: the slow path below finds, reports and skips the bad part.
    }
  }
  const doc = new Y.Doc({ gc: true });
  let skipped = 0;
  try {
    doc.transact(() => {
      for (const part of parts) {
        if (mode === 'snapshot') {
          Y.applyUpdate(doc, part);
          continue;
        }
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
