import { quote, type SqlSession } from './sqlSession.js';
import { findWorkshopRows, NoSuchWorkshop } from './workshopRows.js';

export interface PurgeReport {
  workshopId: string;
  /** Rows deleted, by table. */
  deleted: Record<string, number>;
  docIds: string[];
}

/**
 * Deletes a workshop with everything that belongs to it — every row in every table that
 * refers to it (directly, or through its sessions, boards, documents, people, tables) and
 * every synced document of it — in one transaction, children before parents.
 */
export async function purgeWorkshop(session: SqlSession, workshopId: string): Promise<PurgeReport> {
  return session.transaction(async (sql) => {
    const rows = await findWorkshopRows(session, sql, workshopId);
    const deleted: Record<string, number> = {};
    for (const slice of [...rows.slices].reverse()) {
      deleted[slice.table] = await sql.run(`DELETE FROM ${quote(slice.table)} WHERE ${slice.where}`, slice.params);
    }
    return { workshopId, deleted, docIds: rows.docIds };
  });
}

export interface RetentionEntry {
  id: string;
  title: string;
  /** When its personal data is purged (ms since the epoch). */
  retainUntil: number;
}

/** Workshops whose retention date is at or before `until`, soonest first. */
export async function workshopsDueBy(session: SqlSession, until: number): Promise<RetentionEntry[]> {
  const rows = await session.all(
    'SELECT id, title, retain_until FROM workshops WHERE retain_until IS NOT NULL AND retain_until <= ? ORDER BY retain_until, id',
    [until],
  );
  return rows.map((row) => ({ id: String(row.id), title: String(row.title), retainUntil: Number(row.retain_until) }));
}

/** Sets (or, with null, clears) a workshop's retention date; false when there is no such workshop. */
export async function setRetention(
  session: SqlSession,
  workshopId: string,
  retainUntil: number | null,
): Promise<boolean> {
  return (await session.run('UPDATE workshops SET retain_until = ? WHERE id = ?', [retainUntil, workshopId])) > 0;
}

/** Purges every workshop past its retention date; one that fails does not stop the others. */
export async function purgeExpired(
  session: SqlSession,
  now: number,
  before?: (workshop: RetentionEntry) => void,
): Promise<{ purged: PurgeReport[]; failed: Array<{ id: string; error: Error }> }> {
  const purged: PurgeReport[] = [];
  const failed: Array<{ id: string; error: Error }> = [];
  for (const workshop of await workshopsDueBy(session, now)) {
    before?.(workshop);
    try {
      purged.push(await purgeWorkshop(session, workshop.id));
    } catch (error) {
      // Another instance's job purged it first.
      if (error instanceof NoSuchWorkshop) continue;
      failed.push({ id: workshop.id, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }
  return { purged, failed };
}
