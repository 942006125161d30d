import type { Evaluation, EvaluationResults } from '@samle/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getEvaluationResults, getLatestEvaluation } from '../api/evaluationApi';
import type { Credential } from '../api/http';
import { documentVisibility, startPoller } from '../workshopData/poller';

export type EvaluationState =
  | { status: 'loading' }
  | { status: 'ready'; evaluation: Evaluation | null }
  | { status: 'error'; error: unknown };

/**
 * The workshop's newest evaluation (null before the first), asked again every
 * `intervalMs` while the tab is visible, so a participant's page shows the form
 * as soon as the facilitator opens it, and the thanks when it closes.
 */
export function useLatestEvaluation(
  workshopId: string,
  credential: Credential,
  intervalMs: number,
): { state: EvaluationState; refresh: () => Promise<void>; set: (evaluation: Evaluation) => void } {
  const [state, setState] = useState<EvaluationState>({ status: 'loading' });
  const live = useRef(true);
  const refresh = useCallback(async () => {
    try {
      const evaluation = await getLatestEvaluation(workshopId, credential);
      if (live.current) setState({ status: 'ready', evaluation });
    } catch (error) {
      if (live.current) setState((old) => (old.status === 'ready' ? old : { status: 'error', error }));
    }
  }, [workshopId, credential]);

  useEffect(() => {
    live.current = true;
    void refresh();
    const stop = startPoller({ run: refresh, intervalMs, visibility: documentVisibility });
    return () => {
      live.current = false;
      stop();
    };
  }, [refresh, intervalMs]);

  const set = useCallback((evaluation: Evaluation) => setState({ status: 'ready', evaluation }), []);
  return { state, refresh, set };
}

/** An evaluation's results: polled every `intervalMs` while `live` (the evaluation is open), read once otherwise. */
export function useEvaluationResults(
  evaluationId: string,
  credential: Credential,
  live: boolean,
  intervalMs: number,
): { results: EvaluationResults | undefined; error: unknown } {
  const [results, setResults] = useState<EvaluationResults>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let mounted = true;
    const load = async () => {
      try {
        const answer = await getEvaluationResults(evaluationId, credential);
        if (!mounted) return;
        setResults(answer);
        setError(undefined);
      } catch (failure) {
        if (mounted) setError(failure);
      }
    };
    void load();
    const stop = live ? startPoller({ run: load, intervalMs, visibility: documentVisibility }) : () => {};
    return () => {
      mounted = false;
      stop();
    };
  }, [evaluationId, credential, live, intervalMs]);
  return { results, error };
}
