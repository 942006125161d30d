import type { Invite } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { inviteStatus, withInvite } from './inviteStatus';

const base: Invite = {
  id: 'I1',
  path: '/invite/x',
  role: 'leader',
  singleUse: false,
  createdAt: '2026-12-01T10:00:00.000Z',
  expiresAt: '2026-12-15T10:00:00.000Z',
  usedAt: null,
  revokedAt: null,
  joined: 0,
};
const now = Date.parse('2026-12-06T12:00:00.000Z');

describe('invite links in the cockpit', () => {
  it('says whether a link works, was used, withdrawn or has expired', () => {
    expect(inviteStatus(base, now)).toBe('active');
    expect(inviteStatus({ ...base, singleUse: true, usedAt: '2026-12-02T10:00:00.000Z' }, now)).toBe('used');
    expect(inviteStatus({ ...base, usedAt: '2026-12-02T10:00:00.000Z' }, now)).toBe('active');
    expect(inviteStatus({ ...base, revokedAt: '2026-12-03T10:00:00.000Z' }, now)).toBe('revoked');
    expect(inviteStatus({ ...base, expiresAt: '2026-12-05T10:00:00.000Z' }, now)).toBe('expired');
  });

  it('puts a replaced or new link in place, newest first', () => {
    const older = { ...base, id: 'I0', createdAt: '2026-11-30T10:00:00.000Z' };
    const replacement = { ...base, id: 'I2', createdAt: '2026-12-06T11:00:00.000Z' };
    const list = withInvite(withInvite([base, older], { ...base, revokedAt: '2026-12-06T11:00:00.000Z' }), replacement);
    expect(list.map((i) => i.id)).toEqual(['I2', 'I1', 'I0']);
    expect(list[1]?.revokedAt).not.toBeNull();
  });
});
