import { describe, expect, it } from 'vitest';
import { type Clock, throttle } from './throttle';

/** A clock the test advances by hand, so no test sleeps. */
function manualClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const t of due) t.fn();
  };
  return { clock, advance };
}

describe('throttle', () => {
  it('sends the first cursor position at once and the latest one at the end of the interval', () => {
    const { clock, advance } = manualClock();
    const sent: number[] = [];
    const send = throttle((x: number) => sent.push(x), 33, clock);
    send(1);
    send(2);
    send(3);
    expect(sent).toEqual([1]);
    advance(33);
    expect(sent).toEqual([1, 3]);
  });

  it('sends at most about 30 positions per second under a flood of moves', () => {
    const { clock, advance } = manualClock();
    let count = 0;
    const send = throttle(() => count++, 33, clock);
    for (let ms = 0; ms < 1000; ms++) {
      send();
      advance(1);
    }
    expect(count).toBeGreaterThanOrEqual(29);
    expect(count).toBeLessThanOrEqual(32);
  });

  it('drops the pending call when cancelled', () => {
    const { clock, advance } = manualClock();
    const sent: number[] = [];
    const send = throttle((x: number) => sent.push(x), 33, clock);
    send(1);
    send(2);
    send.cancel();
    advance(100);
    expect(sent).toEqual([1]);
  });
});
