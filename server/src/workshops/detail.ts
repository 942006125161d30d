import {
  boardAccess,
  mayDo,
  type Person,
  type Role,
  type Session,
  type SessionBoard,
  WorkshopAction,
  type WorkshopDetail,
} from '@samle/shared';
import type { BoardRecord } from '../storage/contracts/boardTypes.js';
import type { GroupRecord, PersonRecord, SessionRecord, WorkshopGraph } from '../storage/contracts/workshopTypes.js';
import { defaultPrompts } from './template.js';

const iso = (ms: number) => new Date(ms).toISOString();

export function toPerson(person: PersonRecord): Person {
  return {
    id: person.id,
    name: person.name,
    department: person.department,
    role: person.role,
    joinedAt: iso(person.joinedAt),
    revoked: person.revokedAt !== null,
  };
}

/** Leadership sessions are for leaders and facilitators; everyone else does not see that they exist. */
function seesSession(role: Role, session: SessionRecord): boolean {
  return session.kind !== 'leadership' || role === 'facilitator' || role === 'leader';
}

function boardsFor(
  boards: BoardRecord[],
  session: SessionRecord,
  role: Role,
  myGroupIds: readonly string[],
): SessionBoard[] {
  const visible: SessionBoard[] = [];
  for (const board of boards) {
    if (board.sessionId !== session.id) continue;
    const archived = session.status === 'ended';
    const access = boardAccess(
      { role, groupIds: myGroupIds, revoked: false },
      {
        kind: board.kind,
        groupId: board.groupId ?? null,
        archived,
        tableClosed: !!board.groupId && session.mode === 'plenum' && !session.tablesOpen,
      },
    );
    if (access === 'none') continue;
    visible.push({
      id: board.id,
      title: board.title,
      kind: board.kind,
      groupId: board.groupId ?? null,
      archived,
      access,
    });
  }
  return visible;
}

function toSession(graph: WorkshopGraph, session: SessionRecord, role: Role, personId: string | null): Session {
  const groups: GroupRecord[] = graph.groups.filter((group) => group.sessionId === session.id);
  const myGroupIds = personId ? groups.filter((g) => g.memberIds.includes(personId)).map((g) => g.id) : [];
  const boardOfGroup = new Map(graph.boards.filter((b) => b.groupId).map((b) => [b.groupId, b.id]));
  return {
    id: session.id,
    title: session.title,
    kind: session.kind,
    date: session.date,
    startTime: session.startTime,
    place: session.place,
    status: session.status,
    joinCode: mayDo(role, WorkshopAction.Facilitate) && session.kind !== 'leadership' ? session.joinCode : null,
    mode: session.mode,
    tablesOpen: session.tablesOpen,
    currentItemId: session.currentItemId,
    currentItemStartedAt: session.currentItemStartedAt === null ? null : iso(session.currentItemStartedAt),
    agenda: graph.agenda
      .filter((item) => item.sessionId === session.id)
      .map(({ id, title, kind, text, minutes }) => ({ id, title, kind, text, minutes })),
    groups: groups.map((group) => ({
      id: group.id,
      name: group.name,
      memberIds: group.memberIds,
      boardId: boardOfGroup.get(group.id) ?? null,
    })),
    boards: boardsFor(graph.boards, session, role, myGroupIds),
  };
}

/** The workshop as the caller may see it: sessions, boards and people filtered by role. */
export function buildWorkshopDetail(graph: WorkshopGraph, role: Role, personId: string | null): WorkshopDetail {
  const sessions = graph.sessions.filter((session) => seesSession(role, session));
  return {
    workshop: {
      id: graph.workshop.id,
      title: graph.workshop.title,
      organisation: graph.workshop.organisation,
      createdAt: iso(graph.workshop.createdAt),
      sessionCount: sessions.length,
    },
    role,
    personId,
    sessions: sessions.map((session) => toSession(graph, session, role, personId)),
    prompts: graph.workshop.prompts ?? defaultPrompts(graph.workshop.language),
    people: mayDo(role, WorkshopAction.SeePeople) ? graph.people.map(toPerson) : [],
  };
}
