import type { Grant } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { BOARD_INDEX_KEY, createGrantStore, GRANT_PREFIX, memoryStorage } from './grants';

const now = Date.parse('2026-03-03T09:00:00.000Z');
const grant = (workshopId: string, expiresAt = '2026-05-01T00:00:00.000Z'): Grant => ({
  token: `token-${workshopId}`,
  expiresAt,
  workshopId,
  sessionId: 's1',
  landingBoardId: `plenum-${workshopId}`,
  person: {
    id: 'p1',
    name: 'Mette',
    department: null,
    role: 'participant',
    joinedAt: '2026-03-03T08:59:00.000Z',
    revoked: false,
  },
});

describe('grant store', () => {
  it('keeps one grant per workshop under samle.grant.<workshopId>', () => {
    const storage = memoryStorage();
    const store = createGrantStore(storage, () => now);
    store.save(grant('w1'));
    expect(storage.getItem(`${GRANT_PREFIX}w1`)).toContain('token-w1');
    expect(store.get('w1')?.token).toBe('token-w1');
    expect(store.get('w2')).toBeUndefined();
  });

  it('forgets a grant once it has expired', () => {
    const storage = memoryStorage();
    const store = createGrantStore(storage, () => now);
    store.save(grant('w1', '2026-03-03T08:00:00.000Z'));
    expect(store.get('w1')).toBeUndefined();
    expect(storage.getItem(`${GRANT_PREFIX}w1`)).toBeNull();
  });

  it('lists live grants, latest expiry first, ignoring damaged entries', () => {
    const storage = memoryStorage();
    const store = createGrantStore(storage, () => now);
    store.save(grant('old', '2026-04-01T00:00:00.000Z'));
    store.save(grant('new', '2026-06-01T00:00:00.000Z'));
    storage.setItem(`${GRANT_PREFIX}broken`, '{not json');
    storage.setItem('samle.name', 'Mette');
    expect(store.all().map((g) => g.workshopId)).toEqual(['new', 'old']);
  });

  it('remembers which workshop a board belongs to, starting with the landing board', () => {
    const storage = memoryStorage();
    const store = createGrantStore(storage, () => now);
    store.save(grant('w1'));
    store.rememberBoards('w1', ['t1', 't2']);
    expect(store.workshopOfBoard('plenum-w1')).toBe('w1');
    expect(store.workshopOfBoard('t2')).toBe('w1');
    expect(store.workshopOfBoard('unknown')).toBeUndefined();
    storage.setItem(BOARD_INDEX_KEY, 'garbage');
    expect(store.workshopOfBoard('t2')).toBeUndefined();
  });

  it('removes a grant on request', () => {
    const store = createGrantStore(memoryStorage(), () => now);
    store.save(grant('w1'));
    store.remove('w1');
    expect(store.get('w1')).toBeUndefined();
  });
});
