import type Database from 'better-sqlite3';
import type { FacilitatorRecord } from '../contracts/facilitatorTypes.js';
import type {
  AgendaItemRecord,
  BoardPlacement,
  GroupRecord,
  NewBoard,
  PersonRecord,
  SessionRecord,
  WorkshopGraph,
  WorkshopPlan,
  WorkshopRecord,
  WorkshopStore,
} from '../contracts/workshopTypes.js';
import {
  agendaColumns,
  agendaValues,
  boardColumns,
  boardValues,
  type Column,
  personColumns,
  personValues,
  sessionColumns,
  sessionValues,
} from '../insertColumns.js';
import {
  type AgendaRow,
  type BoardRow,
  type FacilitatorRow,
  type GroupRow,
  type MemberRow,
  type PersonRow,
  type PlacementColumns,
  type SessionRow,
  toAgendaItem,
  toBoardRecord,
  toFacilitator,
  toGroups,
  toPerson,
  toPlacement,
  toSession,
  toWorkshop,
  type WorkshopRow,
} from '../rows.js';
import { insertSql, sqliteValues } from './sqliteInsert.js';

/** Workshops, sessions, people and tables in the same SQLite file as the documents. */
export class SqliteWorkshopStore implements WorkshopStore {
  private readonly statements = new Map<string, Database.Statement<unknown[], unknown>>();

  constructor(private readonly db: Database.Database) {}

