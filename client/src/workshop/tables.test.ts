import type { Person } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { groupOf, moveRequest, suggestedTableCount, tablesView } from './tables';

const person = (id: string, extra: Partial<Person> = {}): Person => ({
  id,
  name: id.toUpperCase(),
  department: null,
  role: 'participant',
  joinedAt: '2026-03-03T09:00:00.000Z',
  revoked: false,
  ...extra,
});

const people = [
  person('p1'),
  person('p2'),
  person('p3'),
  person('gone', { revoked: true }),
  person('boss', { role: 'leader' }),
];
const session = {
  groups: [
    { id: 'g1', name: 'Bord 1', memberIds: ['p1', 'gone'], boardId: null },
    { id: 'g2', name: 'Bord 2', memberIds: ['p2'], boardId: 'b2' },
  ],
};

describe('tablesView', () => {
  it('shows each table with its participants and leaves revoked people out', () => {
    const view = tablesView(session, people);
    expect(view.columns.map((c) => c.members.map((m) => m.id))).toEqual([['p1'], ['p2']]);
  });

  it('lists participants not at any table, but not leaders', () => {
    expect(tablesView(session, people).unseated.map((p) => p.id)).toEqual(['p3']);
  });
});

describe('moveRequest', () => {
  it('asks to move a person to another table', () => {
    expect(moveRequest(session, 'p1', 'g2')).toEqual({ personId: 'p1', groupId: 'g2' });
  });

  it('asks to take a person off their table for the empty choice', () => {
    expect(moveRequest(session, 'p1', '')).toEqual({ personId: 'p1', groupId: null });
  });

  it('does nothing for a drop on the same table or an unknown table', () => {
    expect(moveRequest(session, 'p1', 'g1')).toBeUndefined();
    expect(moveRequest(session, 'p3', null)).toBeUndefined();
    expect(moveRequest(session, 'p1', 'nope')).toBeUndefined();
  });

  it('knows where a person sits', () => {
    expect(groupOf(session, 'p2')).toBe('g2');
    expect(groupOf(session, 'p3')).toBeNull();
  });
});

describe('suggestedTableCount', () => {
  it('suggests about five per table, at least one and at most twenty', () => {
    expect(suggestedTableCount(0)).toBe(1);
    expect(suggestedTableCount(20)).toBe(4);
    expect(suggestedTableCount(500)).toBe(20);
  });
});
