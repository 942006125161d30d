import type { WorkshopDetail } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { DETAIL_PREFIX, forgetDetail, recallDetail, rememberDetail } from './detailCache';

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

const detail = { workshop: { id: 'w1', title: 'Erhverv' }, sessions: [], people: [] } as unknown as WorkshopDetail;
const grant = { kind: 'grant', token: 't', workshopId: 'w1' } as const;

describe('workshop kept for offline use', () => {
  it('opens the workshop after an offline reload, with the credential it was opened with', () => {
    const storage = memoryStorage();
    rememberDetail(storage, { detail, credential: grant });
    expect(recallDetail(storage, 'w1')).toEqual({ detail, credential: grant });
    expect(recallDetail(storage, 'w2')).toBeUndefined();
  });

  it('ignores a damaged entry, or one that belongs to another workshop', () => {
    const storage = memoryStorage();
    storage.setItem(`${DETAIL_PREFIX}w1`, '{not json');
    expect(recallDetail(storage, 'w1')).toBeUndefined();
    storage.setItem(`${DETAIL_PREFIX}w2`, JSON.stringify({ detail, credential: grant }));
    expect(recallDetail(storage, 'w2')).toBeUndefined();
  });

  it('forgets a workshop whose access was withdrawn', () => {
    const storage = memoryStorage();
    rememberDetail(storage, { detail, credential: { kind: 'session' } });
    forgetDetail(storage, 'w1');
    expect(storage.map.size).toBe(0);
  });

  it('does nothing without storage', () => {
    expect(() => rememberDetail(undefined, { detail, credential: grant })).not.toThrow();
    expect(recallDetail(undefined, 'w1')).toBeUndefined();
  });
});
