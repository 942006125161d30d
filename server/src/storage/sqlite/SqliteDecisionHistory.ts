import type { DecisionChange } from '@samle/shared';
import type Database from 'better-sqlite3';
import type { DecisionHistoryStore } from '../contracts/assessmentTypes.js';
import { type DecisionRow, toDecisionChange } from '../rows.js';

/** Who changed which decision field of an idea, and when (docs/api.md, assessments). */
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
      .prepare<[string, string], DecisionRow>(
        'SELECT * FROM decision_history WHERE workshop_id = ? AND idea_id = ? ORDER BY seq',
      )
      .all(workshopId, ideaId);
    return rows.map(toDecisionChange);
  }
}
