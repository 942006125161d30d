/**
 * Leading + trailing throttle: the first call runs at once, later calls within
 * `intervalMs` collapse into one call with the latest arguments at the end of
 * the interval. Used for awareness cursors (~30 Hz), where the last position
 * must always arrive.
 */
export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  cancel(): void;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  intervalMs: number,
  clock: Clock = realClock,
): Throttled<A> {
  let last = Number.NEGATIVE_INFINITY;
  let pending: A | undefined;
  let timer: unknown;

  const flush = () => {
    timer = undefined;
    if (!pending) return;
    const args = pending;
    pending = undefined;
    last = clock.now();
    fn(...args);
  };

  const throttled = (...args: A) => {
    const wait = last + intervalMs - clock.now();
    if (wait <= 0 && timer === undefined) {
      last = clock.now();
      fn(...args);
      return;
    }
    pending = args;
    if (timer === undefined) timer = clock.setTimeout(flush, Math.max(0, wait));
  };
  throttled.cancel = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return throttled;
}
