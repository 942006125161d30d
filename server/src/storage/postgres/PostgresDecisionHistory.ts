import type { DecisionChange } from '@samle/shared';
import type pg from 'pg';
import type { DecisionHistoryStore } from '../contracts/assessmentTypes.js';
import { type DecisionRow, toDecisionChange } from '../rows.js';

/** Who changed which decision field of an idea, and when (docs/api.md, assessments). */
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
    const { rows } = await this.pool.query<DecisionRow>(
      'SELECT * FROM decision_history WHERE workshop_id = $1 AND idea_id = $2 ORDER BY seq',
      [workshopId, ideaId],
    );
    return rows.map(toDecisionChange);
  }
}