  /**
   * Prepared once per SQL text. `Row` is the shape the SQL selects, as a row type of rows.ts
   * (shared with PostgreSQL): better-sqlite3 cannot know it, so it is stated here once per query.
   */
  private stmt<Row = unknown>(sql: string): Database.Statement<unknown[], Row> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as Database.Statement<unknown[], Row>;
  }

  async countFacilitators(): Promise<number> {
    return this.stmt<{ n: number }>('SELECT COUNT(*) AS n FROM facilitators').get()?.n ?? 0;
  }

  async createFacilitator(f: FacilitatorRecord): Promise<void> {
    this.stmt('INSERT INTO facilitators (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(
      f.id,
      f.email,
      f.name,
      f.passwordHash,
      f.createdAt,
    );
  }

  private facilitatorWhere(column: 'email' | 'id', value: string): FacilitatorRecord | null {
    const row = this.stmt<FacilitatorRow>(
      `SELECT id, email, name, password_hash, created_at FROM facilitators WHERE ${column} = ?`,
    ).get(value);
    return row ? toFacilitator(row) : null;
  }

  async findFacilitatorByEmail(email: string): Promise<FacilitatorRecord | null> {
    return this.facilitatorWhere('email', email);
  }

  async getFacilitator(id: string): Promise<FacilitatorRecord | null> {
    return this.facilitatorWhere('id', id);
  }

  async createAuthSession(tokenHash: string, facilitatorId: string, now: number, expiresAt: number): Promise<void> {
    this.stmt('DELETE FROM auth_sessions WHERE expires_at <= ?').run(now);
    this.stmt('INSERT INTO auth_sessions (token_hash, facilitator_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
      tokenHash,
      facilitatorId,
      now,
      expiresAt,
    );
  }

  async findAuthSession(tokenHash: string, now: number): Promise<string | null> {
    const row = this.stmt<{ facilitator_id: string }>(
      'SELECT facilitator_id FROM auth_sessions WHERE token_hash = ? AND expires_at > ?',
    ).get(tokenHash, now);
    return row?.facilitator_id ?? null;
  }

  async deleteAuthSession(tokenHash: string): Promise<void> {
    this.stmt('DELETE FROM auth_sessions WHERE token_hash = ?').run(tokenHash);
  }

  async setFacilitatorPassword(facilitatorId: string, passwordHash: string): Promise<void> {
    this.db.transaction(() => {
      this.stmt('UPDATE facilitators SET password_hash = ? WHERE id = ?').run(passwordHash, facilitatorId);
      this.stmt('DELETE FROM auth_sessions WHERE facilitator_id = ?').run(facilitatorId);
    })();
  }

  async createWorkshop(plan: WorkshopPlan): Promise<void> {
    this.db.transaction(() => {
      const w = plan.workshop;
      this.stmt(
        'INSERT INTO workshops (id, title, organisation, language, created_at, prompts) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(w.id, w.title, w.organisation, w.language, w.createdAt, w.prompts ? JSON.stringify(w.prompts) : null);
      this.stmt('INSERT INTO workshop_facilitators (workshop_id, facilitator_id) VALUES (?, ?)').run(
        w.id,
        plan.facilitatorId,
      );
      for (const s of plan.sessions) this.insertRow('sessions', sessionColumns, sessionValues(s));
      for (const item of plan.agenda) this.insertAgendaItem(item);
      for (const person of plan.people) this.insertPerson(person);
      for (const group of plan.groups) this.insertGroup(group);
      this.insertBoards(plan.boards);
      for (const { docId, initialUpdate } of plan.docs ?? []) {
        this.stmt('INSERT INTO docs (id, created_at) VALUES (?, ?)').run(docId, w.createdAt);
        this.stmt('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)').run(docId, initialUpdate);
      }
    })();
  }

  /** One row of a shared column list (storage/insertColumns.ts), through the statement cache. */
  private insertRow(table: string, columns: readonly Column[], values: unknown[]): void {
    this.stmt(insertSql(table, columns)).run(...sqliteValues(columns, values));
  }

  private insertAgendaItem(item: AgendaItemRecord): void {
    this.insertRow('agenda_items', agendaColumns, agendaValues(item));
  }

  private insertPerson(p: PersonRecord): void {
    this.insertRow('people', personColumns, personValues(p));
  }

  private insertGroup(group: GroupRecord): void {
    this.stmt('INSERT INTO groups (id, session_id, position, name) VALUES (?, ?, ?, ?)').run(
      group.id,
      group.sessionId,
      group.position,
      group.name,
    );
    for (const personId of group.memberIds) {
      this.stmt('INSERT INTO group_members (group_id, person_id) VALUES (?, ?)').run(group.id, personId);
    }
  }

  private insertBoards(boards: NewBoard[]): void {
    for (const { board, initialUpdate } of boards) {
      this.stmt('INSERT INTO docs (id, created_at) VALUES (?, ?)').run(board.id, board.createdAt);
      this.stmt('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)').run(board.id, initialUpdate);
      this.insertRow('boards', boardColumns, boardValues(board));
    }
  }

  async createBoards(boards: NewBoard[]): Promise<void> {
    this.db.transaction(() => this.insertBoards(boards))();
  }

  async listWorkshopsFor(facilitatorId: string): Promise<Array<WorkshopRecord & { sessionCount: number }>> {
    const rows = this.stmt<WorkshopRow & { session_count: number }>(
      `SELECT w.id, w.title, w.organisation, w.language, w.created_at, w.prompts,
              (SELECT COUNT(*) FROM sessions s WHERE s.workshop_id = w.id) AS session_count
         FROM workshops w JOIN workshop_facilitators wf ON wf.workshop_id = w.id
        WHERE wf.facilitator_id = ? ORDER BY w.created_at DESC, w.id`,
    ).all(facilitatorId);
    return rows.map((row) => ({ ...toWorkshop(row), sessionCount: row.session_count }));
  }

  async isFacilitatorOf(workshopId: string, facilitatorId: string): Promise<boolean> {
    return !!this.stmt('SELECT 1 FROM workshop_facilitators WHERE workshop_id = ? AND facilitator_id = ?').get(
      workshopId,
      facilitatorId,
    );
  }

  async getWorkshopGraph(workshopId: string): Promise<WorkshopGraph | null> {
    const w = this.stmt<WorkshopRow>(
      'SELECT id, title, organisation, language, created_at, prompts FROM workshops WHERE id = ?',
    ).get(workshopId);
    if (!w) return null;
    const sessions = this.stmt<SessionRow>('SELECT * FROM sessions WHERE workshop_id = ? ORDER BY position')
      .all(workshopId)
      .map(toSession);
    const agenda = this.stmt<AgendaRow>(
      `SELECT a.* FROM agenda_items a JOIN sessions s ON s.id = a.session_id
        WHERE s.workshop_id = ? ORDER BY a.session_id, a.position`,
    )
      .all(workshopId)
      .map(toAgendaItem);
    const people = this.stmt<PersonRow>('SELECT * FROM people WHERE workshop_id = ? ORDER BY joined_at, id')
      .all(workshopId)
      .map(toPerson);
    const groupRows = this.stmt<GroupRow>(
      `SELECT g.id, g.session_id, g.position, g.name FROM groups g JOIN sessions s ON s.id = g.session_id
        WHERE s.workshop_id = ? ORDER BY g.session_id, g.position`,
    ).all(workshopId);
    const members = this.stmt<MemberRow>(
      `SELECT gm.group_id, gm.person_id FROM group_members gm JOIN groups g ON g.id = gm.group_id
         JOIN sessions s ON s.id = g.session_id JOIN people p ON p.id = gm.person_id
        WHERE s.workshop_id = ? ORDER BY p.joined_at, p.id`,
    ).all(workshopId);
    const groups = toGroups(groupRows, members);
    const boards = this.stmt<BoardRow>('SELECT * FROM boards WHERE workshop_id = ? ORDER BY created_at, id')
      .all(workshopId)
      .map(toBoardRecord);
    return {
      workshop: toWorkshop(w),
      sessions,
      agenda,
      people,
      groups,
      boards,
    };
  }

  async getSession(sessionId: string): Promise<SessionRecord | null> {
    const row = this.stmt<SessionRow>('SELECT * FROM sessions WHERE id = ?').get(sessionId);
    return row ? toSession(row) : null;
  }

  async findSessionByJoinCode(code: string): Promise<SessionRecord | null> {
    const row = this.stmt<SessionRow>('SELECT * FROM sessions WHERE join_code = ?').get(code);
    return row ? toSession(row) : null;
  }

  async updateSession(
    sessionId: string,
    patch: Partial<Pick<SessionRecord, 'status' | 'mode' | 'currentItemId' | 'currentItemStartedAt' | 'tablesOpen'>>,
  ): Promise<void> {
    const columns: Record<string, string> = {
      status: 'status',
      mode: 'mode',
      currentItemId: 'current_item_id',
      currentItemStartedAt: 'current_item_started_at',
      tablesOpen: 'tables_open',
    };
    const entries = Object.entries(patch)
      .filter(([key]) => key in columns)
      .map(([key, value]): [string, unknown] => [key, typeof value === 'boolean' ? Number(value) : value]);
    if (entries.length === 0) return;
    const sets = entries.map(([key]) => `${columns[key]} = ?`).join(', ');
    this.db
      .prepare(`UPDATE sessions SET ${sets} WHERE id = ?`)
      .run(...entries.map(([, value]) => value ?? null), sessionId);
  }

  async replaceGroups(sessionId: string, groups: GroupRecord[]): Promise<void> {
    this.db.transaction(() => {
      const existing = this.stmt<{ id: string }>('SELECT id FROM groups WHERE session_id = ?').all(sessionId);
      const keep = new Set(groups.map((g) => g.id));
      for (const { id } of existing) this.stmt('DELETE FROM group_members WHERE group_id = ?').run(id);
      for (const { id } of existing) {
        if (keep.has(id)) continue;
        // A table that disappears keeps its board (it may hold work); the board just loses its table.
        this.stmt('UPDATE boards SET group_id = NULL WHERE group_id = ?').run(id);
        this.stmt('DELETE FROM groups WHERE id = ?').run(id);
      }
      const existingIds = new Set(existing.map((row) => row.id));
      for (const group of groups) {
        if (existingIds.has(group.id)) {
          this.stmt('UPDATE groups SET position = ?, name = ? WHERE id = ?').run(group.position, group.name, group.id);
          for (const personId of group.memberIds) {
            this.stmt('INSERT INTO group_members (group_id, person_id) VALUES (?, ?)').run(group.id, personId);
          }
        } else {
          this.insertGroup(group);
        }
      }
    })();
  }

  async assignPerson(sessionId: string, personId: string, groupId: string | null): Promise<void> {
    this.db.transaction(() => {
      this.stmt(
        'DELETE FROM group_members WHERE person_id = ? AND group_id IN (SELECT id FROM groups WHERE session_id = ?)',
      ).run(personId, sessionId);
      if (groupId) this.stmt('INSERT INTO group_members (group_id, person_id) VALUES (?, ?)').run(groupId, personId);
    })();
  }

  async createPerson(person: PersonRecord, sessionGroup?: { groupId: string }): Promise<void> {
    this.db.transaction(() => {
      this.insertPerson(person);
      if (sessionGroup) {
        this.stmt('INSERT INTO group_members (group_id, person_id) VALUES (?, ?)').run(sessionGroup.groupId, person.id);
      }
    })();
  }

  async getPerson(personId: string): Promise<PersonRecord | null> {
    const row = this.stmt<PersonRow>('SELECT * FROM people WHERE id = ?').get(personId);
    return row ? toPerson(row) : null;
  }

  async revokePerson(personId: string, now: number): Promise<void> {
    this.stmt('UPDATE people SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?').run(now, personId);
  }

  async groupIdsOf(personId: string, sessionId: string): Promise<string[]> {
    return this.stmt<Pick<MemberRow, 'group_id'>>(
      `SELECT gm.group_id FROM group_members gm JOIN groups g ON g.id = gm.group_id
        WHERE gm.person_id = ? AND g.session_id = ?`,
    )
      .all(personId, sessionId)
      .map((row) => row.group_id);
  }

  async getBoardPlacement(boardId: string): Promise<BoardPlacement | null> {
    const row = this.stmt<BoardRow & PlacementColumns>(
      `SELECT b.*, s.status AS session_status, s.mode AS session_mode, s.tables_open AS session_tables_open FROM boards b LEFT JOIN sessions s ON s.id = b.session_id WHERE b.id = ?`,
    ).get(boardId);
    if (!row) return null;
    return toPlacement(row);
  }
}
