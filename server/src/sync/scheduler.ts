/**
 * The relay's time: a clock and a scheduler, injected together so that a test can
 * run every window, idle unload and cold timer by hand instead of sleeping.
 */

/** Stops a scheduled task; calling it after the task ran does nothing. */
export type Cancel = () => void;

export interface Scheduler {
  /** Milliseconds, monotonic enough for windows and ages. */
  now(): number;
  /** Runs `task` once every frame already read from the sockets has been handled (the next turn). */
  soon(task: () => void): Cancel;
  /** Runs `task` after `ms` milliseconds. */
  after(ms: number, task: () => void): Cancel;
  /** Like `after`, but the timer never keeps the process alive (idle unloads, going cold). */
  background(ms: number, task: () => void): Cancel;
  /** How busy the process has been lately: the share of the last moment (≥ 100 ms) its event loop spent working, 0–1. */
  load(): number;
}

/** The shortest span `load` is measured over: shorter spans say more about one burst than about the load. */
export const LOAD_SPAN_MS = 100;

/** The event loop's utilisation (Node's `performance.eventLoopUtilization`) over the last span of at least LOAD_SPAN_MS. */
export function loopLoad(now: () => number): () => number {
  let mark = performance.eventLoopUtilization();
  let markedAt = now();
  let value = 0;
  return () => {
    const at = now();
    if (at - markedAt < LOAD_SPAN_MS) return value;
    const current = performance.eventLoopUtilization();
    value = performance.eventLoopUtilization(current, mark).utilization;
    mark = current;
    markedAt = at;
    return value;
  };
}

/** Node's timers and `performance.now()`. */
export function systemScheduler(now: () => number = () => performance.timeOrigin + performance.now()): Scheduler {
  return {
    now,
    load: loopLoad(now),
    soon(task) {
      const immediate = setImmediate(task);
      return () => clearImmediate(immediate);
    },
    after(ms, task) {
      const timer = setTimeout(task, ms);
      return () => clearTimeout(timer);
    },
    background(ms, task) {
      const timer = setTimeout(task, ms);
      timer.unref();
      return () => clearTimeout(timer);
    },
  };
}
