import type { BoardSummary } from '@samle/shared';
import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError, getBoard } from '../api/boardsApi';

export type BoardSummaryState =
  | { status: 'loading' }
  | { status: 'ready'; board: BoardSummary }
  | { status: 'notFound' }
  | { status: 'error'; error: unknown };

/** The board's API record: tells "does not exist" apart from "could not ask". */
export function useBoardSummary(boardId: string): { state: BoardSummaryState; reload: () => void } {
  const [state, setState] = useState<BoardSummaryState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reload trigger.
  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    getBoard(boardId, abort.signal).then(
      (board) => setState({ status: 'ready', board }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const notFound = error instanceof ApiRequestError && (error.status === 404 || error.code === 'BOARD_NOT_FOUND');
        setState(notFound ? { status: 'notFound' } : { status: 'error', error });
      },
    );
    return () => abort.abort();
  }, [boardId, attempt]);

  return { state, reload: useCallback(() => setAttempt((n) => n + 1), []) };
}
