import type { WorkshopDetail } from '@samle/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isSignedIn } from '../account/meStore';
import { withFirstAccepted, workshopCredentials } from '../api/credentials';
import { grants } from '../api/grants';
import { ApiRequestError, type Credential, isAccessRefusal } from '../api/http';
import { getWorkshop } from '../api/workshopApi';
import { forgetDetail, recallDetail, rememberDetail } from './detailCache';
import { documentVisibility, startPoller } from './poller';

export type WorkshopDetailState =
  | { status: 'loading' }
  | { status: 'ready'; detail: WorkshopDetail; credential: Credential; pollError: unknown }
  | { status: 'noAccess' }
  | { status: 'error'; error: unknown };

/**
 * The workshop as the caller may see it, asked again every `intervalMs` while
 * the tab is visible (so newly joined people appear). The first answer picks
 * the credential (cookie or grant); later polls reuse it. A failed poll keeps
 * the last detail on screen and reports the error beside it. Without the
 * server (a reload while offline), the last detail this browser was given is
 * used, with the network error as the poll error; a refusal forgets it.
 */
export function useWorkshopDetail(
  workshopId: string,
  intervalMs: number,
): { state: WorkshopDetailState; refresh: () => Promise<void>; retry: () => void } {
  const [state, setState] = useState<WorkshopDetailState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const credential = useRef<Credential | undefined>(undefined);
  const latest = useRef<{ refresh: () => Promise<void> }>({ refresh: async () => undefined });

  const accept = useCallback((detail: WorkshopDetail, used: Credential) => {
    credential.current = used;
    if (used.kind === 'grant') {
      grants().rememberBoards(
        detail.workshop.id,
        detail.sessions.flatMap((session) => session.boards.map((board) => board.id)),
      );
    }
    rememberDetail(storage(), { detail, credential: used });
    setState({ status: 'ready', detail, credential: used, pollError: undefined });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    let live = true;
    credential.current = undefined;
    setState({ status: 'loading' });

    const refresh = async () => {
      try {
        if (credential.current) {
          const used = credential.current;
          const detail = await getWorkshop(workshopId, used);
          if (live) accept(detail, used);
          return;
        }
        const candidates = workshopCredentials(await isSignedIn(), grants().get(workshopId));
        const found = await withFirstAccepted(candidates, (c) => getWorkshop(workshopId, c));
        if (live) accept(found.value, found.credential);
      } catch (error) {
        if (!live) return;
        if (isAccessRefusal(error)) {
          forgetDetail(storage(), workshopId);
          setState({ status: 'noAccess' });
          return;
        }
        setState((old) => {
          if (old.status === 'ready') return { ...old, pollError: error };
          const kept =
            error instanceof ApiRequestError && error.code === 'NETWORK'
              ? recallDetail(storage(), workshopId)
              : undefined;
          if (!kept) return { status: 'error', error };
          // Later polls try the credential this browser last used.
          credential.current = kept.credential;
          return { status: 'ready', ...kept, pollError: error };
        });
      }
    };
    latest.current.refresh = refresh;
    void refresh();
    const stop = startPoller({ run: refresh, intervalMs, visibility: documentVisibility });
    return () => {
      live = false;
      stop();
    };
  }, [workshopId, intervalMs, accept, attempt]);

  return {
    state,
    refresh: useCallback(() => latest.current.refresh(), []),
    retry: useCallback(() => setAttempt((n) => n + 1), []),
  };
}

function storage(): Storage | undefined {
  try {
    return localStorage;
  } catch (error) {
    console.warn('localStorage is not available', error);
    return undefined;
  }
}
