import { controlDocId, type Prompts } from '@samle/shared';
import type pg from 'pg';
import type { DoneMark, PlanStore, SavedTemplateRecord, SessionPlanPatch } from '../contracts/planTypes.js';
import type { AgendaItemRecord, SessionRecord } from '../contracts/workshopTypes.js';
import { type DoneMarkRow, type TemplateRow, toDoneMark, toTemplate } from '../rows.js';
import { inTransaction } from './postgresDb.js';
import { agendaColumns, sessionColumns, sessionValues } from './postgresRows.js';

const placeholders = (count: number, from = 1) => Array.from({ length: count }, (_, i) => `$${i + from}`).join(', ');

/** The process plan's edits in PostgreSQL (see PlanStore). */
export class PostgresPlanStore implements PlanStore {
  constructor(private readonly pool: pg.Pool) {}

  async updateWorkshop(
    workshopId: string,
    patch: { title?: string; organisation?: string; prompts?: Prompts },
  ): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      if (patch.title !== undefined) {
        await client.query('UPDATE workshops SET title = $1 WHERE id = $2', [patch.title, workshopId]);
      }
      if (patch.organisation !== undefined) {
        await client.query('UPDATE workshops SET organisation = $1 WHERE id = $2', [patch.organisation, workshopId]);
      }
      if (patch.prompts !== undefined) {
        await client.query('UPDATE workshops SET prompts = $1 WHERE id = $2', [
          JSON.stringify(patch.prompts),
          workshopId,
        ]);
      }
    });
  }

  async addSession(session: SessionRecord): Promise<void> {
    const names = sessionColumns.map(([name]) => name).join(', ');
    await this.pool.query(
      `INSERT INTO sessions (${names}) VALUES (${placeholders(sessionColumns.length)})`,
      sessionValues(session),
    );
  }

  async updateSessionPlan(sessionId: string, patch: SessionPlanPatch): Promise<void> {
    const columns = { title: 'title', kind: 'kind', date: 'date', startTime: 'start_time', place: 'place' } as const;
    const keys = (Object.keys(columns) as Array<keyof typeof columns>).filter((key) => patch[key] !== undefined);
    if (keys.length === 0) return;
    const sets = keys.map((key, i) => `${columns[key]} = $${i + 1}`).join(', ');
    await this.pool.query(`UPDATE sessions SET ${sets} WHERE id = $${keys.length + 1}`, [
      ...keys.map((key) => patch[key]),
      sessionId,
    ]);
  }

  async removeSession(sessionId: string): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const boards = await client.query<{ id: string }>('SELECT id FROM boards WHERE session_id = $1 FOR UPDATE', [
        sessionId,
      ]);
      const boardIds = boards.rows.map((row) => row.id);
      const docIds = [...boardIds, ...boardIds.map(controlDocId)];
      if (boardIds.length > 0) {
        // Each board was made with one update; anything more (or a snapshot, a vote, a control doc) is work.
        const count = async (sql: string, ids: string[]) =>
          (await client.query<{ n: number }>(sql, [ids])).rows[0]?.n ?? 0;
        const updates = await count('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ANY($1)', docIds);
        const snapshots = await count('SELECT COUNT(*) AS n FROM doc_snapshots WHERE doc_id = ANY($1)', docIds);
        const rounds = await count('SELECT COUNT(*) AS n FROM vote_rounds WHERE board_id = ANY($1)', boardIds);
        const kept = await count('SELECT COUNT(*) AS n FROM board_snapshots WHERE board_id = ANY($1)', boardIds);
        if (updates > boardIds.length || snapshots > 0 || rounds > 0 || kept > 0) return false;
        for (const table of ['doc_updates', 'doc_compaction_leases', 'doc_log_positions']) {
          await client.query(`DELETE FROM ${table} WHERE doc_id = ANY($1)`, [docIds]);
        }
        await client.query('DELETE FROM boards WHERE id = ANY($1)', [docIds]);
        await client.query('DELETE FROM docs WHERE id = ANY($1)', [docIds]);
      }
      await client.query('DELETE FROM group_members WHERE group_id IN (SELECT id FROM groups WHERE session_id = $1)', [
        sessionId,
      ]);
      for (const table of ['groups', 'agenda_items', 'done_marks']) {
        await client.query(`DELETE FROM ${table} WHERE session_id = $1`, [sessionId]);
      }
      await client.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
      return true;
    });
  }

  async orderSessions(workshopId: string, sessionIds: readonly string[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      for (const [position, id] of sessionIds.entries()) {
        await client.query('UPDATE sessions SET position = $1 WHERE id = $2 AND workshop_id = $3', [
          position,
          id,
          workshopId,
        ]);
      }
    });
  }

  async replaceAgenda(sessionId: string, items: readonly AgendaItemRecord[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const existing = await client.query<{ id: string }>(
        'SELECT id FROM agenda_items WHERE session_id = $1 FOR UPDATE',
        [sessionId],
      );
      await client.query('DELETE FROM agenda_items WHERE session_id = $1 AND NOT (id = ANY($2))', [
        sessionId,
        items.map((item) => item.id),
      ]);
      const known = new Set(existing.rows.map((row) => row.id));
      const names = agendaColumns.map(([name]) => name).join(', ');
      for (const item of items) {
        if (known.has(item.id)) {
          await client.query(
            'UPDATE agenda_items SET position = $1, title = $2, kind = $3, minutes = $4, text = $5 WHERE id = $6',
            [item.position, item.title, item.kind, item.minutes, item.text, item.id],
          );
        } else {
          await client.query(`INSERT INTO agenda_items (${names}) VALUES (${placeholders(agendaColumns.length)})`, [
            item.id,
            sessionId,
            item.position,
            item.title,
            item.kind,
            item.minutes,
            item.text,
          ]);
        }
      }
      await client.query(
        `UPDATE sessions SET current_item_id = NULL, current_item_started_at = NULL
          WHERE id = $1 AND current_item_id IS NOT NULL
            AND current_item_id NOT IN (SELECT id FROM agenda_items WHERE session_id = $1)`,
        [sessionId],
      );
    });
  }

  async saveTemplate(t: SavedTemplateRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO workshop_templates (id, facilitator_id, title, spec, created_at) VALUES ($1, $2, $3, $4, $5)',
      [t.id, t.facilitatorId, t.title, t.spec, t.createdAt],
    );
  }

  async listTemplates(facilitatorId: string): Promise<SavedTemplateRecord[]> {
    const { rows } = await this.pool.query<TemplateRow>(
      'SELECT * FROM workshop_templates WHERE facilitator_id = $1 ORDER BY created_at DESC, id',
      [facilitatorId],
    );
    return rows.map(toTemplate);
  }

  async getTemplate(templateId: string, facilitatorId: string): Promise<SavedTemplateRecord | null> {
    const { rows } = await this.pool.query<TemplateRow>(
      'SELECT * FROM workshop_templates WHERE id = $1 AND facilitator_id = $2',
      [templateId, facilitatorId],
    );
    return rows[0] ? toTemplate(rows[0]) : null;
  }

  async setDone(mark: DoneMark, done: boolean): Promise<void> {
    if (done) {
      await this.pool.query(
        `INSERT INTO done_marks (session_id, round, person_id, group_id, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (session_id, round, person_id) DO UPDATE SET group_id = excluded.group_id, at = excluded.at`,
        [mark.sessionId, mark.round, mark.personId, mark.groupId, mark.at],
      );
    } else {
      await this.pool.query('DELETE FROM done_marks WHERE session_id = $1 AND round = $2 AND person_id = $3', [
        mark.sessionId,
        mark.round,
        mark.personId,
      ]);
    }
  }

  async doneMarks(sessionId: string, round: string): Promise<DoneMark[]> {
    const { rows } = await this.pool.query<DoneMarkRow>(
      'SELECT * FROM done_marks WHERE session_id = $1 AND round = $2 ORDER BY at',
      [sessionId, round],
    );
    return rows.map(toDoneMark);
  }
}
