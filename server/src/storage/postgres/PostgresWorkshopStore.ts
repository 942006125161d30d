import type pg from 'pg';
import type { FacilitatorRecord } from '../contracts/facilitatorTypes.js';
import type {
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
import { insertRows, inTransaction, type Queryable } from './postgresDb.js';
import { assignPerson, groupIdsOf, groupsOfWorkshop, insertGroups, replaceGroups } from './postgresGroups.js';
import {
  type AgendaRow,
  agendaColumns,
  agendaValues,
  type BoardRow,
  boardColumns,
  boardValues,
  type FacilitatorRow,
  type PersonRow,
  type PlacementColumns,
  personColumns,
  personValues,
  type SessionRow,
  sessionColumns,
  sessionValues,
  toAgendaItem,
  toBoardRecord,
  toFacilitator,
  toPerson,
  toPlacement,
  toSession,
  toWorkshop,
  type WorkshopRow,
} from './postgresRows.js';

/** Boards with their docs and each doc's first update; inside the caller's transaction. */
export async function insertBoards(db: Queryable, boards: readonly NewBoard[]): Promise<void> {
  await insertRows(
    db,
    'docs',
    [
      ['id', 'text'],
      ['created_at', 'bigint'],
    ],
    boards.map(({ board }) => [board.id, board.createdAt]),
  );
  await insertRows(
    db,
    'doc_updates',
    [
      ['doc_id', 'text'],
      ['data', 'bytea'],
    ],
    boards.map(({ board, initialUpdate }) => [board.id, initialUpdate]),
  );
  await insertRows(
    db,
    'boards',
    boardColumns,
    boards.map(({ board }) => boardValues(board)),
  );
}

const sessionPatchColumns = {
  status: 'status',
  mode: 'mode',
  currentItemId: 'current_item_id',
  currentItemStartedAt: 'current_item_started_at',
  tablesOpen: 'tables_open',
} as const;

type SessionPatch = Partial<Pick<SessionRecord, keyof typeof sessionPatchColumns>>;

/** Workshops, sessions, people and tables beside the documents, in the same database. */
export class PostgresWorkshopStore implements WorkshopStore {
  constructor(private readonly pool: pg.Pool) {}

  async countFacilitators(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM facilitators');
    return rows[0]?.n ?? 0;
  }

  async createFacilitator(f: FacilitatorRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO facilitators (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
      [f.id, f.email, f.name, f.passwordHash, f.createdAt],
    );
  }

  async findFacilitatorByEmail(email: string): Promise<FacilitatorRecord | null> {
    // lower(email) is what the unique index covers: the same address in any case is one account.
    const { rows } = await this.pool.query<FacilitatorRow>(
      'SELECT id, email, name, password_hash, created_at FROM facilitators WHERE lower(email) = lower($1)',
      [email],
    );
    return rows[0] ? toFacilitator(rows[0]) : null;
  }

  async getFacilitator(id: string): Promise<FacilitatorRecord | null> {
    const { rows } = await this.pool.query<FacilitatorRow>(
      'SELECT id, email, name, password_hash, created_at FROM facilitators WHERE id = $1',
      [id],
    );
    return rows[0] ? toFacilitator(rows[0]) : null;
  }

  async createAuthSession(tokenHash: string, facilitatorId: string, now: number, expiresAt: number): Promise<void> {
    await this.pool.query('DELETE FROM auth_sessions WHERE expires_at <= $1', [now]);
    await this.pool.query(
      'INSERT INTO auth_sessions (token_hash, facilitator_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [tokenHash, facilitatorId, now, expiresAt],
    );
  }

  async findAuthSession(tokenHash: string, now: number): Promise<string | null> {
    const { rows } = await this.pool.query<{ facilitator_id: string }>(
      'SELECT facilitator_id FROM auth_sessions WHERE token_hash = $1 AND expires_at > $2',
      [tokenHash, now],
    );
    return rows[0]?.facilitator_id ?? null;
  }

  async deleteAuthSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM auth_sessions WHERE token_hash = $1', [tokenHash]);
  }

  async setFacilitatorPassword(facilitatorId: string, passwordHash: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('UPDATE facilitators SET password_hash = $1 WHERE id = $2', [passwordHash, facilitatorId]);
      await client.query('DELETE FROM auth_sessions WHERE facilitator_id = $1', [facilitatorId]);
    });
  }

  async createWorkshop(plan: WorkshopPlan): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const w = plan.workshop;
      await client.query(
        'INSERT INTO workshops (id, title, organisation, language, created_at, prompts) VALUES ($1, $2, $3, $4, $5, $6)',
        [w.id, w.title, w.organisation, w.language, w.createdAt, w.prompts ? JSON.stringify(w.prompts) : null],
      );
      await client.query('INSERT INTO workshop_facilitators (workshop_id, facilitator_id) VALUES ($1, $2)', [
        w.id,
        plan.facilitatorId,
      ]);
      await insertRows(client, 'sessions', sessionColumns, plan.sessions.map(sessionValues));
      await insertRows(client, 'agenda_items', agendaColumns, plan.agenda.map(agendaValues));
      await insertRows(client, 'people', personColumns, plan.people.map(personValues));
      await insertGroups(client, plan.groups);
      await insertBoards(client, plan.boards);
      const docs = plan.docs ?? [];
      await insertRows(
        client,
        'docs',
        [
          ['id', 'text'],
          ['created_at', 'bigint'],
        ],
        docs.map(({ docId }) => [docId, w.createdAt]),
      );
      await insertRows(
        client,
        'doc_updates',
        [
          ['doc_id', 'text'],
          ['data', 'bytea'],
        ],
        docs.map(({ docId, initialUpdate }) => [docId, initialUpdate]),
      );
    });
  }

  async createBoards(boards: NewBoard[]): Promise<void> {
    await inTransaction(this.pool, (client) => insertBoards(client, boards));
  }

  async listWorkshopsFor(facilitatorId: string): Promise<Array<WorkshopRecord & { sessionCount: number }>> {
    const { rows } = await this.pool.query<WorkshopRow & { session_count: number }>(
      `SELECT w.id, w.title, w.organisation, w.language, w.created_at, w.prompts,
              (SELECT COUNT(*) FROM sessions s WHERE s.workshop_id = w.id) AS session_count
         FROM workshops w JOIN workshop_facilitators wf ON wf.workshop_id = w.id
        WHERE wf.facilitator_id = $1 ORDER BY w.created_at DESC, w.id`,
      [facilitatorId],
    );
    return rows.map((row) => ({ ...toWorkshop(row), sessionCount: row.session_count }));
  }

  async isFacilitatorOf(workshopId: string, facilitatorId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM workshop_facilitators WHERE workshop_id = $1 AND facilitator_id = $2',
      [workshopId, facilitatorId],
    );
    return (rowCount ?? 0) > 0;
  }

  async getWorkshopGraph(workshopId: string): Promise<WorkshopGraph | null> {
    // Several reads, one snapshot: a concurrent change (say, new tables) shows entirely or not at all.
    return inTransaction(
      this.pool,
      async (client) => {
        const workshop = await client.query<WorkshopRow>(
          'SELECT id, title, organisation, language, created_at, prompts FROM workshops WHERE id = $1',
          [workshopId],
        );
        const w = workshop.rows[0];
        if (!w) return null;
        const sessions = await client.query<SessionRow>(
          'SELECT * FROM sessions WHERE workshop_id = $1 ORDER BY position',
          [workshopId],
        );
        const agenda = await client.query<AgendaRow>(
          `SELECT a.* FROM agenda_items a JOIN sessions s ON s.id = a.session_id
            WHERE s.workshop_id = $1 ORDER BY a.session_id, a.position`,
          [workshopId],
        );
        const people = await client.query<PersonRow>(
          'SELECT * FROM people WHERE workshop_id = $1 ORDER BY joined_at, id',
          [workshopId],
        );
        const groups = await groupsOfWorkshop(client, workshopId);
        const boards = await client.query<BoardRow>(
          'SELECT * FROM boards WHERE workshop_id = $1 ORDER BY created_at, id',
          [workshopId],
        );
        return {
          workshop: toWorkshop(w),
          sessions: sessions.rows.map(toSession),
          agenda: agenda.rows.map(toAgendaItem),
          people: people.rows.map(toPerson),
          groups,
          boards: boards.rows.map(toBoardRecord),
        };
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  async getSession(sessionId: string): Promise<SessionRecord | null> {
    const { rows } = await this.pool.query<SessionRow>('SELECT * FROM sessions WHERE id = $1', [sessionId]);
    return rows[0] ? toSession(rows[0]) : null;
  }

  async findSessionByJoinCode(code: string): Promise<SessionRecord | null> {
    const { rows } = await this.pool.query<SessionRow>('SELECT * FROM sessions WHERE join_code = $1', [code]);
    return rows[0] ? toSession(rows[0]) : null;
  }

  async updateSession(sessionId: string, patch: SessionPatch): Promise<void> {
    const keys = (Object.keys(sessionPatchColumns) as Array<keyof typeof sessionPatchColumns>).filter(
      (key) => key in patch,
    );
    const entries = keys.map((key) => [key, patch[key] ?? null] as const);
    if (entries.length === 0) return;
    const sets = entries.map(([key], i) => `${sessionPatchColumns[key]} = $${i + 1}`).join(', ');
    await this.pool.query(`UPDATE sessions SET ${sets} WHERE id = $${entries.length + 1}`, [
      ...entries.map(([, value]) => value ?? null),
      sessionId,
    ]);
  }

  async replaceGroups(sessionId: string, groups: GroupRecord[]): Promise<void> {
    await inTransaction(this.pool, (client) => replaceGroups(client, sessionId, groups));
  }

  async assignPerson(sessionId: string, personId: string, groupId: string | null): Promise<void> {
    await inTransaction(this.pool, (client) => assignPerson(client, sessionId, personId, groupId));
  }

  async createPerson(person: PersonRecord, sessionGroup?: { groupId: string }): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await insertRows(client, 'people', personColumns, [personValues(person)]);
      if (sessionGroup) {
        await client.query('INSERT INTO group_members (group_id, person_id) VALUES ($1, $2)', [
          sessionGroup.groupId,
          person.id,
        ]);
      }
    });
  }

  async getPerson(personId: string): Promise<PersonRecord | null> {
    const { rows } = await this.pool.query<PersonRow>('SELECT * FROM people WHERE id = $1', [personId]);
    return rows[0] ? toPerson(rows[0]) : null;
  }

  async revokePerson(personId: string, now: number): Promise<void> {
    await this.pool.query('UPDATE people SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2', [now, personId]);
  }

  async groupIdsOf(personId: string, sessionId: string): Promise<string[]> {
    return groupIdsOf(this.pool, personId, sessionId);
  }

  async getBoardPlacement(boardId: string): Promise<BoardPlacement | null> {
    const { rows } = await this.pool.query<BoardRow & PlacementColumns>(
      'SELECT b.*, s.status AS session_status, s.mode AS session_mode, s.tables_open AS session_tables_open FROM boards b LEFT JOIN sessions s ON s.id = b.session_id WHERE b.id = $1',
      [boardId],
    );
    const row = rows[0];
    if (!row) return null;
    return toPlacement(row);
  }
}
