import type { BoardView } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { forgetSummary, recallSummary, rememberSummary, SUMMARY_PREFIX } from './summaryCache';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (index: number) => [...map.keys()][index] ?? null,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

const board = { id: 'b1', title: 'Plenum', access: 'write' } as unknown as BoardView;

describe('board summary kept for offline use', () => {
  it('opens a board after a reload without network, with the credential it was opened with', () => {
    const storage = memoryStorage();
    rememberSummary(storage, { board, credential: { kind: 'grant', token: 't', workshopId: 'w1' } });
    expect(recallSummary(storage, 'b1')).toEqual({
      board,
      credential: { kind: 'grant', token: 't', workshopId: 'w1' },
    });
    expect(recallSummary(storage, 'b2')).toBeUndefined();
  });

  it('ignores a damaged entry', () => {
    const storage = memoryStorage();
    storage.setItem(`${SUMMARY_PREFIX}b1`, '{not json');
    expect(recallSummary(storage, 'b1')).toBeUndefined();
  });

  it('forgets a board whose access was withdrawn', () => {
    const storage = memoryStorage();
    rememberSummary(storage, { board, credential: { kind: 'session' } });
    forgetSummary(storage, 'b1');
    expect(recallSummary(storage, 'b1')).toBeUndefined();
  });
});
