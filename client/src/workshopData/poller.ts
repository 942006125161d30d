/**
 * Runs `run` every `intervalMs` while the page is visible: stops while the tab
 * is hidden, and catches up at once when it is shown again. A run still in
 * flight is never overlapped by the next.
 */
export interface Visibility {
  isHidden(): boolean;
  subscribe(onChange: () => void): () => void;
}

export function startPoller(options: { run: () => Promise<unknown>; intervalMs: number; visibility: Visibility }) {
  const { run, intervalMs, visibility } = options;
  let timer: ReturnType<typeof setInterval> | undefined;
  let inFlight = false;

  const tick = () => {
    if (inFlight) return;
    inFlight = true;
    // The caller's run owns its errors (it shows them); the poller only needs to know it ended.
    void run().finally(() => {
      inFlight = false;
    });
  };
  const start = () => {
    if (timer === undefined) timer = setInterval(tick, intervalMs);
  };
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const onVisibility = () => {
    if (visibility.isHidden()) {
      stop();
    } else if (timer === undefined) {
      tick();
      start();
    }
  };

  const unsubscribe = visibility.subscribe(onVisibility);
  if (!visibility.isHidden()) start();
  return () => {
    stop();
    unsubscribe();
  };
}

export const documentVisibility: Visibility = {
  isHidden: () => document.hidden,
  subscribe(onChange) {
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  },
};
