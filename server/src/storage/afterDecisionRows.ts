import type { AgendaRun, PulseAnswerRecord } from './contracts/afterDecisionTypes.js';

/** Rows of agenda_runs and pulse_answers as both databases return them (PostgreSQL's BIGINTs as strings). */
export interface RunRow {
  session_id: string;
  item_id: string;
  started_at: number;
  ended_at: number | null;
}
export interface AnswerRow {
  pulse_id: string;
  workshop_id: string;
  respondent_key: string;
  respondent_name: string | null;
  answers: string;
  answered_at: number;
}

export function toAgendaRun(row: RunRow): AgendaRun {
  return {
    sessionId: row.session_id,
    itemId: row.item_id,
    startedAt: Number(row.started_at),
    endedAt: row.ended_at === null ? null : Number(row.ended_at),
  };
}

export function toPulseAnswer(row: AnswerRow): PulseAnswerRecord {
  return {
    pulseId: row.pulse_id,
    workshopId: row.workshop_id,
    respondentKey: row.respondent_key,
    respondentName: row.respondent_name,
    answers: JSON.parse(row.answers) as PulseAnswerRecord['answers'],
    answeredAt: Number(row.answered_at),
  };
}
