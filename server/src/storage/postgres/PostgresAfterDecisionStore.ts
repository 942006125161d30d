import type pg from 'pg';
import { type AnswerRow, type RunRow, toAgendaRun, toPulseAnswer } from '../afterDecisionRows.js';
import type { AfterDecisionStore, AgendaRun, PulseAnswerRecord } from '../contracts/afterDecisionTypes.js';

export class PostgresAfterDecisionStore implements AfterDecisionStore {
  constructor(private readonly pool: pg.Pool) {}

  async recordCurrentItem(sessionId: string, itemId: string | null, at: number): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('UPDATE agenda_runs SET ended_at = $1 WHERE session_id = $2 AND ended_at IS NULL', [
        at,
        sessionId,
      ]);
      if (itemId !== null) {
        await client.query(
          'INSERT INTO agenda_runs (session_id, item_id, started_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
          [sessionId, itemId, at],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async agendaRuns(sessionId: string): Promise<AgendaRun[]> {
    const { rows } = await this.pool.query<RunRow>(
      'SELECT * FROM agenda_runs WHERE session_id = $1 ORDER BY started_at, item_id',
      [sessionId],
    );
    return rows.map(toAgendaRun);
  }

  async savePulseAnswer(a: PulseAnswerRecord): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO pulse_answers (pulse_id, workshop_id, respondent_key, respondent_name, answers, answered_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [a.pulseId, a.workshopId, a.respondentKey, a.respondentName, JSON.stringify(a.answers), a.answeredAt],
    );
    return result.rowCount === 1;
  }

  async pulseAnswers(pulseId: string): Promise<PulseAnswerRecord[]> {
    const { rows } = await this.pool.query<AnswerRow>(
      'SELECT * FROM pulse_answers WHERE pulse_id = $1 ORDER BY answered_at',
      [pulseId],
    );
    return rows.map(toPulseAnswer);
  }

  async hasAnsweredPulses(workshopId: string, respondentKey: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ pulse_id: string }>(
      'SELECT pulse_id FROM pulse_answers WHERE workshop_id = $1 AND respondent_key = $2',
      [workshopId, respondentKey],
    );
    return rows.map((r) => r.pulse_id);
  }

  async calendarFeedSalt(workshopId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ salt: string }>('SELECT salt FROM calendar_feeds WHERE workshop_id = $1', [
      workshopId,
    ]);
    return rows[0]?.salt ?? null;
  }

  async setCalendarFeed(workshopId: string, salt: string | null, at: number): Promise<void> {
    if (salt === null) {
      await this.pool.query('DELETE FROM calendar_feeds WHERE workshop_id = $1', [workshopId]);
      return;
    }
    await this.pool.query(
      `INSERT INTO calendar_feeds (workshop_id, salt, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (workshop_id) DO UPDATE SET salt = EXCLUDED.salt, created_at = EXCLUDED.created_at`,
      [workshopId, salt, at],
    );
  }
}
