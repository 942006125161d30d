import type pg from 'pg';
import type { QuestionRecord, QuestionStore } from '../contracts/questionTypes.js';
import { questionColumns, questionValues } from '../insertColumns.js';
import { type QuestionRow, toQuestion } from '../rows.js';
import { insertRows } from './postgresDb.js';

export class PostgresQuestionStore implements QuestionStore {
  constructor(private readonly pool: pg.Pool) {}

  async createQuestion(q: QuestionRecord): Promise<void> {
    await insertRows(this.pool, 'questions', questionColumns, [questionValues(q)]);
  }

  async getQuestion(id: string): Promise<QuestionRecord | null> {
    const { rows } = await this.pool.query<QuestionRow>('SELECT * FROM questions WHERE id = $1', [id]);
    return rows[0] ? toQuestion(rows[0]) : null;
  }

  async listQuestions(workshopId: string): Promise<Array<QuestionRecord & { supports: number }>> {
    const { rows } = await this.pool.query<QuestionRow>(
      `SELECT q.*, (SELECT COUNT(*) FROM question_supports s WHERE s.question_id = q.id)::int AS supports
         FROM questions q WHERE q.workshop_id = $1 ORDER BY q.created_at, q.id`,
      [workshopId],
    );
    return rows.map((row) => ({ ...toQuestion(row), supports: row.supports ?? 0 }));
  }

  async setSupport(questionId: string, personId: string, supported: boolean): Promise<boolean> {
    const result = supported
      ? await this.pool.query(
          'INSERT INTO question_supports (question_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [questionId, personId],
        )
      : await this.pool.query('DELETE FROM question_supports WHERE question_id = $1 AND person_id = $2', [
          questionId,
          personId,
        ]);
    return (result.rowCount ?? 0) > 0;
  }

  async supportedBy(workshopId: string, personId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ question_id: string }>(
      `SELECT s.question_id FROM question_supports s JOIN questions q ON q.id = s.question_id
        WHERE q.workshop_id = $1 AND s.person_id = $2 ORDER BY s.question_id`,
      [workshopId, personId],
    );
    return rows.map((row) => row.question_id);
  }

  async answerQuestion(id: string, answer: string, answeredBy: string, answeredAt: number): Promise<void> {
    await this.pool.query(
      `UPDATE questions SET answer = $1, answered_by = $2, answered_at = COALESCE(answered_at, $3),
              status = CASE WHEN status = 'in_catalog' THEN status ELSE 'answered' END WHERE id = $4`,
      [answer, answeredBy, answeredAt, id],
    );
  }

  async hideQuestion(id: string, reason: string, hiddenAt: number): Promise<void> {
    await this.pool.query('UPDATE questions SET hidden_reason = $1, hidden_at = $2 WHERE id = $3', [
      reason,
      hiddenAt,
      id,
    ]);
  }

  async linkIdea(id: string, ideaId: string | null): Promise<void> {
    await this.pool.query(
      `UPDATE questions SET idea_id = $1::text,
         status = CASE WHEN $1::text IS NOT NULL THEN 'in_catalog' WHEN answered_at IS NOT NULL THEN 'answered' ELSE 'new' END
       WHERE id = $2`,
      [ideaId, id],
    );
  }
}
