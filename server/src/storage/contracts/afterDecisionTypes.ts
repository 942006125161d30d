/** When an agenda item ran: the facilitator made it current at `startedAt`, and moved on (or ended) at `endedAt`. */
export interface AgendaRun {
  sessionId: string;
  itemId: string;
  startedAt: number;
  endedAt: number | null;
}

/** One person's answer to an impact pulse, for all its decisions at once. */
export interface PulseAnswerRecord {
  pulseId: string;
  workshopId: string;
  /** Keyed hash of the person id: one answer per person without storing who. */
  respondentKey: string;
  /** Stored only when the pulse is not anonymous. */
  respondentName: string | null;
  answers: Array<{ ideaId: string; happened: number; helped: number; comment: string | null }>;
  answeredAt: number;
}

/** What the session report, the impact pulse and the calendar feed keep beside the documents (migrations 15, 16, 20). */
export interface AfterDecisionStore {
  /** The running item stops at `at`; `itemId` (if any) starts running. */
  recordCurrentItem(sessionId: string, itemId: string | null, at: number): Promise<void>;
  /** Oldest first. */
  agendaRuns(sessionId: string): Promise<AgendaRun[]>;
  /** Saves the answer; false (and nothing changes) when this person has answered this pulse already. */
  savePulseAnswer(answer: PulseAnswerRecord): Promise<boolean>;
  pulseAnswers(pulseId: string): Promise<PulseAnswerRecord[]>;
  hasAnsweredPulses(workshopId: string, respondentKey: string): Promise<string[]>;
  /** The salt of the workshop's calendar feed token; null when it has no feed. */
  calendarFeedSalt(workshopId: string): Promise<string | null>;
  /** Sets a new salt (a new link; the old one stops working), or removes the feed with null. */
  setCalendarFeed(workshopId: string, salt: string | null, at: number): Promise<void>;
}
