import type pg from 'pg';
import type { EvaluationRecord, EvaluationResponseRecord, EvaluationStore } from '../contracts/evaluationTypes.js';
import { type EvaluationResponseRow, type EvaluationRow, toEvaluation, toEvaluationResponse } from '../rows.js';

export class PostgresEvaluationStore implements EvaluationStore {
  constructor(private readonly pool: pg.Pool) {}

  async openEvaluation(e: EvaluationRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO evaluations (id, workshop_id, status, ratings, free_text, anonymous, opened_at, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.id, e.workshopId, e.status, JSON.stringify(e.ratings), e.freeText, e.anonymous, e.openedAt, e.closedAt],
    );
  }

  async getEvaluation(id: string): Promise<EvaluationRecord | null> {
    const { rows } = await this.pool.query<EvaluationRow>('SELECT * FROM evaluations WHERE id = $1', [id]);
    return rows[0] ? toEvaluation(rows[0]) : null;
  }

  async latestEvaluation(workshopId: string): Promise<EvaluationRecord | null> {
    const { rows } = await this.pool.query<EvaluationRow>(
      'SELECT * FROM evaluations WHERE workshop_id = $1 ORDER BY opened_at DESC, id DESC LIMIT 1',
      [workshopId],
    );
    return rows[0] ? toEvaluation(rows[0]) : null;
  }

  async closeEvaluation(id: string, closedAt: number): Promise<void> {
    await this.pool.query("UPDATE evaluations SET status = 'closed', closed_at = $1 WHERE id = $2", [closedAt, id]);
  }

  async saveResponse(r: EvaluationResponseRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO evaluation_responses (evaluation_id, respondent_key, respondent_name, ratings, text, answered_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (evaluation_id, respondent_key) DO UPDATE SET
         respondent_name = EXCLUDED.respondent_name, ratings = EXCLUDED.ratings,
         text = EXCLUDED.text, answered_at = EXCLUDED.answered_at`,
      [r.evaluationId, r.respondentKey, r.respondentName, JSON.stringify(r.ratings), r.text, r.answeredAt],
    );
  }

  async responses(evaluationId: string): Promise<EvaluationResponseRecord[]> {
    const { rows } = await this.pool.query<EvaluationResponseRow>(
      'SELECT * FROM evaluation_responses WHERE evaluation_id = $1 ORDER BY answered_at, respondent_key',
      [evaluationId],
    );
    return rows.map(toEvaluationResponse);
  }

  async hasResponded(evaluationId: string, respondentKey: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      'SELECT 1 FROM evaluation_responses WHERE evaluation_id = $1 AND respondent_key = $2',
      [evaluationId, respondentKey],
    );
    return rows.length > 0;
  }
}
