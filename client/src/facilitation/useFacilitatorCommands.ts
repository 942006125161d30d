import type { TimerCommandBody, VoteCommandBody } from '@samle/shared';
import { useCallback, useState } from 'react';
import { commandTimer, commandVote } from '../api/facilitationApi';
import { ApiRequestError } from '../api/http';

export interface FacilitatorCommands {
  busy: boolean;
  /** The code of the last refused command, until the next one succeeds or it is dismissed. */
  errorCode: string | null;
  timer(command: TimerCommandBody): Promise<boolean>;
  vote(command: VoteCommandBody): Promise<boolean>;
  dismiss(): void;
}

/** The facilitator's timer and vote commands; each resolves true when the server accepted it. */
export function useFacilitatorCommands(boardId: string): FacilitatorCommands {
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(null);

  const run = useCallback(async (send: () => Promise<void>) => {
    setBusy(true);
    try {
      await send();
      setErrorCode(null);
      return true;
    } catch (error) {
      setErrorCode(error instanceof ApiRequestError ? error.code : 'UNKNOWN');
      if (!(error instanceof ApiRequestError)) console.error('Facilitation command failed', error);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  return {
    busy,
    errorCode,
    timer: useCallback((command) => run(() => commandTimer(boardId, command)), [boardId, run]),
    vote: useCallback((command) => run(() => commandVote(boardId, command)), [boardId, run]),
    dismiss: useCallback(() => setErrorCode(null), []),
  };
}
