import type { GuardContext } from './types.js';

/** How long deletions of others' notes count against a writer. */
const DELETE_WINDOW_MS = 60_000;

interface WriterRecord {
  /** Effective bytes this writer added to the doc. */
  bytes: number;
  /** Yjs client ids whose content this writer made. */
  clients: Set<number>;
  /** When each recent deletion of someone else's note was accepted (oldest first). */
  foreignDeletes: number[];
}

const NOBODY: ReadonlySet<number> = new Set();

/**
 * What each writer (person) did to one loaded document: bytes added (the
 * per-writer quota), which Yjs client ids are theirs (to tell their notes from
 * others'), and recent deletions of others' notes. Kept in memory with the
 * room: it starts empty when the document is loaded, so after a restart or an
 * idle unload a person's earlier content counts as nobody's (the document limit
 * still bounds the total).
 */
export class WriterLedger {
  private readonly writers = new Map<string, WriterRecord>();
  /** Which writer made content under each Yjs client id (the first to write under it here). */
  private readonly owners = new Map<number, string>();

  /** True when adding `bytes` would take the writer past `limit`. Unkeyed writers are not counted. */
  wouldExceed(writerKey: string | null, bytes: number, limit: number): boolean {
    if (writerKey === null) return false;
    return (this.writers.get(writerKey)?.bytes ?? 0) + bytes > limit;
  }

  /** What a guard may know about this writer's earlier writing. */
  contextFor(writerKey: string | null, now: number): GuardContext {
    const record = writerKey === null ? undefined : this.writers.get(writerKey);
    if (record) prune(record, now);
    return {
      ownClients: record?.clients ?? NOBODY,
      recentForeignDeletes: record?.foreignDeletes.length ?? 0,
      foreignDeletes: 0,
    };
  }

  /**
   * Records an accepted update. `newClients` are client ids the doc had no content under
   * before it: only those become the writer's (content under an id someone else already
   * wrote with stays theirs, even if an update names that id).
   */
  record(
    writerKey: string | null,
    update: { bytes: number; newClients: Iterable<number>; foreignDeletes: number },
    now: number,
  ): void {
    if (writerKey === null) return;
    let record = this.writers.get(writerKey);
    if (!record) {
      record = { bytes: 0, clients: new Set(), foreignDeletes: [] };
      this.writers.set(writerKey, record);
    }
    record.bytes += update.bytes;
    for (const client of update.newClients) {
      if (this.owners.has(client)) continue;
      this.owners.set(client, writerKey);
      record.clients.add(client);
    }
    for (let i = 0; i < update.foreignDeletes; i++) record.foreignDeletes.push(now);
  }
}

function prune(record: WriterRecord, now: number): void {
  const cutoff = now - DELETE_WINDOW_MS;
  let drop = 0;
  while (drop < record.foreignDeletes.length && (record.foreignDeletes[drop] ?? 0) <= cutoff) drop++;
  if (drop > 0) record.foreignDeletes.splice(0, drop);
}
