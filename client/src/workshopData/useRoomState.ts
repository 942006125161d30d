import type { RoomState } from '@samle/shared';
import { useEffect, useState } from 'react';
import type { Credential } from '../api/http';
import { getRoom } from '../api/roomApi';
import { documentVisibility, startPoller } from './poller';

/** The session's room (done marks, live counts), asked every `intervalMs` while the tab is visible. */
export function useRoomState(
  sessionId: string | undefined,
  intervalMs: number,
  credential?: Credential,
): { room: RoomState | undefined; error: unknown; refresh: () => void } {
  const [room, setRoom] = useState<RoomState>();
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` asks again at once (after marking done).
  useEffect(() => {
    if (!sessionId) return;
    let live = true;
    const run = async () => {
      try {
        const next = await getRoom(sessionId, credential);
        if (live) {
          setRoom(next);
          setError(undefined);
        }
      } catch (caught) {
        if (live) setError(caught);
      }
    };
    void run();
    const stop = startPoller({ run, intervalMs, visibility: documentVisibility });
    return () => {
      live = false;
      stop();
    };
  }, [sessionId, intervalMs, credential, tick]);
  return { room, error, refresh: () => setTick((n) => n + 1) };
}
