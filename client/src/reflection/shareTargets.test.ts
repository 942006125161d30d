import type { Session, SessionBoard } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { shareTargets } from './shareTargets';

const board = (id: string, over: Partial<SessionBoard> = {}): SessionBoard => ({
  id,
  title: `Medarbejderdag 1 — ${id}`,
  kind: 'group',
  groupId: null,
  archived: false,
  access: 'write',
  ...over,
});

const session = (id: string, over: Partial<Session> = {}): Session => ({
  id,
  title: 'Medarbejderdag 1',
  kind: 'employee_day',
  date: null,
  startTime: null,
  place: '',
  status: 'open',
  joinCode: null,
  mode: 'groups',
  tablesOpen: false,
  currentItemId: null,
  currentItemStartedAt: null,
  agenda: [],
  groups: [{ id: 'g2', name: 'Bord 2', memberIds: ['ada'], boardId: 'Bord 2' }],
  boards: [
    board('Plenum', { kind: 'plenum' }),
    board('Bord 1', { groupId: 'g1', access: 'read' }),
    board('Bord 2', { groupId: 'g2' }),
  ],
  ...over,
});

describe('where a reflection paragraph can be shared', () => {
  it("offers the boards of the person's session they may write, their own table first", () => {
    const targets = shareTargets({ sessions: [session('s1')], personId: 'ada' }, 's1');
    expect(targets.map((t) => t.label)).toEqual(['Bord 2', 'Plenum']);
  });

  it('offers nothing from an ended session, whose boards are archived', () => {
    const ended = session('s1', {
      status: 'ended',
      boards: [board('Plenum', { kind: 'plenum', archived: true, access: 'read' })],
    });
    expect(shareTargets({ sessions: [ended], personId: 'ada' }, 's1')).toEqual([]);
  });

  it('uses the open session when the person joined by invite (no session of their own)', () => {
    const planned = session('s2', { status: 'planned', boards: [board('Later', { kind: 'plenum' })] });
    const open = session('s1');
    const targets = shareTargets({ sessions: [planned, open], personId: 'ada' }, null);
    expect(targets.map((t) => t.board.id)).toEqual(['Bord 2', 'Plenum']);
  });
});
