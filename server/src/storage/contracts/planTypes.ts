import type { Prompts, SessionKind } from '@samle/shared';
import type { AgendaItemRecord, SessionRecord } from './workshopTypes.js';

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
