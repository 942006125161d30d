import type { BoardRecord } from './contracts/boardTypes.js';
import type { QuestionRecord } from './contracts/questionTypes.js';
import type { AgendaItemRecord, PersonRecord, SessionRecord } from './contracts/workshopTypes.js';

/**
 * The columns both engines write a row with, and the row's values in their order:
 * one definition per table, so SQLite's `INSERT … VALUES (?, …)` (sqlite/sqliteInsert.ts)
 * and PostgreSQL's bulk `insertRows` (postgres/postgresDb.ts) cannot drift apart. The
 * type names PostgreSQL's array parameter; SQLite binds a boolean as 1 or 0.
 */
export type Column = readonly [name: string, type: 'text' | 'integer' | 'bigint' | 'bytea' | 'boolean'];

export const sessionColumns: readonly Column[] = [
  ['id', 'text'],
  ['workshop_id', 'text'],
  ['position', 'integer'],
  ['title', 'text'],
  ['kind', 'text'],
  ['date', 'text'],
  ['status', 'text'],
  ['join_code', 'text'],
  ['mode', 'text'],
  ['current_item_id', 'text'],
  ['current_item_started_at', 'bigint'],
  ['start_time', 'text'],
  ['place', 'text'],
  ['tables_open', 'boolean'],
];
export const sessionValues = (s: SessionRecord): unknown[] => [
  s.id,
  s.workshopId,
  s.position,
  s.title,
  s.kind,
  s.date,
  s.status,
  s.joinCode,
  s.mode,
  s.currentItemId,
  s.currentItemStartedAt,
  s.startTime,
  s.place,
  s.tablesOpen,
];

export const agendaColumns: readonly Column[] = [
  ['id', 'text'],
  ['session_id', 'text'],
  ['position', 'integer'],
  ['title', 'text'],
  ['kind', 'text'],
  ['minutes', 'integer'],
  ['text', 'text'],
];
export const agendaValues = (a: AgendaItemRecord): unknown[] => [
  a.id,
  a.sessionId,
  a.position,
  a.title,
  a.kind,
  a.minutes,
  a.text,
];

export const personColumns: readonly Column[] = [
  ['id', 'text'],
  ['workshop_id', 'text'],
  ['name', 'text'],
  ['department', 'text'],
  ['role', 'text'],
  ['joined_at', 'bigint'],
  ['revoked_at', 'bigint'],
];
export const personValues = (p: PersonRecord): unknown[] => [
  p.id,
  p.workshopId,
  p.name,
  p.department,
  p.role,
  p.joinedAt,
  p.revokedAt,
];

export const boardColumns: readonly Column[] = [
  ['id', 'text'],
  ['title', 'text'],
  ['kind', 'text'],
  ['created_at', 'bigint'],
  ['workshop_id', 'text'],
  ['session_id', 'text'],
  ['group_id', 'text'],
];
export const boardValues = (b: BoardRecord): unknown[] => [
  b.id,
  b.title,
  b.kind,
  b.createdAt,
  b.workshopId ?? null,
  b.sessionId ?? null,
  b.groupId ?? null,
];

export const questionColumns: readonly Column[] = [
  ['id', 'text'],
  ['workshop_id', 'text'],
  ['kind', 'text'],
  ['text', 'text'],
  ['anonymous', 'boolean'],
  ['author_key', 'text'],
  ['author_name', 'text'],
  ['created_at', 'bigint'],
  ['status', 'text'],
  ['answer', 'text'],
  ['answered_by', 'text'],
  ['answered_at', 'bigint'],
  ['hidden_reason', 'text'],
  ['hidden_at', 'bigint'],
];
export const questionValues = (q: QuestionRecord): unknown[] => [
  q.id,
  q.workshopId,
  q.kind,
  q.text,
  q.anonymous,
  q.authorKey,
  q.authorName,
  q.createdAt,
  q.status,
  q.answer,
  q.answeredBy,
  q.answeredAt,
  q.hiddenReason,
  q.hiddenAt,
];
