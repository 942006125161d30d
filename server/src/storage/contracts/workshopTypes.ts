import type { AgendaKind, Prompts, Role, SessionKind, SessionStatus } from '@samle/shared';
import type { BoardRecord } from './boardTypes.js';
import type { FacilitatorStore } from './facilitatorTypes.js';

export interface WorkshopRecord {
  id: string;
  title: string;
  organisation: string;
  /** Language of generated names (sessions, agenda, tables). */
  language: 'da' | 'en';
  createdAt: number;
  /** The facilitator's texts; null for workshops made before they could be edited (defaults apply). */
  prompts: Prompts | null;
}

export interface SessionRecord {
  id: string;
  workshopId: string;
  position: number;
  title: string;
  kind: SessionKind;
  date: string | null;
  /** "09:30"; the agenda's clock times follow from it. */
  startTime: string | null;
  place: string;
  status: SessionStatus;
  joinCode: string | null;
  mode: 'plenum' | 'groups';
  currentItemId: string | null;
  currentItemStartedAt: number | null;
  /** Table boards stay writable for participants outside group work (the facilitator kept them open). */
  tablesOpen: boolean;
}

export interface AgendaItemRecord {
  id: string;
  sessionId: string;
  position: number;
  title: string;
  kind: AgendaKind;
  text: string;
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
  /** A table board while its session is in plenum and the tables were not kept open. */
  tableClosed: boolean;
}

/** Workshops as a whole: making one, listing a facilitator's, reading its graph, its boards. */
export interface WorkshopRecordStore {
  createWorkshop(plan: WorkshopPlan): Promise<void>;
  listWorkshopsFor(facilitatorId: string): Promise<Array<WorkshopRecord & { sessionCount: number }>>;
  isFacilitatorOf(workshopId: string, facilitatorId: string): Promise<boolean>;
  getWorkshopGraph(workshopId: string): Promise<WorkshopGraph | null>;

  createBoards(boards: NewBoard[]): Promise<void>;
  getBoardPlacement(boardId: string): Promise<BoardPlacement | null>;
}

/** A session's state, its tables and the people who joined it. */
export interface SessionStore {
  getSession(sessionId: string): Promise<SessionRecord | null>;
  findSessionByJoinCode(code: string): Promise<SessionRecord | null>;
  updateSession(
    sessionId: string,
    patch: Partial<Pick<SessionRecord, 'status' | 'mode' | 'currentItemId' | 'currentItemStartedAt' | 'tablesOpen'>>,
  ): Promise<void>;
  /** Replaces the session's tables and their members. Tables with boards keep their ids when reused. */
  replaceGroups(sessionId: string, groups: GroupRecord[]): Promise<void>;
  /** Moves a person to one table of the session (or to none). */
  assignPerson(sessionId: string, personId: string, groupId: string | null): Promise<void>;
  createPerson(person: PersonRecord, sessionGroup?: { groupId: string }): Promise<void>;
  getPerson(personId: string): Promise<PersonRecord | null>;
  revokePerson(personId: string, now: number): Promise<void>;
  /** Tables this person sits at in this session. */
  groupIdsOf(personId: string, sessionId: string): Promise<string[]>;
}

/**
 * What `storage.workshops` serves: one store per engine implements all three concerns
 * (they share tables and transactions); code that needs one asks for that one.
 */
export interface WorkshopStore extends FacilitatorStore, WorkshopRecordStore, SessionStore {}
