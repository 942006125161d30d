import type Database from 'better-sqlite3';
import { type AnswerRow, type RunRow, toAgendaRun, toPulseAnswer } from '../afterDecisionRows.js';
import type { AfterDecisionStore, AgendaRun, PulseAnswerRecord } from '../contracts/afterDecisionTypes.js';

export class SqliteAfterDecisionStore implements AfterDecisionStore {
  constructor(private readonly db: Database.Database) {}

  async recordCurrentItem(sessionId: string, itemId: string | null, at: number): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE agenda_runs SET ended_at = ? WHERE session_id = ? AND ended_at IS NULL')
        .run(at, sessionId);
      if (itemId !== null) {
        this.db
          .prepare('INSERT OR IGNORE INTO agenda_runs (session_id, item_id, started_at) VALUES (?, ?, ?)')
          .run(sessionId, itemId, at);
      }
    })();
  }

  async agendaRuns(sessionId: string): Promise<AgendaRun[]> {
    const rows = this.db
      .prepare<unknown[], RunRow>('SELECT * FROM agenda_runs WHERE session_id = ? ORDER BY started_at, item_id')
      .all(sessionId);
    return rows.map(toAgendaRun);
  }

  async savePulseAnswer(a: PulseAnswerRecord): Promise<boolean> {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO pulse_answers (pulse_id, workshop_id, respondent_key, respondent_name, answers, answered_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(a.pulseId, a.workshopId, a.respondentKey, a.respondentName, JSON.stringify(a.answers), a.answeredAt);
    return result.changes === 1;
  }

  async pulseAnswers(pulseId: string): Promise<PulseAnswerRecord[]> {
    const rows = this.db
      .prepare<unknown[], AnswerRow>('SELECT * FROM pulse_answers WHERE pulse_id = ? ORDER BY answered_at')
      .all(pulseId);
    return rows.map(toPulseAnswer);
  }

  async hasAnsweredPulses(workshopId: string, respondentKey: string): Promise<string[]> {
    const rows = this.db
      .prepare<unknown[], { pulse_id: string }>(
        'SELECT pulse_id FROM pulse_answers WHERE workshop_id = ? AND respondent_key = ?',
      )
      .all(workshopId, respondentKey);
    return rows.map((r) => r.pulse_id);
  }

  async calendarFeedSalt(workshopId: string): Promise<string | null> {
    const row = this.db
      .prepare<unknown[], { salt: string }>('SELECT salt FROM calendar_feeds WHERE workshop_id = ?')
      .get(workshopId);
    return row?.salt ?? null;
  }

  async setCalendarFeed(workshopId: string, salt: string | null, at: number): Promise<void> {
    if (salt === null) {
      this.db.prepare('DELETE FROM calendar_feeds WHERE workshop_id = ?').run(workshopId);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO calendar_feeds (workshop_id, salt, created_at) VALUES (?, ?, ?)
         ON CONFLICT (workshop_id) DO UPDATE SET salt = excluded.salt, created_at = excluded.created_at`,
      )
      .run(workshopId, salt, at);
  }
}
