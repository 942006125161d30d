import type { Viewport } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../interaction/throttle';
import { createViewportPublisher } from './viewportPublisher';

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

/** A send whose requests the test answers by hand. */
function manualSend() {
  const sent: Viewport[] = [];
  const answers: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const send = (view: Viewport) => {
    sent.push(view);
    return new Promise<void>((resolve, reject) => answers.push({ resolve, reject }));
  };
  const answer = async (ok = true) => {
    const next = answers.shift();
    if (ok) next?.resolve();
    else next?.reject(new Error('refused'));
    await Promise.resolve();
    await Promise.resolve();
  };
  return { sent, send, answer };
}

const at = (x: number): Viewport => ({ x, y: 0, zoom: 1 });

describe('viewport publisher', () => {
  it('sends at most one view per interval while the facilitator pans, and always the last one', async () => {
    const { clock, advance } = manualClock();
    const wire = manualSend();
    const publisher = createViewportPublisher({ send: wire.send, onError: () => {}, clock });
    for (let x = 1; x <= 10; x++) publisher.update(at(x));
    expect(wire.sent).toEqual([at(1)]);
    await wire.answer();
    advance(200);
    expect(wire.sent).toEqual([at(1), at(10)]);
  });

  it('waits for the request in flight, then sends the latest view', async () => {
    const { clock, advance } = manualClock();
    const wire = manualSend();
    const publisher = createViewportPublisher({ send: wire.send, onError: () => {}, clock });
    publisher.update(at(1));
    publisher.update(at(2));
    advance(200);
    publisher.update(at(3));
    advance(200);
    expect(wire.sent).toEqual([at(1)]);
    await wire.answer();
    expect(wire.sent).toEqual([at(1), at(3)]);
  });

  it('does not send a view that has not changed', async () => {
    const { clock, advance } = manualClock();
    const wire = manualSend();
    const publisher = createViewportPublisher({ send: wire.send, onError: () => {}, clock });
    publisher.update(at(1));
    await wire.answer();
    advance(200);
    publisher.update(at(1));
    advance(200);
    expect(wire.sent).toEqual([at(1)]);
  });

  it('reports a refused send and sends the same view again on the next change', async () => {
    const { clock, advance } = manualClock();
    const wire = manualSend();
    const errors: unknown[] = [];
    const publisher = createViewportPublisher({ send: wire.send, onError: (e) => errors.push(e), clock });
    publisher.update(at(1));
    await wire.answer(false);
    expect(errors).toHaveLength(1);
    advance(200);
    publisher.update(at(1));
    expect(wire.sent).toEqual([at(1), at(1)]);
  });

  it('sends nothing after it is cancelled', async () => {
    const { clock, advance } = manualClock();
    const wire = manualSend();
    const publisher = createViewportPublisher({ send: wire.send, onError: () => {}, clock });
    publisher.update(at(1));
    publisher.update(at(2));
    publisher.cancel();
    await wire.answer();
    advance(200);
    expect(wire.sent).toEqual([at(1)]);
  });
});
