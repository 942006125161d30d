import {
  type AgendaKind,
  type BoardKind,
  type DecisionChange,
  parsePrompts,
  type Role,
  type SessionKind,
  type SessionStatus,
} from '@samle/shared';
import type { InviteRecord } from './contracts/accessTypes.js';
import type { BoardRecord } from './contracts/boardTypes.js';
import type { EvaluationRecord, EvaluationResponseRecord } from './contracts/evaluationTypes.js';
import type { FacilitatorRecord } from './contracts/facilitatorTypes.js';
import type { DoneMark, SavedTemplateRecord } from './contracts/planTypes.js';
import type { QuestionRecord } from './contracts/questionTypes.js';
import type { VoteRound } from './contracts/voteTypes.js';
import type {
  AgendaItemRecord,
  BoardPlacement,
  GroupRecord,
  PersonRecord,
  SessionRecord,
  WorkshopRecord,
} from './contracts/workshopTypes.js';

/**
 * Rows as both databases return them: the same column names in SQLite and
 * PostgreSQL (BIGINT parsed to number there, see `postgresTypes`), so one set of
 * mappers serves both adapters.
 */
export interface BoardRow {
  id: string;
  title: string;
  kind: string;
  created_at: number;
  workshop_id: string | null;
  session_id: string | null;
  group_id: string | null;
  /** Added by migration 4; 0/1 in SQLite, boolean in PostgreSQL. */
  anonymous?: number | boolean | null;
}

export interface SessionRow {
  id: string;
  workshop_id: string;
  position: number;
  title: string;
  kind: string;
  date: string | null;
  status: string;
  join_code: string | null;
  mode: string;
  current_item_id: string | null;
  current_item_started_at: number | null;
  /** Added by migration 12. */
  start_time?: string | null;
  place?: string | null;
  tables_open?: number | boolean | null;
}

export interface PersonRow {
  id: string;
  workshop_id: string;
  name: string;
  department: string | null;
  role: string;
  joined_at: number;
  revoked_at: number | null;
}

export interface AgendaRow {
  id: string;
  session_id: string;
  position: number;
  title: string;
  kind: string;
  minutes: number;
  /** Added by migration 12. */
  text?: string | null;
}

export interface FacilitatorRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: number;
}

export interface WorkshopRow {
  id: string;
  title: string;
  organisation: string;
  language: string;
  created_at: number;
  /** JSON, added by migration 12. */
  prompts?: string | null;
}

export interface GroupRow {
  id: string;
  session_id: string;
  position: number;
  name: string;
}

/** One person at one table (group_members). */
export interface MemberRow {
  group_id: string;
  person_id: string;
}

/** Tables with their members, in the order of `members` (both engines read them in join order). */
export function toGroups(groups: readonly GroupRow[], members: readonly MemberRow[]): GroupRecord[] {
  const byGroup = new Map<string, string[]>();
  for (const m of members) {
    const list = byGroup.get(m.group_id);
    if (list) list.push(m.person_id);
    else byGroup.set(m.group_id, [m.person_id]);
  }
  return groups.map((row) => ({
    id: row.id,
    sessionId: row.session_id,
    position: row.position,
    name: row.name,
    memberIds: byGroup.get(row.id) ?? [],
  }));
}

export const toBoardRecord = (row: BoardRow): BoardRecord => ({
  id: row.id,
  title: row.title,
  kind: row.kind as BoardKind,
  createdAt: row.created_at,
  workshopId: row.workshop_id,
  sessionId: row.session_id,
  groupId: row.group_id,
  ...(row.anonymous ? { anonymous: true } : {}),
});

export const toSession = (row: SessionRow): SessionRecord => ({
  id: row.id,
  workshopId: row.workshop_id,
  position: row.position,
  title: row.title,
  kind: row.kind as SessionKind,
  date: row.date,
  status: row.status as SessionStatus,
  joinCode: row.join_code,
  mode: row.mode === 'groups' ? 'groups' : 'plenum',
  currentItemId: row.current_item_id,
  currentItemStartedAt: row.current_item_started_at,
  startTime: row.start_time ?? null,
  place: row.place ?? '',
  tablesOpen: Boolean(row.tables_open),
});

export const toPerson = (row: PersonRow): PersonRecord => ({
  id: row.id,
  workshopId: row.workshop_id,
  name: row.name,
  department: row.department,
  role: row.role as Role,
  joinedAt: row.joined_at,
  revokedAt: row.revoked_at,
});

export const toAgendaItem = (row: AgendaRow): AgendaItemRecord => ({
  id: row.id,
  sessionId: row.session_id,
  position: row.position,
  title: row.title,
  kind: row.kind as AgendaKind,
  text: row.text ?? '',
  minutes: row.minutes,
});

export const toFacilitator = (row: FacilitatorRow): FacilitatorRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
});

export const toWorkshop = (row: WorkshopRow): WorkshopRecord => ({
  id: row.id,
  title: row.title,
  organisation: row.organisation,
  language: row.language === 'en' ? 'en' : 'da',
  createdAt: row.created_at,
  prompts: parsePrompts(row.prompts ?? null),
});

