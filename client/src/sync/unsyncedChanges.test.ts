import { describe, expect, it } from 'vitest';
import { createUnsyncedCounter, UNSYNCED_PREFIX } from './unsyncedChanges';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

describe('unsynced changes', () => {
  it('counts changes made while the connection is down, and clears them when a sync round finishes', () => {
    const counter = createUnsyncedCounter(memoryStorage(), 'board-1');
    counter.localChange(false, 0);
    counter.localChange(false, 5000);
    expect(counter.get()).toBe(2);
    counter.synced();
    expect(counter.get()).toBe(0);
  });

  it('does not count changes sent on a live connection', () => {
    const counter = createUnsyncedCounter(memoryStorage(), 'board-1');
    counter.localChange(true);
    expect(counter.get()).toBe(0);
  });

  it('remembers the count across a reload made while offline, per board', () => {
    const storage = memoryStorage();
    const before = createUnsyncedCounter(storage, 'board-1');
    before.localChange(false, 0);
    before.localChange(false, 1000);
    before.localChange(false, 2000);
    expect(createUnsyncedCounter(storage, 'board-1').get()).toBe(3);
    expect(createUnsyncedCounter(storage, 'board-2').get()).toBe(0);
    createUnsyncedCounter(storage, 'board-1').synced();
    expect(storage.map.has(`${UNSYNCED_PREFIX}board-1`)).toBe(false);
  });

  it('counts typing a note as one change, not one per key', () => {
    const counter = createUnsyncedCounter(undefined, 'board-1');
    for (let t = 0; t < 3000; t += 150) counter.localChange(false, t);
    expect(counter.get()).toBe(1);
    counter.localChange(false, 5000);
    expect(counter.get()).toBe(2);
  });

  it('tells subscribers when the count changes', () => {
    const counter = createUnsyncedCounter(undefined, 'board-1');
    const seen: number[] = [];
    counter.subscribe(() => seen.push(counter.get()));
    counter.localChange(false, 0);
    counter.localChange(true, 2000);
    counter.synced();
    counter.synced();
    expect(seen).toEqual([1, 0]);
  });
});
