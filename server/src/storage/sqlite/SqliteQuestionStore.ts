import type Database from 'better-sqlite3';
import type { QuestionRecord, QuestionStore } from '../contracts/questionTypes.js';
import { questionColumns, questionValues } from '../insertColumns.js';
import { type QuestionRow, toQuestion } from '../rows.js';
import { insertRow } from './sqliteInsert.js';

export class SqliteQuestionStore implements QuestionStore {
  constructor(private readonly db: Database.Database) {}

  async createQuestion(q: QuestionRecord): Promise<void> {
    insertRow(this.db, 'questions', questionColumns, questionValues(q));
  }

  async getQuestion(id: string): Promise<QuestionRecord | null> {
    const row = this.db.prepare<unknown[], QuestionRow>('SELECT * FROM questions WHERE id = ?').get(id);
    return row ? toQuestion(row) : null;
  }

  async listQuestions(workshopId: string): Promise<Array<QuestionRecord & { supports: number }>> {
    const rows = this.db
      .prepare<unknown[], QuestionRow>(
        `SELECT q.*, (SELECT COUNT(*) FROM question_supports s WHERE s.question_id = q.id) AS supports
           FROM questions q WHERE q.workshop_id = ? ORDER BY q.created_at, q.id`,
      )
      .all(workshopId);
    return rows.map((row) => ({ ...toQuestion(row), supports: row.supports ?? 0 }));
  }

  async setSupport(questionId: string, personId: string, supported: boolean): Promise<boolean> {
    const result = supported
      ? this.db
          .prepare('INSERT OR IGNORE INTO question_supports (question_id, person_id) VALUES (?, ?)')
          .run(questionId, personId)
      : this.db
          .prepare('DELETE FROM question_supports WHERE question_id = ? AND person_id = ?')
          .run(questionId, personId);
    return result.changes > 0;
  }

  async supportedBy(workshopId: string, personId: string): Promise<string[]> {
    const rows = this.db
      .prepare<unknown[], { question_id: string }>(
        `SELECT s.question_id FROM question_supports s JOIN questions q ON q.id = s.question_id
          WHERE q.workshop_id = ? AND s.person_id = ? ORDER BY s.question_id`,
      )
      .all(workshopId, personId);
    return rows.map((row) => row.question_id);
  }

  async answerQuestion(id: string, answer: string, answeredBy: string, answeredAt: number): Promise<void> {
    this.db
      .prepare(
        `UPDATE questions SET answer = ?, answered_by = ?, answered_at = COALESCE(answered_at, ?),
                status = CASE WHEN status = 'in_catalog' THEN status ELSE 'answered' END WHERE id = ?`,
      )
      .run(answer, answeredBy, answeredAt, id);
  }

  async hideQuestion(id: string, reason: string, hiddenAt: number): Promise<void> {
    this.db.prepare('UPDATE questions SET hidden_reason = ?, hidden_at = ? WHERE id = ?').run(reason, hiddenAt, id);
  }

  async linkIdea(id: string, ideaId: string | null): Promise<void> {
    this.db
      .prepare(
        `UPDATE questions SET idea_id = ?,
           status = CASE WHEN ? IS NOT NULL THEN 'in_catalog' WHEN answered_at IS NOT NULL THEN 'answered' ELSE 'new' END
         WHERE id = ?`,
      )
      .run(ideaId, ideaId, id);
  }
}
