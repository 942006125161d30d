import type { BoardView } from '@samle/shared';
import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError, type Credential, isAccessRefusal } from '../api/http';
import { loadBoardRecord, takeEarlyBoardRecord } from './earlyBoardRecord';
import { forgetSummary, recallSummary, rememberSummary } from './summaryCache';

export type BoardSummaryState =
  | { status: 'loading' }
  /** `offline`: the server could not be reached; this is the record kept from the last visit. */
  | { status: 'ready'; board: BoardView; credential: Credential; offline?: boolean }
  | { status: 'notFound' }
  | { status: 'error'; error: unknown };

/**
 * The board's API record and the credential that may open it: tells "does not
 * exist (for you)" apart from "could not ask". `reload` asks again, e.g. after
 * the server said the access changed; the previous answer stays on screen meanwhile.
 */
export function useBoardSummary(boardId: string): { state: BoardSummaryState; reload: () => void } {
  const [state, setState] = useState<BoardSummaryState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    ((attempt === 0 ? takeEarlyBoardRecord(boardId) : undefined) ?? loadBoardRecord(boardId, abort.signal)).then(
      ({ board, credential }) => {
        if (abort.signal.aborted) return;
        rememberSummary(storage(), { board, credential });
        setState({ status: 'ready', board, credential });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (isAccessRefusal(error)) {
          forgetSummary(storage(), boardId);
          setState({ status: 'notFound' });
          return;
        }
        // Without the server, the board opens from this device's copy (edits sync when it is back).
        const kept =
          error instanceof ApiRequestError && error.code === 'NETWORK' ? recallSummary(storage(), boardId) : undefined;
        setState(kept ? { status: 'ready', ...kept, offline: true } : { status: 'error', error });
      },
    );
    return () => abort.abort();
  }, [boardId, attempt]);

  return { state, reload: useCallback(() => setAttempt((n) => n + 1), []) };
}

function storage(): Storage | undefined {
  try {
    return localStorage;
  } catch (error) {
    console.warn('localStorage is not available', error);
    return undefined;
  }
}
