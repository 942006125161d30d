import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPoller, type Visibility } from './poller';

function fakeVisibility(hidden = false) {
  const listeners = new Set<() => void>();
  const visibility: Visibility & { set(hidden: boolean): void } = {
    isHidden: () => hidden,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      hidden = next;
      for (const listener of listeners) listener();
    },
  };
  return visibility;
}

describe('startPoller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks again every interval while the page is visible', async () => {
    const run = vi.fn(() => Promise.resolve());
    const stop = startPoller({ run, intervalMs: 3000, visibility: fakeVisibility() });
    await vi.advanceTimersByTimeAsync(9000);
    expect(run).toHaveBeenCalledTimes(3);
    stop();
    await vi.advanceTimersByTimeAsync(9000);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('pauses while the tab is hidden and catches up at once when shown', async () => {
    const run = vi.fn(() => Promise.resolve());
    const visibility = fakeVisibility();
    startPoller({ run, intervalMs: 3000, visibility });
    visibility.set(true);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(run).not.toHaveBeenCalled();
    visibility.set(false);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('never starts a run while the previous one is still waiting for the server', async () => {
    let finish: () => void = () => undefined;
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    startPoller({ run, intervalMs: 1000, visibility: fakeVisibility() });
    await vi.advanceTimersByTimeAsync(5000);
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
