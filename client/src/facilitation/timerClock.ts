import { type TimerView, timeLeft } from '@samle/shared';

/**
 * How the shared timer looks at a moment: the clock text, and whether it runs,
 * is paused, or has reached zero. Time is never stored; it is read from the
 * control doc's `endsAt`/`remainingMs` and the local clock.
 */
export type TimerPhase = 'running' | 'paused' | 'done';

export interface TimerFace {
  phase: TimerPhase;
  /** Whole seconds left, rounded up: a timer started at 5 minutes shows 05:00, not 04:59. */
  seconds: number;
  text: string;
}

export function timerFace(timer: TimerView, now: number): TimerFace {
  const left = timeLeft(timer, now);
  const seconds = Math.ceil(left / 1000);
  const phase: TimerPhase = seconds === 0 ? 'done' : timer.endsAt === null ? 'paused' : 'running';
  return { phase, seconds, text: formatClock(seconds) };
}

/** `mm:ss`, or `h:mm:ss` from an hour up. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}

/**
 * Milliseconds until the shown second changes, so the display flips on the
 * second boundary instead of drifting up to a second behind an interval.
 */
export function msUntilNextSecond(timer: TimerView, now: number): number | null {
  if (timer.endsAt === null) return null;
  const left = timeLeft(timer, now);
  if (left === 0) return null;
  const intoSecond = left % 1000;
  return (intoSecond === 0 ? 1000 : intoSecond) + 5;
}

/**
 * Whether the chime should sound: only when this page watched the timer reach
 * zero while running — not when a page opens on a timer that ran out long ago,
 * and not when the facilitator pauses or clears it.
 */
export function reachedZero(previous: TimerFace | null, next: TimerFace | null): boolean {
  return previous !== null && previous.phase === 'running' && next !== null && next.phase === 'done';
}

/** Minutes typed into the custom field, or null when the server would refuse them (0.1–240). */
export function parseMinutes(input: string): number | null {
  const value = Number(input.trim().replace(',', '.'));
  if (input.trim() === '' || !Number.isFinite(value) || value < 0.1 || value > 240) return null;
  return value;
}

export const TIMER_PRESETS = [3, 5, 10] as const;
