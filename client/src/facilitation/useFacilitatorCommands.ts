import type { BoardSettingsBody, FollowBody, TimerCommandBody, VoteCommandBody } from '@samle/shared';
import { useCallback, useMemo, useState } from 'react';
import {
  commandBoardSettings,
  commandFollow,
  commandPrivateWriting,
  commandTimer,
  commandVote,
} from '../api/facilitationApi';
import { ApiRequestError } from '../api/http';

export interface FacilitatorCommands {
  boardId: string;
  busy: boolean;
  /** The code of the last refused command, until the next one succeeds or it is dismissed. */
  errorCode: string | null;
  timer(command: TimerCommandBody): Promise<boolean>;
  vote(command: VoteCommandBody): Promise<boolean>;
  /** Starts private writing, or reveals it; resolves with how many drafts were revealed, or null when refused. */
  privateWriting(on: boolean): Promise<number | null>;
  /** Follow mode on/off, the spotlight; resolves true when accepted. */
  follow(body: FollowBody): Promise<boolean>;
  /** The board's settings (anonymous or not); resolves true when accepted. */
  settings(body: BoardSettingsBody): Promise<boolean>;
  /** Reports a failure of a command sent outside `run` (the viewport stream of follow mode). */
  report(error: unknown): void;
  dismiss(): void;
}

function codeOf(error: unknown): string {
  if (!(error instanceof ApiRequestError)) console.error('Facilitation command failed', error);
  return error instanceof ApiRequestError ? error.code : 'UNKNOWN';
}

/** The facilitator's board commands (timer, vote, private writing, follow); each reports a refusal as `errorCode`. */
export function useFacilitatorCommands(boardId: string): FacilitatorCommands {
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(null);

  const run = useCallback(async <T>(send: () => Promise<T>): Promise<{ value: T } | null> => {
    setBusy(true);
    try {
      const value = await send();
      setErrorCode(null);
      return { value };
    } catch (error) {
      setErrorCode(codeOf(error));
      return null;
    } finally {
      setBusy(false);
    }
  }, []);

  const timer = useCallback(
    async (command: TimerCommandBody) => (await run(() => commandTimer(boardId, command))) !== null,
    [boardId, run],
  );
  const vote = useCallback(
    async (command: VoteCommandBody) => (await run(() => commandVote(boardId, command))) !== null,
    [boardId, run],
  );
  const privateWriting = useCallback(
    async (on: boolean) => (await run(() => commandPrivateWriting(boardId, { on })))?.value.revealed ?? null,
    [boardId, run],
  );
  const follow = useCallback(
    async (body: FollowBody) => (await run(() => commandFollow(boardId, body))) !== null,
    [boardId, run],
  );
  const settings = useCallback(
    async (body: BoardSettingsBody) => (await run(() => commandBoardSettings(boardId, body))) !== null,
    [boardId, run],
  );
  const report = useCallback((error: unknown) => setErrorCode(codeOf(error)), []);
  const dismiss = useCallback(() => setErrorCode(null), []);

  return useMemo(
    () => ({ boardId, busy, errorCode, timer, vote, privateWriting, follow, settings, report, dismiss }),
    [boardId, busy, errorCode, timer, vote, privateWriting, follow, settings, report, dismiss],
  );
}
