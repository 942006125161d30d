import type { Viewport as SharedViewport } from '@samle/shared';
import { type Clock, throttle } from '../interaction/throttle';
import { sameSharedViewport } from './followViewport';

/** At most five viewport commands a second (the brief's limit; the server writes each to the control doc). */
export const PUBLISH_INTERVAL_MS = 200;

/**
 * Sends the facilitator's viewport while follow mode is on: at most one
 * command per interval, one at a time, always ending with the latest view (the
 * throttle's trailing call is the pan or zoom's end). A view equal to the last
 * one sent is not sent again. A failed send is reported and the next view
 * tries again.
 */
export interface ViewportPublisher {
  update(view: SharedViewport): void;
  cancel(): void;
}

export function createViewportPublisher(options: {
  send: (view: SharedViewport) => Promise<void>;
  onError: (error: unknown) => void;
  intervalMs?: number;
  clock?: Clock;
}): ViewportPublisher {
  const { send, onError, intervalMs = PUBLISH_INTERVAL_MS, clock } = options;
  let lastSent: SharedViewport | null = null;
  let inFlight = false;
  let waiting: SharedViewport | null = null;
  let cancelled = false;

  const deliver = (view: SharedViewport) => {
    if (cancelled || sameSharedViewport(view, lastSent)) return;
    if (inFlight) {
      waiting = view;
      return;
    }
    inFlight = true;
    lastSent = view;
    send(view)
      .catch((error: unknown) => {
        lastSent = null;
        onError(error);
      })
      .finally(() => {
        inFlight = false;
        const next = waiting;
        waiting = null;
        if (next) deliver(next);
      });
  };
  const throttled = throttle(deliver, intervalMs, clock);

  return {
    update: (view) => throttled(view),
    cancel() {
      cancelled = true;
      throttled.cancel();
      waiting = null;
    },
  };
}
