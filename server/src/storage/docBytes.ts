/** Node's Buffer as a plain Uint8Array view, without copying. */
export function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** What a compaction merges, and the sizes its result reports: the same for both databases. */
export interface CompactionInput {
  /** The snapshot first (if there is one), then the log entries in order. */
  parts: Uint8Array[];
  /** Bytes of the log entries merged. */
  mergedLogBytes: number;
  /** Bytes of the snapshot and the log entries before the merge. */
  bytesBefore: number;
}

export function compactionInput(
  snapshot: { data: Buffer } | undefined,
  rows: ReadonlyArray<{ data: Buffer }>,
): CompactionInput {
  const mergedLogBytes = rows.reduce((sum, row) => sum + row.data.byteLength, 0);
  const parts = rows.map((row) => toBytes(row.data));
  if (snapshot) parts.unshift(toBytes(snapshot.data));
  return { parts, mergedLogBytes, bytesBefore: mergedLogBytes + (snapshot?.data.byteLength ?? 0) };
}
