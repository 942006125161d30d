import { controlDocId, type Prompts } from '@samle/shared';
import type Database from 'better-sqlite3';
import type { DoneMark, PlanStore, SavedTemplateRecord, SessionPlanPatch } from '../contracts/planTypes.js';
import type { AgendaItemRecord, SessionRecord } from '../contracts/workshopTypes.js';
import { agendaColumns, agendaValues, sessionColumns, sessionValues } from '../insertColumns.js';
import { type DoneMarkRow, type TemplateRow, toDoneMark, toTemplate } from '../rows.js';
import { insertRow } from './sqliteInsert.js';

/** The process plan's edits in the SQLite file (see PlanStore). */
export class SqlitePlanStore implements PlanStore {
  constructor(private readonly db: Database.Database) {}

  async updateWorkshop(
    workshopId: string,
    patch: { title?: string; organisation?: string; prompts?: Prompts },
  ): Promise<void> {
    this.db.transaction(() => {
      if (patch.title !== undefined) {
        this.db.prepare('UPDATE workshops SET title = ? WHERE id = ?').run(patch.title, workshopId);
      }
      if (patch.organisation !== undefined) {
        this.db.prepare('UPDATE workshops SET organisation = ? WHERE id = ?').run(patch.organisation, workshopId);
      }
      if (patch.prompts !== undefined) {
        this.db.prepare('UPDATE workshops SET prompts = ? WHERE id = ?').run(JSON.stringify(patch.prompts), workshopId);
      }
    })();
  }

  async addSession(s: SessionRecord): Promise<void> {
    insertRow(this.db, 'sessions', sessionColumns, sessionValues(s));
  }

  async updateSessionPlan(sessionId: string, patch: SessionPlanPatch): Promise<void> {
    const columns = { title: 'title', kind: 'kind', date: 'date', startTime: 'start_time', place: 'place' } as const;
    const keys = (Object.keys(columns) as Array<keyof typeof columns>).filter((key) => patch[key] !== undefined);
    if (keys.length === 0) return;
    const sets = keys.map((key) => `${columns[key]} = ?`).join(', ');
    this.db.prepare(`UPDATE sessions SET ${sets} WHERE id = ?`).run(...keys.map((key) => patch[key]), sessionId);
  }

  async removeSession(sessionId: string): Promise<boolean> {
    return this.db.transaction(() => {
      const boardIds = this.db
        .prepare<unknown[], { id: string }>('SELECT id FROM boards WHERE session_id = ?')
        .all(sessionId)
        .map((row) => row.id);
      const docIds = [...boardIds, ...boardIds.map(controlDocId)];
      const marks = docIds.map(() => '?').join(', ');
      if (boardIds.length > 0) {
        // Each board was made with one update; anything more (or a snapshot, a vote, a control doc) is work.
        const count = (sql: string, ids: readonly string[]): number =>
          this.db.prepare<unknown[], { n: number }>(sql).get(...ids)?.n ?? 0;
        const boardMarks = boardIds.map(() => '?').join(', ');
        const updates = count(`SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id IN (${marks})`, docIds);
        const snapshots = count(`SELECT COUNT(*) AS n FROM doc_snapshots WHERE doc_id IN (${marks})`, docIds);
        const rounds = count(`SELECT COUNT(*) AS n FROM vote_rounds WHERE board_id IN (${boardMarks})`, boardIds);
        const kept = count(`SELECT COUNT(*) AS n FROM board_snapshots WHERE board_id IN (${boardMarks})`, boardIds);
        if (updates > boardIds.length || snapshots > 0 || rounds > 0 || kept > 0) return false;
        for (const table of ['doc_updates', 'doc_compaction_leases']) {
          this.db.prepare(`DELETE FROM ${table} WHERE doc_id IN (${marks})`).run(...docIds);
        }
        this.db.prepare(`DELETE FROM boards WHERE id IN (${marks})`).run(...docIds);
        this.db.prepare(`DELETE FROM docs WHERE id IN (${marks})`).run(...docIds);
      }
      this.db
        .prepare('DELETE FROM group_members WHERE group_id IN (SELECT id FROM groups WHERE session_id = ?)')
        .run(sessionId);
      for (const table of ['groups', 'agenda_items', 'done_marks']) {
        this.db.prepare(`DELETE FROM ${table} WHERE session_id = ?`).run(sessionId);
      }
      this.db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
      return true;
    })();
  }

