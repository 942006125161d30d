import { describe, expect, it } from 'vitest';
import { badgeState } from './connectionBadge';

describe('badgeState', () => {
  it('says connected or reconnecting while the browser has a network', () => {
    expect(badgeState({ kind: 'connected' }, true)).toBe('connected');
    expect(badgeState({ kind: 'reconnecting', lastCloseCode: 1006 }, true)).toBe('reconnecting');
  });

  it('says offline when the browser has no network, even before the socket notices', () => {
    expect(badgeState({ kind: 'connected' }, false)).toBe('offline');
    expect(badgeState({ kind: 'reconnecting', lastCloseCode: undefined }, false)).toBe('offline');
  });

  it('keeps showing a refusal by the server while offline, because it will not heal by itself', () => {
    expect(badgeState({ kind: 'error', code: 4403, codeName: 'ReadOnly', reason: '' }, false)).toBe('error');
  });
});
