import type Database from 'better-sqlite3';
import type { SessionRecord } from '../contracts/workshopTypes.js';

const INSERT_SESSION = `INSERT INTO sessions (id, workshop_id, position, title, kind, date, status, join_code, mode,
                       current_item_id, current_item_started_at, start_time, place, tables_open)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** One session row, as the workshop store (a new workshop's plan) and the plan store (an added session) write it. */
export function insertSession(db: Database.Database, s: SessionRecord): void {
  db.prepare(INSERT_SESSION).run(
    s.id,
    s.workshopId,
    s.position,
    s.title,
    s.kind,
    s.date,
    s.status,
    s.joinCode,
    s.mode,
    s.currentItemId,
    s.currentItemStartedAt,
    s.startTime,
    s.place,
    s.tablesOpen ? 1 : 0,
  );
}