  async orderSessions(workshopId: string, sessionIds: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      const update = this.db.prepare('UPDATE sessions SET position = ? WHERE id = ? AND workshop_id = ?');
      for (const [position, id] of sessionIds.entries()) update.run(position, id, workshopId);
    })();
  }

  async replaceAgenda(sessionId: string, items: readonly AgendaItemRecord[]): Promise<void> {
    this.db.transaction(() => {
      const keep = new Set(items.map((item) => item.id));
      const existing = this.db
        .prepare<unknown[], { id: string }>('SELECT id FROM agenda_items WHERE session_id = ?')
        .all(sessionId);
      for (const { id } of existing) {
        if (!keep.has(id)) this.db.prepare('DELETE FROM agenda_items WHERE id = ?').run(id);
      }
      const known = new Set(existing.map((row) => row.id));
      for (const item of items) {
        if (known.has(item.id)) {
          this.db
            .prepare('UPDATE agenda_items SET position = ?, title = ?, kind = ?, minutes = ?, text = ? WHERE id = ?')
            .run(item.position, item.title, item.kind, item.minutes, item.text, item.id);
        } else {
          insertRow(this.db, 'agenda_items', agendaColumns, agendaValues({ ...item, sessionId }));
        }
      }
      this.db
        .prepare(
          `UPDATE sessions SET current_item_id = NULL, current_item_started_at = NULL
            WHERE id = ? AND current_item_id IS NOT NULL
              AND current_item_id NOT IN (SELECT id FROM agenda_items WHERE session_id = ?)`,
        )
        .run(sessionId, sessionId);
    })();
  }

  async saveTemplate(t: SavedTemplateRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO workshop_templates (id, facilitator_id, title, spec, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(t.id, t.facilitatorId, t.title, t.spec, t.createdAt);
  }

  async listTemplates(facilitatorId: string): Promise<SavedTemplateRecord[]> {
    const rows = this.db
      .prepare<unknown[], TemplateRow>(
        'SELECT * FROM workshop_templates WHERE facilitator_id = ? ORDER BY created_at DESC, id',
      )
      .all(facilitatorId);
    return rows.map(toTemplate);
  }

  async getTemplate(templateId: string, facilitatorId: string): Promise<SavedTemplateRecord | null> {
    const row = this.db
      .prepare<unknown[], TemplateRow>('SELECT * FROM workshop_templates WHERE id = ? AND facilitator_id = ?')
      .get(templateId, facilitatorId);
    return row ? toTemplate(row) : null;
  }

  async setDone(mark: DoneMark, done: boolean): Promise<void> {
    if (done) {
      this.db
        .prepare(
          `INSERT INTO done_marks (session_id, round, person_id, group_id, at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (session_id, round, person_id) DO UPDATE SET group_id = excluded.group_id, at = excluded.at`,
        )
        .run(mark.sessionId, mark.round, mark.personId, mark.groupId, mark.at);
    } else {
      this.db
        .prepare('DELETE FROM done_marks WHERE session_id = ? AND round = ? AND person_id = ?')
        .run(mark.sessionId, mark.round, mark.personId);
    }
  }

  async doneMarks(sessionId: string, round: string): Promise<DoneMark[]> {
    const rows = this.db
      .prepare<unknown[], DoneMarkRow>('SELECT * FROM done_marks WHERE session_id = ? AND round = ? ORDER BY at')
      .all(sessionId, round);
    return rows.map(toDoneMark);
  }
}
