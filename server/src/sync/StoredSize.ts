import type { CompactionResult, StoredDoc } from '../storage/contracts/types.js';

/**
 * How much of one doc storage holds, as this instance knows it: the snapshot and
 * log together, and the log since the last snapshot (compaction looks at that).
 */
export class StoredSize {
  /** Bytes on disk for this doc (snapshot + log). */
  private stored = 0;
  private logUpdates = 0;
  private logBytes = 0;

  get bytes(): number {
    return this.stored;
  }

  /** Log entries and bytes since the last snapshot. */
  get log(): { readonly updates: number; readonly bytes: number } {
    return { updates: this.logUpdates, bytes: this.logBytes };
  }

  /** Starts from what storage holds (on load and repair). */
  setFrom(stored: StoredDoc): void {
    this.stored = stored.bytes;
    this.logUpdates = stored.updates.length;
    this.logBytes = stored.updates.reduce((sum, update) => sum + update.byteLength, 0);
  }

  /** One more row in the stored log. */
  addRow(bytes: number): void {
    this.stored += bytes;
    this.logUpdates++;
    this.logBytes += bytes;
  }

  /**
   * This instance's compaction, which started when the log was `before`, succeeded. Every row
   * counted then is gone from the log now — merged by this compaction or by another instance's
   * before it — so what is left is what was counted since. (Subtracting only the rows this
   * compaction merged kept the counter above the bound once another instance had compacted,
   * and every batch then compacted a handful of rows: a compaction storm.) `result` is null
   * when storage had no log left to merge: another instance had compacted it all.
   */
  compacted(result: CompactionResult | null, before: { readonly updates: number; readonly bytes: number }): void {
    this.logUpdates = Math.max(0, this.logUpdates - before.updates);
    this.logBytes = Math.max(0, this.logBytes - before.bytes);
    if (result) this.stored = result.bytesAfter + this.logBytes;
  }

  /**
   * Storage's log is `actual` now: another instance's compaction may have merged rows counted
   * here (this instance is not told of it), so the count comes down to what is really there.
   */
  correctLog(actual: { readonly updates: number; readonly bytes: number }): void {
    this.logUpdates = Math.min(this.logUpdates, actual.updates);
    this.logBytes = Math.min(this.logBytes, actual.bytes);
  }

  /** Another instance compacts the doc now: its log will be short again. */
  forgetLog(): void {
    this.logUpdates = 0;
    this.logBytes = 0;
  }
}
