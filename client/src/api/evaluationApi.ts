import type { Evaluation, EvaluationResponseBody, EvaluationResults, OpenEvaluationBody } from '@samle/shared';
import { ApiRequestError, type Credential, request } from './http';

/** Evaluating the process (docs/api.md, "Evaluation"). */

const enc = encodeURIComponent;

export const openEvaluation = (workshopId: string, body: OpenEvaluationBody, credential: Credential) =>
  request<Evaluation>(`/api/workshops/${enc(workshopId)}/evaluations`, { method: 'POST', body, credential });

/** The workshop's newest evaluation, or null while there has been none (`404 NO_EVALUATION`). */
export async function getLatestEvaluation(
  workshopId: string,
  credential: Credential,
  signal?: AbortSignal,
): Promise<Evaluation | null> {
  try {
    return await request<Evaluation>(`/api/workshops/${enc(workshopId)}/evaluation`, {
      credential,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof ApiRequestError && error.code === 'NO_EVALUATION') return null;
    throw error;
  }
}

export const respondToEvaluation = (evaluationId: string, body: EvaluationResponseBody, credential: Credential) =>
  request<void>(`/api/evaluations/${enc(evaluationId)}/responses`, { method: 'POST', body, credential });

export const getEvaluationResults = (evaluationId: string, credential: Credential, signal?: AbortSignal) =>
  request<EvaluationResults>(`/api/evaluations/${enc(evaluationId)}/results`, {
    credential,
    ...(signal ? { signal } : {}),
  });

export const closeEvaluation = (evaluationId: string, credential: Credential) =>
  request<Evaluation>(`/api/evaluations/${enc(evaluationId)}/close`, { method: 'POST', body: {}, credential });

/** The CSV export: a plain link, downloaded with the facilitator's cookie. */
export function evaluationCsvPath(evaluationId: string): string {
  return `/api/evaluations/${enc(evaluationId)}/results.csv`;
}
