import type { TimerView } from '@samle/shared';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { playChime, timerSound } from './chime';
import { msUntilNextSecond, reachedZero, type TimerFace, timerFace } from './timerClock';

/**
 * The timer as shown now, re-rendering on each second boundary while it runs.
 * Time is computed from the control doc and the local clock, never stored.
 */
export function useTimerFace(timer: TimerView | null): TimerFace | null {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!timer) return;
    let handle: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      const delay = msUntilNextSecond(timer, Date.now());
      if (delay === null) return;
      handle = setTimeout(() => {
        setTick((n) => n + 1);
        schedule();
      }, delay);
    };
    schedule();
    return () => clearTimeout(handle);
  }, [timer]);
  // Read the clock while rendering: a timer that just changed must not be shown against a stale time.
  return timer ? timerFace(timer, Date.now()) : null;
}

/** Plays the chime once when this page sees the running timer reach zero (unless muted). */
export function useTimerAlarm(face: TimerFace | null): boolean {
  const previous = useRef<TimerFace | null>(null);
  const [rang, setRang] = useState(0);
  useEffect(() => {
    if (reachedZero(previous.current, face)) {
      setRang((n) => n + 1);
      if (!timerSound.isMuted()) playChime();
    }
    previous.current = face;
  }, [face]);
  return rang > 0;
}

export function useTimerMuted(): boolean {
  return useSyncExternalStore(timerSound.subscribe, timerSound.isMuted);
}
