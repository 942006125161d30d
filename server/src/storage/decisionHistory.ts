import type { DecisionChange } from '@samle/shared';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { DecisionHistoryStore } from './contracts/assessmentTypes.js';

interface HistoryRow {
  idea_id: string;
  field: string;
  from_value: string | null;
  to_value: string | null;
  by_name: string;
  at: number;
}

const toChange = (row: HistoryRow): DecisionChange => ({
  ideaId: row.idea_id,
  field: row.field as DecisionChange['field'],
  from: row.from_value,
  to: row.to_value,
  by: row.by_name,
  at: row.at,
});

export class SqliteDecisionHistory implements DecisionHistoryStore {
  constructor(private readonly db: Database.Database) {}

  async recordChanges(workshopId: string, changes: readonly DecisionChange[]): Promise<void> {
    const insert = this.db.prepare(
      'INSERT INTO decision_history (workshop_id, idea_id, field, from_value, to_value, by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const c of changes) insert.run(workshopId, c.ideaId, c.field, c.from, c.to, c.by, c.at);
    })();
  }

  async history(workshopId: string, ideaId: string): Promise<DecisionChange[]> {
    const rows = this.db
      .prepare('SELECT * FROM decision_history WHERE workshop_id = ? AND idea_id = ? ORDER BY seq')
      .all(workshopId, ideaId) as HistoryRow[];
    return rows.map(toChange);
  }
}

export class PostgresDecisionHistory implements DecisionHistoryStore {
  constructor(private readonly pool: pg.Pool) {}

  async recordChanges(workshopId: string, changes: readonly DecisionChange[]): Promise<void> {
    if (changes.length === 0) return;
    const values: unknown[] = [];
    const rows = changes.map((c, i) => {
      values.push(workshopId, c.ideaId, c.field, c.from, c.to, c.by, c.at);
      const base = i * 7;
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7})`;
    });
    await this.pool.query(
      `INSERT INTO decision_history (workshop_id, idea_id, field, from_value, to_value, by_name, at) VALUES ${rows.join(', ')}`,
      values,
    );
  }

  async history(workshopId: string, ideaId: string): Promise<DecisionChange[]> {
    const { rows } = await this.pool.query<HistoryRow>(
      'SELECT * FROM decision_history WHERE workshop_id = $1 AND idea_id = $2 ORDER BY seq',
      [workshopId, ideaId],
    );
    return rows.map(toChange);
  }
}
