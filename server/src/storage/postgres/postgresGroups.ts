import type { GroupRecord } from '../contracts/workshopTypes.js';
import { type GroupRow, type MemberRow, toGroups } from '../rows.js';
import { insertRows, type Queryable } from './postgresDb.js';

/** Tables (groups) of a session and who sits at them: the writes, each run inside a caller's transaction. */

export async function insertGroups(db: Queryable, groups: readonly GroupRecord[]): Promise<void> {
  await insertRows(
    db,
    'groups',
    [
      ['id', 'text'],
      ['session_id', 'text'],
      ['position', 'integer'],
      ['name', 'text'],
    ],
    groups.map((g) => [g.id, g.sessionId, g.position, g.name]),
  );
  await insertMembers(db, groups);
}

async function insertMembers(db: Queryable, groups: readonly GroupRecord[]): Promise<void> {
  await insertRows(
    db,
    'group_members',
    [
      ['group_id', 'text'],
      ['person_id', 'text'],
    ],
    groups.flatMap((g) => g.memberIds.map((personId) => [g.id, personId])),
  );
}

/**
 * Concurrent changes to one session's tables take turns, as they do in SQLite where every
 * write is serialized. The row lock does not block foreign-key checks (KEY SHARE).
 */
export async function lockSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('SELECT 1 FROM sessions WHERE id = $1 FOR NO KEY UPDATE', [sessionId]);
}

/** See `WorkshopStore.replaceGroups`: reused table ids keep their boards; removed tables unlink theirs. */
export async function replaceGroups(db: Queryable, sessionId: string, groups: readonly GroupRecord[]): Promise<void> {
  await lockSession(db, sessionId);
  const { rows } = await db.query<{ id: string }>('SELECT id FROM groups WHERE session_id = $1', [sessionId]);
  const existing = new Set(rows.map((row) => row.id));
  const keep = new Set(groups.map((g) => g.id));
  const removed = [...existing].filter((id) => !keep.has(id));
  await db.query('DELETE FROM group_members WHERE group_id = ANY($1::text[])', [[...existing]]);
  if (removed.length > 0) {
    // A table that disappears keeps its board (it may hold work); the board just loses its table.
    await db.query('UPDATE boards SET group_id = NULL WHERE group_id = ANY($1::text[])', [removed]);
    await db.query('DELETE FROM groups WHERE id = ANY($1::text[])', [removed]);
  }
  const reused = groups.filter((g) => existing.has(g.id));
  if (reused.length > 0) {
    await db.query(
      `UPDATE groups SET position = t.position, name = t.name
         FROM unnest($1::text[], $2::integer[], $3::text[]) AS t(id, position, name)
        WHERE groups.id = t.id`,
      [reused.map((g) => g.id), reused.map((g) => g.position), reused.map((g) => g.name)],
    );
  }
  await insertGroups(
    db,
    groups.filter((g) => !existing.has(g.id)),
  );
  await insertMembers(db, reused);
}

/** See `WorkshopStore.assignPerson`. */
export async function assignPerson(
  db: Queryable,
  sessionId: string,
  personId: string,
  groupId: string | null,
): Promise<void> {
  await lockSession(db, sessionId);
  await db.query(
    'DELETE FROM group_members WHERE person_id = $1 AND group_id IN (SELECT id FROM groups WHERE session_id = $2)',
    [personId, sessionId],
  );
  if (groupId) {
    await db.query('INSERT INTO group_members (group_id, person_id) VALUES ($1, $2)', [groupId, personId]);
  }
}

export async function groupIdsOf(db: Queryable, personId: string, sessionId: string): Promise<string[]> {
  const { rows } = await db.query<{ group_id: string }>(
    `SELECT gm.group_id FROM group_members gm JOIN groups g ON g.id = gm.group_id
      WHERE gm.person_id = $1 AND g.session_id = $2 ORDER BY g.position, g.id`,
    [personId, sessionId],
  );
  return rows.map((row) => row.group_id);
}

/** All tables of a workshop's sessions with their members, for the workshop graph. */
export async function groupsOfWorkshop(db: Queryable, workshopId: string): Promise<GroupRecord[]> {
  const groupRows = await db.query<GroupRow>(
    `SELECT g.id, g.session_id, g.position, g.name FROM groups g JOIN sessions s ON s.id = g.session_id
      WHERE s.workshop_id = $1 ORDER BY g.session_id, g.position`,
    [workshopId],
  );
  const members = await db.query<MemberRow>(
    `SELECT gm.group_id, gm.person_id FROM group_members gm JOIN groups g ON g.id = gm.group_id
       JOIN sessions s ON s.id = g.session_id JOIN people p ON p.id = gm.person_id
      WHERE s.workshop_id = $1 ORDER BY p.joined_at, p.id`,
    [workshopId],
  );
  return toGroups(groupRows.rows, members.rows);
}
