import type { Session, WorkshopDetail } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { roomDirection } from './roomDirection';

const item = (id: string, kind: Session['agenda'][number]['kind']) => ({
  id,
  kind,
  title: `T ${id}`,
  text: '',
  minutes: 30,
});

function detail(session: Partial<Session>): WorkshopDetail {
  return {
    workshop: { id: 'w', title: 'W', organisation: '', createdAt: '2026-01-01T00:00:00.000Z', sessionCount: 1 },
    role: 'participant',
    personId: 'ada',
    prompts: { reflection: '', questionsHint: '', evaluation: [] },
    people: [],
    sessions: [
      {
        id: 's',
        title: 'Dag 1',
        kind: 'employee_day',
        date: null,
        startTime: null,
        place: '',
        status: 'open',
        joinCode: null,
        mode: 'plenum',
        tablesOpen: false,
        currentItemId: null,
        currentItemStartedAt: null,
        agenda: [item('g', 'group_work'), item('r', 'reflection'), item('p', 'plenum'), item('l', 'leader_panel')],
        groups: [{ id: 't2', name: 'Bord 2', memberIds: ['ada'], boardId: 'b-t2' }],
        boards: [{ id: 'b-plenum', title: 'Plenum', kind: 'plenum', groupId: null, archived: false, access: 'write' }],
        ...session,
      },
    ],
  };
}

describe('where the agenda sends a participant', () => {
  it('sends them to their own table board during group work, and back to the plenum after', () => {
    const groups = roomDirection(detail({ mode: 'groups', currentItemId: 'g', currentItemStartedAt: '1' }));
    expect(groups).toMatchObject({ reason: 'groupWork', path: '/b/b-t2', tableName: 'Bord 2', itemTitle: 'T g' });
    const back = roomDirection(detail({ mode: 'plenum', currentItemId: 'g', currentItemStartedAt: '1' }));
    expect(back).toMatchObject({ reason: 'plenum', path: '/b/b-plenum' });
    expect(back?.key).not.toBe(groups?.key);
  });

  it('opens the reflection page and the leader panel for their items, and nothing before an item runs', () => {
    expect(roomDirection(detail({ currentItemId: 'r', currentItemStartedAt: '2' }))).toMatchObject({
      reason: 'reflection',
      path: '/w/w/reflection',
    });
    expect(roomDirection(detail({ currentItemId: 'l', currentItemStartedAt: '3' }))?.reason).toBe('leaderPanel');
    expect(roomDirection(detail({}))).toBeNull();
    expect(roomDirection(detail({ status: 'ended', currentItemId: 'p' }))).toBeNull();
  });
});
