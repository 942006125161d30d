import type { BoardSummary } from '@samle/shared';
import { useCallback, useEffect, useState } from 'react';
import { listBoards } from '../api/boardsApi';

export type BoardsState =
  | { status: 'loading' }
  | { status: 'ready'; boards: BoardSummary[] }
  | { status: 'error'; error: unknown };

/** The board list from the API, with a reload for the error state's "Try again". */
export function useBoards(): { state: BoardsState; reload: () => void } {
  const [state, setState] = useState<BoardsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reload trigger.
  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    listBoards(abort.signal).then(
      (boards) => setState({ status: 'ready', boards }),
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => abort.abort();
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
