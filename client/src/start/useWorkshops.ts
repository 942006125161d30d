import type { WorkshopSummary } from '@samle/shared';
import { useCallback, useEffect, useState } from 'react';
import { listWorkshops } from '../api/workshopApi';

export type WorkshopsState =
  | { status: 'loading' }
  | { status: 'ready'; workshops: WorkshopSummary[] }
  | { status: 'error'; error: unknown };

/** The signed-in facilitator's workshops, with a reload for "Try again". */
export function useWorkshops(): { state: WorkshopsState; reload: () => void } {
  const [state, setState] = useState<WorkshopsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reload trigger.
  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    listWorkshops(abort.signal).then(
      (workshops) => setState({ status: 'ready', workshops }),
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => abort.abort();
  }, [attempt]);

  return { state, reload: useCallback(() => setAttempt((n) => n + 1), []) };
}
