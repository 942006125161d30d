import { describe, expect, it } from 'vitest';
import type { RoomDirection } from './roomDirection';
import { followStep } from './roomMemory';

const plenum: RoomDirection = {
  key: 's:i1@1:plenum',
  reason: 'plenum',
  path: '/b/plenum',
  sessionId: 's',
  itemTitle: 'Velkomst',
  tableName: null,
};

describe('followStep', () => {
  it('counts the page joining landed on as the item already followed', () => {
    expect(followStep(plenum, null, '/b/plenum')).toBe('remember');
  });

  it('moves a participant whom joining landed elsewhere (group work runs: their table, not the plenum)', () => {
    expect(followStep({ ...plenum, path: '/b/table-2', reason: 'groupWork' }, null, '/b/plenum')).toBe('move');
  });

  it('moves once per item: a followed item stays put, the next item moves again', () => {
    expect(followStep(plenum, null, null)).toBe('move');
    expect(followStep(plenum, plenum.key, null)).toBe('stay');
    expect(followStep({ ...plenum, key: 's:i2@2:plenum' }, plenum.key, null)).toBe('move');
  });

  it('does nothing while nothing runs', () => {
    expect(followStep(null, null, '/b/plenum')).toBe('stay');
  });
});
