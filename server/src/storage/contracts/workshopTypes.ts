import type { AgendaKind, Prompts, Role, SessionKind, SessionStatus } from '@samle/shared';
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

export interface WorkshopStore {
  countFacilitators(): Promise<number>;
  createFacilitator(facilitator: FacilitatorRecord): Promise<void>;
  findFacilitatorByEmail(email: string): Promise<FacilitatorRecord | null>;
  getFacilitator(id: string): Promise<FacilitatorRecord | null>;

  createAuthSession(tokenHash: string, facilitatorId: string, now: number, expiresAt: number): Promise<void>;
  /** The facilitator of an unexpired auth session. */
  findAuthSession(tokenHash: string, now: number): Promise<string | null>;
  deleteAuthSession(tokenHash: string): Promise<void>;
  /** A new password hash; every session of that facilitator ends (a reset signs out everywhere). */
  setFacilitatorPassword(facilitatorId: string, passwordHash: string): Promise<void>;

  createWorkshop(plan: WorkshopPlan): Promise<void>;
  listWorkshopsFor(facilitatorId: string): Promise<Array<WorkshopRecord & { sessionCount: number }>>;
  isFacilitatorOf(workshopId: string, facilitatorId: string): Promise<boolean>;
  getWorkshopGraph(workshopId: string): Promise<WorkshopGraph | null>;

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
  createBoards(boards: NewBoard[]): Promise<void>;

  createPerson(person: PersonRecord, sessionGroup?: { groupId: string }): Promise<void>;
  getPerson(personId: string): Promise<PersonRecord | null>;
  revokePerson(personId: string, now: number): Promise<void>;
  /** Tables this person sits at in this session. */
  groupIdsOf(personId: string, sessionId: string): Promise<string[]>;

  getBoardPlacement(boardId: string): Promise<BoardPlacement | null>;
}

/** A template a facilitator saved from one of their workshops: the process's structure and texts as JSON. */
export interface SavedTemplateRecord {
  id: string;
  facilitatorId: string;
  title: string;
  /** `TemplateSpec` (server/src/workshops/template.ts) as JSON. */
  spec: string;
  createdAt: number;
}

export interface SessionPlanPatch {
  title?: string;
  kind?: SessionKind;
  date?: string | null;
  startTime?: string | null;
  place?: string;
}

/** A participant's "we are done" for the running agenda item (`round` names the item and its start). */
export interface DoneMark {
  sessionId: string;
  round: string;
  personId: string;
  groupId: string;
  at: number;
}

/** Edits to a workshop's process plan, saved templates and done marks (docs/api.md, "Process plan"). */
export interface PlanStore {
  updateWorkshop(
    workshopId: string,
    patch: { title?: string; organisation?: string; prompts?: Prompts },
  ): Promise<void>;
  /** Appends a session (its boards are created separately, with `WorkshopStore.createBoards`). */
  addSession(session: SessionRecord): Promise<void>;
  updateSessionPlan(sessionId: string, patch: SessionPlanPatch): Promise<void>;
  /**
   * Deletes a session with its agenda, tables and boards, if none of its boards
   * has been written to since it was made; returns false (and deletes nothing) otherwise.
   */
  removeSession(sessionId: string): Promise<boolean>;
  /** Sets the sessions' order; `sessionIds` are all the workshop's sessions. */
  orderSessions(workshopId: string, sessionIds: readonly string[]): Promise<void>;
  /** Replaces the session's agenda (items keep their ids); a running item that is gone stops running. */
  replaceAgenda(sessionId: string, items: readonly AgendaItemRecord[]): Promise<void>;

  saveTemplate(template: SavedTemplateRecord): Promise<void>;
  listTemplates(facilitatorId: string): Promise<SavedTemplateRecord[]>;
  getTemplate(templateId: string, facilitatorId: string): Promise<SavedTemplateRecord | null>;

  setDone(mark: DoneMark, done: boolean): Promise<void>;
  doneMarks(sessionId: string, round: string): Promise<DoneMark[]>;
}
