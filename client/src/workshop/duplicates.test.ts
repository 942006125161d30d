import type { Person } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { likelyDuplicates } from './duplicates';

const person = (id: string, name: string, joinedAt: string, extra: Partial<Person> = {}): Person => ({
  id,
  name,
  department: null,
  role: 'participant',
  joinedAt,
  revoked: false,
  ...extra,
});

describe('likely duplicate people', () => {
  it('points a later person with the same name and role at the earliest one', () => {
    const people = [
      person('b', 'ada  lovelace', '2026-12-06T10:05:00Z'),
      person('a', 'Ada Lovelace', '2026-12-06T10:00:00Z'),
      person('c', 'Bo', '2026-12-06T10:01:00Z'),
      person('d', 'Ada Lovelace', '2026-12-06T10:06:00Z', { role: 'leader' }),
      person('e', 'Bo', '2026-12-06T10:07:00Z', { revoked: true }),
    ];
    const duplicates = likelyDuplicates(people);
    expect([...duplicates.keys()]).toEqual(['b']);
    expect(duplicates.get('b')?.id).toBe('a');
  });
});
