import type { AgendaKind, Role, SessionKind, SessionStatus } from '@samle/shared';
import type { BoardRecord } from './types.js';

export interface FacilitatorRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: number;
}

export interface WorkshopRecord {
  id: string;
  title: string;
  organisation: string;
  /** Language of generated names (sessions, agenda, tables). */
  language: 'da' | 'en';
  createdAt: number;
}

export interface SessionRecord {
  id: string;
  workshopId: string;
  position: number;
  title: string;
  kind: SessionKind;
  date: string | null;
  status: SessionStatus;
  joinCode: string | null;
  mode: 'plenum' | 'groups';
  currentItemId: string | null;
  currentItemStartedAt: number | null;
}

export interface AgendaItemRecord {
  id: string;
  sessionId: string;
  position: number;
  title: string;
  kind: AgendaKind;
  minutes: number;
}

export interface PersonRecord {
  id: string;
  workshopId: string;
  name: string;
  department: string | null;
  role: Role;
  joinedAt: number;
  revokedAt: number | null;
}

export interface GroupRecord {
  id: string;
  sessionId: string;
  position: number;
  name: string;
  memberIds: string[];
}

/** A board to create, with the doc's first update (its meta, and for the demo its notes). */
export interface NewBoard {
  board: BoardRecord;
  initialUpdate: Uint8Array;
}

/** Everything a new workshop is made of, written in one transaction. */
export interface WorkshopPlan {
  workshop: WorkshopRecord;
  facilitatorId: string;
  sessions: SessionRecord[];
  agenda: AgendaItemRecord[];
  people: PersonRecord[];
  groups: GroupRecord[];
  boards: NewBoard[];
  /** Other docs the workshop starts with (the demo's catalog, assessments, published catalog), by id. */
  docs?: NewDoc[];
}

/** A doc that is not a board, with its first update. */
export interface NewDoc {
  docId: string;
  initialUpdate: Uint8Array;
}

export interface WorkshopGraph {
  workshop: WorkshopRecord;
  sessions: SessionRecord[];
  agenda: AgendaItemRecord[];
  people: PersonRecord[];
  groups: GroupRecord[];
  boards: BoardRecord[];
}

/** A board with what access decisions need: where it sits and whether its session has ended. */
export interface BoardPlacement {
  board: BoardRecord;
  sessionStatus: SessionStatus | null;
}

export interface WorkshopStore {
  countFacilitators(): Promise<number>;
  createFacilitator(facilitator: FacilitatorRecord): Promise<void>;
  findFacilitatorByEmail(email: string): Promise<FacilitatorRecord | null>;
  getFacilitator(id: string): Promise<FacilitatorRecord | null>;

  createAuthSession(tokenHash: string, facilitatorId: string, now: number, expiresAt: number): Promise<void>;
  /** The facilitator of an unexpired auth session. */
  findAuthSession(tokenHash: string, now: number): Promise<string | null>;
  deleteAuthSession(tokenHash: string): Promise<void>;

  createWorkshop(plan: WorkshopPlan): Promise<void>;
  listWorkshopsFor(facilitatorId: string): Promise<Array<WorkshopRecord & { sessionCount: number }>>;
  isFacilitatorOf(workshopId: string, facilitatorId: string): Promise<boolean>;
  getWorkshopGraph(workshopId: string): Promise<WorkshopGraph | null>;

  getSession(sessionId: string): Promise<SessionRecord | null>;
  findSessionByJoinCode(code: string): Promise<SessionRecord | null>;
  updateSession(
    sessionId: string,
    patch: Partial<Pick<SessionRecord, 'status' | 'mode' | 'currentItemId' | 'currentItemStartedAt'>>,
  ): Promise<void>;
  /** Replaces the session's tables and their members. Tables with boards keep their ids when reused. */
  replaceGroups(sessionId: string, groups: GroupRecord[]): Promise<void>;
  /** Moves a person to one table of the session (or to none). */
  assignPerson(sessionId: string, personId: string, groupId: string | null): Promise<void>;
  createBoards(boards: NewBoard[]): Promise<void>;

  createPerson(person: PersonRecord, sessionGroup?: { groupId: string }): Promise<void>;
  getPerson(personId: string): Promise<PersonRecord | null>;
  revokePerson(personId: string, now: number): Promise<void>;
  /** Tables this person sits at in this session. */
  groupIdsOf(personId: string, sessionId: string): Promise<string[]>;

  getBoardPlacement(boardId: string): Promise<BoardPlacement | null>;
}
