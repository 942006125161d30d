export interface EvaluationRecord {
  id: string;
  workshopId: string;
  status: 'open' | 'closed';
  ratings: Array<{ id: string; label: string }>;
  freeText: string | null;
  anonymous: boolean;
  openedAt: number;
  closedAt: number | null;
}

export interface EvaluationResponseRecord {
  evaluationId: string;
  /** Keyed hash of the respondent's person id: one answer per person, without storing who. */
  respondentKey: string;
  /** Stored only when the evaluation is not anonymous. */
  respondentName: string | null;
  ratings: Record<string, number>;
  text: string | null;
  answeredAt: number;
}

export interface EvaluationStore {
  openEvaluation(evaluation: EvaluationRecord): Promise<void>;
  getEvaluation(id: string): Promise<EvaluationRecord | null>;
  /** The workshop's newest evaluation, open or closed. */
  latestEvaluation(workshopId: string): Promise<EvaluationRecord | null>;
  closeEvaluation(id: string, closedAt: number): Promise<void>;
  /** Saves a person's answer, replacing an earlier one. */
  saveResponse(response: EvaluationResponseRecord): Promise<void>;
  responses(evaluationId: string): Promise<EvaluationResponseRecord[]>;
  hasResponded(evaluationId: string, respondentKey: string): Promise<boolean>;
}
