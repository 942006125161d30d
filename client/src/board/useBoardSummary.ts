import type { BoardView } from '@samle/shared';
import { useCallback, useEffect, useState } from 'react';
import { isSignedIn } from '../account/meStore';
import { getBoard } from '../api/boardsApi';
import { boardCredentials, withFirstAccepted } from '../api/credentials';
import { grants } from '../api/grants';
import { ApiRequestError, type Credential, isAccessRefusal } from '../api/http';
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

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reload trigger.
  useEffect(() => {
    const abort = new AbortController();
    (async () => {
      const store = grants();
      const candidates = boardCredentials({
        signedIn: await isSignedIn(),
        indexedWorkshopId: store.workshopOfBoard(boardId),
        grants: store.all(),
      });
      const { value: board, credential } = await withFirstAccepted(candidates, (c) =>
        getBoard(boardId, c, abort.signal),
      );
      if (board.workshopId) store.rememberBoards(board.workshopId, [board.id]);
      return { board, credential };
    })().then(
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