export interface RoundRow {
  id: string;
  board_id: string;
  budget: number;
  max_per_note: number;
  status: string;
  opened_at: number;
  closed_at: number | null;
}

export const toRound = (row: RoundRow): VoteRound => ({
  id: row.id,
  boardId: row.board_id,
  budget: row.budget,
  maxPerNote: row.max_per_note,
  status: row.status === 'open' ? 'open' : 'closed',
  openedAt: row.opened_at,
  closedAt: row.closed_at,
});

export interface QuestionRow {
  id: string;
  workshop_id: string;
  kind: string;
  text: string;
  anonymous: number | boolean;
  author_key: string;
  author_name: string | null;
  created_at: number;
  status: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: number | null;
  hidden_reason: string | null;
  hidden_at: number | null;
  idea_id?: string | null;
  supports?: number;
}

export const toQuestion = (row: QuestionRow): QuestionRecord => ({
  id: row.id,
  workshopId: row.workshop_id,
  kind: row.kind === 'proposal' ? 'proposal' : 'question',
  text: row.text,
  anonymous: Boolean(row.anonymous),
  authorKey: row.author_key,
  authorName: row.author_name,
  createdAt: row.created_at,
  status: row.status === 'answered' ? 'answered' : row.status === 'in_catalog' ? 'in_catalog' : 'new',
  answer: row.answer,
  answeredBy: row.answered_by,
  answeredAt: row.answered_at,
  hiddenReason: row.hidden_reason,
  hiddenAt: row.hidden_at,
  ideaId: row.idea_id ?? null,
});

export interface EvaluationRow {
  id: string;
  workshop_id: string;
  status: string;
  ratings: string;
  free_text: string | null;
  anonymous: number | boolean;
  opened_at: number;
  closed_at: number | null;
}

export const toEvaluation = (row: EvaluationRow): EvaluationRecord => ({
  id: row.id,
  workshopId: row.workshop_id,
  status: row.status === 'open' ? 'open' : 'closed',
  ratings: JSON.parse(row.ratings) as EvaluationRecord['ratings'],
  freeText: row.free_text,
  anonymous: Boolean(row.anonymous),
  openedAt: row.opened_at,
  closedAt: row.closed_at,
});

export interface EvaluationResponseRow {
  evaluation_id: string;
  respondent_key: string;
  respondent_name: string | null;
  ratings: string;
  text: string | null;
  answered_at: number;
}

export const toEvaluationResponse = (row: EvaluationResponseRow): EvaluationResponseRecord => ({
  evaluationId: row.evaluation_id,
  respondentKey: row.respondent_key,
  respondentName: row.respondent_name,
  ratings: JSON.parse(row.ratings) as Record<string, number>,
  text: row.text,
  answeredAt: row.answered_at,
});

export interface InviteRow {
  id: string;
  workshop_id: string;
  role: string;
  single_use: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
}

export const toInvite = (row: InviteRow): InviteRecord => ({
  id: row.id,
  workshopId: row.workshop_id,
  role: row.role === 'leader' ? 'leader' : 'viewer',
  singleUse: Boolean(row.single_use),
  createdAt: Number(row.created_at),
  expiresAt: Number(row.expires_at),
  usedAt: row.used_at === null ? null : Number(row.used_at),
  revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
});

/** The session columns a board's placement joins in (getBoardPlacement). */
export interface PlacementColumns {
  session_status: string | null;
  session_mode: string | null;
  session_tables_open: number | boolean | null;
}

export const toPlacement = (row: BoardRow & PlacementColumns): BoardPlacement => {
  const board = toBoardRecord(row);
  return {
    board,
    sessionStatus: (row.session_status as SessionStatus | null) ?? null,
    tableClosed: board.groupId !== null && row.session_mode === 'plenum' && !row.session_tables_open,
  };
};

export interface TemplateRow {
  id: string;
  facilitator_id: string;
  title: string;
  spec: string;
  created_at: number;
}

export const toTemplate = (row: TemplateRow): SavedTemplateRecord => ({
  id: row.id,
  facilitatorId: row.facilitator_id,
  title: row.title,
  spec: row.spec,
  createdAt: row.created_at,
});

/** A row of done_marks: one person's "done" in one round of a session. */
export interface DoneMarkRow {
  session_id: string;
  round: string;
  person_id: string;
  group_id: string;
  at: number;
}

export const toDoneMark = (row: DoneMarkRow): DoneMark => ({
  sessionId: row.session_id,
  round: row.round,
  personId: row.person_id,
  groupId: row.group_id,
  at: row.at,
});

/** A row of decision_history. */
export interface DecisionRow {
  idea_id: string;
  field: string;
  from_value: string | null;
  to_value: string | null;
  by_name: string;
  at: number;
}

export const toDecisionChange = (row: DecisionRow): DecisionChange => ({
  ideaId: row.idea_id,
  field: row.field as DecisionChange['field'],
  from: row.from_value,
  to: row.to_value,
  by: row.by_name,
  at: row.at,
});
