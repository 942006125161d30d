import { describe, expect, it } from 'vitest';
import { type Access, type BoardScope, boardAccess, mayDo, ROLES, type Role, WorkshopAction } from './access.js';

const member = (role: Role, groupIds: string[] = [], revoked = false) => ({ role, groupIds, revoked });
const board = (kind: BoardScope['kind'], groupId: string | null = null, archived = false): BoardScope => ({
  kind,
  groupId,
  archived,
});

describe('board access (the permission table in docs/access.md)', () => {
  const table: Array<[Role, BoardScope, Access]> = [
    ['facilitator', board('leadership'), 'write'],
    ['facilitator', board('group', 't1'), 'write'],
    ['leader', board('leadership'), 'write'],
    ['leader', board('plenum'), 'write'],
    ['leader', board('group', 't1'), 'read'],
    ['participant', board('plenum'), 'write'],
    ['participant', board('leadership'), 'none'],
    ['viewer', board('plenum'), 'read'],
    ['viewer', board('group', 't1'), 'read'],
    ['viewer', board('leadership'), 'none'],
  ];
  for (const [role, scope, expected] of table) {
    it(`${role} on a ${scope.kind} board: ${expected}`, () => {
      expect(boardAccess(member(role), scope)).toBe(expected);
    });
  }

  it('lets a participant write their own table and only read the others', () => {
    expect(boardAccess(member('participant', ['t1']), board('group', 't1'))).toBe('write');
    expect(boardAccess(member('participant', ['t1']), board('group', 't2'))).toBe('read');
    expect(boardAccess(member('participant', []), board('group', null))).toBe('read');
  });

  it('makes archived boards read-only for everyone who could see them, and hides them from those who could not', () => {
    expect(boardAccess(member('facilitator'), board('plenum', null, true))).toBe('read');
    expect(boardAccess(member('participant', ['t1']), board('group', 't1', true))).toBe('read');
    expect(boardAccess(member('participant'), board('leadership', null, true))).toBe('none');
  });

  it('gives a revoked person nothing', () => {
    expect(boardAccess(member('facilitator', [], true), board('plenum'))).toBe('none');
  });

  it('lets only facilitators facilitate, and facilitators and leaders see people', () => {
    expect(mayDo('facilitator', WorkshopAction.Facilitate)).toBe(true);
    expect(mayDo('leader', WorkshopAction.Facilitate)).toBe(false);
    expect(mayDo('leader', WorkshopAction.SeePeople)).toBe(true);
    expect(mayDo('participant', WorkshopAction.SeePeople)).toBe(false);
  });

  it('lets facilitators and leaders edit and assess the catalog, and only the facilitator publish it', () => {
    const allowed = (action: WorkshopAction) => ROLES.filter((role) => mayDo(role, action));
    expect(allowed(WorkshopAction.EditCatalog)).toEqual(['facilitator', 'leader']);
    expect(allowed(WorkshopAction.AssessIdeas)).toEqual(['facilitator', 'leader']);
    expect(allowed(WorkshopAction.PublishCatalog)).toEqual(['facilitator']);
  });
});
