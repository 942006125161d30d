import { describe, expect, it } from 'vitest';
import { INITIAL_SAVE_STATE, reduceSave, type SaveEvent, SETTLE_MS, saveStatus } from './saveStatus';

const run = (...events: SaveEvent[]) => events.reduce(reduceSave, INITIAL_SAVE_STATE);
const live: SaveEvent[] = [{ type: 'connection', connected: true }, { type: 'synced' }];

describe('the reflection save status', () => {
  it('says "connecting" before the first sync, and "saved" once synced', () => {
    expect(saveStatus(INITIAL_SAVE_STATE, 0)).toBe('connecting');
    expect(saveStatus(run(...live), 0)).toBe('saved');
  });

  it('says "saving" while typing, and "saved" after a moment of quiet', () => {
    const state = run(...live, { type: 'edit', at: 1000 });
    expect(saveStatus(state, 1000 + SETTLE_MS - 1)).toBe('saving');
    expect(saveStatus(state, 1000 + SETTLE_MS)).toBe('saved');
  });

  it('says "offline — saved on this device" when the network goes, until the next sync sends the changes', () => {
    const offline = run(...live, { type: 'online', online: false }, { type: 'connection', connected: false });
    const edited = reduceSave(offline, { type: 'edit', at: 5000 });
    expect(saveStatus(edited, 99_999)).toBe('offline');
    const back = reduceSave(edited, { type: 'online', online: true });
    // Reconnected but not yet synced: the change is still only on this device.
    const reconnected = reduceSave(back, { type: 'connection', connected: true });
    expect(saveStatus(reconnected, 99_999)).toBe('offline');
    expect(saveStatus(reduceSave(reconnected, { type: 'synced' }), 99_999)).toBe('saved');
  });

  it('says "offline" when opened without a network, even before anything is typed', () => {
    expect(saveStatus(run({ type: 'online', online: false }), 0)).toBe('offline');
  });

  it('keeps a change made before the first sync as unsent until that sync', () => {
    const early = run({ type: 'edit', at: 10 });
    expect(saveStatus(early, 10_000)).toBe('offline');
    expect(saveStatus(run({ type: 'edit', at: 10 }, ...live), 10_000)).toBe('saved');
  });
});
