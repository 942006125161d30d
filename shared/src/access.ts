import type { BoardKind } from './board.js';

/**
 * Who may do what. The server decides every request and every WebSocket with
 * these functions; the client uses the same ones only to hide what would be
 * refused anyway.
 */

export const ROLES = ['facilitator', 'leader', 'participant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export type Access = 'write' | 'read' | 'none';

/** What the server knows about a board when it decides access. */
export interface BoardScope {
  kind: BoardKind;
  /** The table this board belongs to (group boards only). */
  groupId: string | null;
  /** The board's session has ended: everything on it is read-only, for everyone. */
  archived: boolean;
  /**
   * A table board outside group work (the room is back in plenum) that the
   * facilitator did not keep open: participants may read it, not write.
   */
  tableClosed?: boolean;
}

/** A person's standing in the board's workshop. */
export interface MemberScope {
  role: Role;
  /** Tables this person sits at in the board's session. */
  groupIds: readonly string[];
  revoked: boolean;
}

/**
 * The permission table (docs/access.md):
 *
 * | board      | facilitator | leader | participant              | viewer |
 * |------------|-------------|--------|--------------------------|--------|
 * | plenum     | write       | write  | write                    | read   |
 * | group      | write       | read   | write own table, read others | read |
 * | leadership | write       | write  | none (404)               | none   |
 *
 * An archived board (its session ended) is read-only for everyone who could see it.
 */
export function boardAccess(member: MemberScope, board: BoardScope): Access {
  if (member.revoked) return 'none';
  const access = liveAccess(member, board);
  if (access === 'write' && board.archived) return 'read';
  if (access === 'write' && board.tableClosed && member.role === 'participant') return 'read';
  return access;
}

function liveAccess(member: MemberScope, board: BoardScope): Access {
  switch (member.role) {
    case 'facilitator':
      return 'write';
    case 'leader':
      return board.kind === 'group' ? 'read' : 'write';
    case 'participant':
      switch (board.kind) {
        case 'leadership':
          return 'none';
        case 'plenum':
          return 'write';
        case 'group':
          return board.groupId !== null && member.groupIds.includes(board.groupId) ? 'write' : 'read';
      }
      return 'none';
    case 'viewer':
      return board.kind === 'leadership' ? 'none' : 'read';
  }
}

/** Workshop-level actions and who may take them. */
export const WorkshopAction = {
  /** Edit sessions, agenda, tables; open group work; end sessions; revoke people; make invites. */
  Facilitate: 'facilitate',
  /** See the list of people and who has joined. */
  SeePeople: 'seePeople',
  /** Catalog editor: gather notes into ideas; merge, split and delete ideas; see what became of their sources. */
  EditCatalog: 'editCatalog',
  /** Assessor: decide on ideas and see their history, the publish status and the working catalog's exports. */
  AssessIdeas: 'assessIdeas',
  /** Publisher: publish the catalog, ideas and decisions, to everyone in the workshop. */
  PublishCatalog: 'publishCatalog',
} as const;
export type WorkshopAction = (typeof WorkshopAction)[keyof typeof WorkshopAction];

export function mayDo(role: Role, action: WorkshopAction): boolean {
  switch (action) {
    case WorkshopAction.Facilitate:
      return role === 'facilitator';
    case WorkshopAction.SeePeople:
    case WorkshopAction.EditCatalog:
    case WorkshopAction.AssessIdeas:
      return role === 'facilitator' || role === 'leader';
    case WorkshopAction.PublishCatalog:
      return role === 'facilitator';
  }
}
