import type Database from 'better-sqlite3';
import type { EvaluationRecord, EvaluationResponseRecord, EvaluationStore } from '../contracts/evaluationTypes.js';
import { type EvaluationResponseRow, type EvaluationRow, toEvaluation, toEvaluationResponse } from '../rows.js';

export class SqliteEvaluationStore implements EvaluationStore {
  constructor(private readonly db: Database.Database) {}

  async openEvaluation(e: EvaluationRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO evaluations (id, workshop_id, status, ratings, free_text, anonymous, opened_at, closed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        e.id,
        e.workshopId,
        e.status,
        JSON.stringify(e.ratings),
        e.freeText,
        e.anonymous ? 1 : 0,
        e.openedAt,
        e.closedAt,
      );
  }

  async getEvaluation(id: string): Promise<EvaluationRecord | null> {
    const row = this.db.prepare<unknown[], EvaluationRow>('SELECT * FROM evaluations WHERE id = ?').get(id);
    return row ? toEvaluation(row) : null;
  }

  async latestEvaluation(workshopId: string): Promise<EvaluationRecord | null> {
    const row = this.db
      .prepare<unknown[], EvaluationRow>(
        'SELECT * FROM evaluations WHERE workshop_id = ? ORDER BY opened_at DESC, id DESC LIMIT 1',
      )
      .get(workshopId);
    return row ? toEvaluation(row) : null;
  }

  async closeEvaluation(id: string, closedAt: number): Promise<void> {
    this.db.prepare("UPDATE evaluations SET status = 'closed', closed_at = ? WHERE id = ?").run(closedAt, id);
  }

  async saveResponse(r: EvaluationResponseRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO evaluation_responses (evaluation_id, respondent_key, respondent_name, ratings, text, answered_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(evaluation_id, respondent_key) DO UPDATE SET
           respondent_name = excluded.respondent_name, ratings = excluded.ratings,
           text = excluded.text, answered_at = excluded.answered_at`,
      )
      .run(r.evaluationId, r.respondentKey, r.respondentName, JSON.stringify(r.ratings), r.text, r.answeredAt);
  }

  async responses(evaluationId: string): Promise<EvaluationResponseRecord[]> {
    const rows = this.db
      .prepare<unknown[], EvaluationResponseRow>(
        'SELECT * FROM evaluation_responses WHERE evaluation_id = ? ORDER BY answered_at, respondent_key',
      )
      .all(evaluationId);
    return rows.map(toEvaluationResponse);
  }

  async hasResponded(evaluationId: string, respondentKey: string): Promise<boolean> {
    return !!this.db
      .prepare('SELECT 1 FROM evaluation_responses WHERE evaluation_id = ? AND respondent_key = ?')
      .get(evaluationId, respondentKey);
  }
}
