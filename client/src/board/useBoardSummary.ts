import type { BoardView } from '@samle/shared';
import { useCallback, useEffect, useState } from 'react';
import { isSignedIn } from '../account/meStore';
import { getBoard } from '../api/boardsApi';
import { boardCredentials, withFirstAccepted } from '../api/credentials';
import { grants } from '../api/grants';
import { type Credential, isAccessRefusal } from '../api/http';

export type BoardSummaryState =
  | { status: 'loading' }
  | { status: 'ready'; board: BoardView; credential: Credential }
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
        if (!abort.signal.aborted) setState({ status: 'ready', board, credential });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setState(isAccessRefusal(error) ? { status: 'notFound' } : { status: 'error', error });
      },
    );
    return () => abort.abort();
  }, [boardId, attempt]);

  return { state, reload: useCallback(() => setAttempt((n) => n + 1), []) };
}
