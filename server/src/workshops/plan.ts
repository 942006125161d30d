import type { BoardKind, CreateWorkshopBody, Prompts } from '@samle/shared';
import { customAlphabet } from 'nanoid';
import { newId } from '../ids.js';
import type { BoardRecord } from '../storage/contracts/boardTypes.js';
import type {
  AgendaItemRecord,
  NewBoard,
  SessionRecord,
  WorkshopGraph,
  WorkshopPlan,
} from '../storage/contracts/workshopTypes.js';
import { initialBoardUpdate } from './boardDocs.js';
import { builtInProcess, type ProcessSpec } from './template.js';

/** Join codes: six characters without look-alikes (no 0/O, 1/I/L), easy to read from the back of a room. */
export const newJoinCode = customAlphabet('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 6);
// Ids are made in ids.ts; the workshop code imports them from here as before.
export { newId };

/** "Bord 3" / "Table 3". */
export function tableName(index: number, language: 'da' | 'en'): string {
  return `${language === 'da' ? 'Bord' : 'Table'} ${index + 1}`;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function newBoard(
  title: string,
  kind: BoardKind,
  place: { workshopId: string; sessionId: string; groupId?: string | null },
  now: number,
): NewBoard {
  const board: BoardRecord = {
    id: newId(),
    title,
    kind,
    createdAt: now,
    workshopId: place.workshopId,
    sessionId: place.sessionId,
    groupId: place.groupId ?? null,
  };
  return { board, initialUpdate: initialBoardUpdate(title, kind) };
}

/** What a new workshop is called and when it starts; the process comes from a `ProcessSpec`. */
export interface NewWorkshop {
  title: string;
  organisation: string;
  language: 'da' | 'en';
  /** First session's date; the others keep the spec's spacing. */
  startDate: string | null;
}

/** Turns "create a workshop from the template" into rows: workshop, sessions, agenda, boards. */
export function planWorkshop(body: CreateWorkshopBody, facilitatorId: string, now: number): WorkshopPlan {
  const language = body.language ?? 'da';
  return planFromSpec(
    builtInProcess(body.template, language),
    {
      title: body.title.trim(),
      organisation: body.organisation?.trim() ?? '',
      language,
      startDate: body.startDate ?? null,
    },
    facilitatorId,
    now,
  );
}

/** A new workshop from a process (a built-in template, a saved one, or a workshop being duplicated). */
export function planFromSpec(spec: ProcessSpec, what: NewWorkshop, facilitatorId: string, now: number): WorkshopPlan {
  const workshopId = newId();
  const sessions: SessionRecord[] = [];
  const agenda: AgendaItemRecord[] = [];
  const boards: NewBoard[] = [];
  spec.sessions.forEach((session, position) => {
    const sessionId = newId();
    sessions.push({
      id: sessionId,
      workshopId,
      position,
      title: session.title,
      kind: session.kind,
      date: what.startDate ? addDays(what.startDate, session.dayOffset) : null,
      startTime: session.startTime,
      place: session.place,
      status: 'planned',
      // Leaders join by invite link; a participant code on a leadership session would let anyone in.
      joinCode: session.kind === 'leadership' ? null : newJoinCode(),
      mode: 'plenum',
      currentItemId: null,
      currentItemStartedAt: null,
      tablesOpen: false,
    });
    session.agenda.forEach((entry, index) => {
      agenda.push({ id: newId(), sessionId, position: index, ...entry });
    });
    for (const board of session.boards) {
      boards.push(newBoard(board.title, board.kind, { workshopId, sessionId }, now));
    }
  });
  return {
    workshop: {
      id: workshopId,
      title: what.title,
      organisation: what.organisation,
      language: what.language,
      createdAt: now,
      prompts: spec.prompts,
    },
    facilitatorId,
    sessions,
    agenda,
    people: [],
    groups: [],
    boards,
  };
}

const DAY_MS = 86_400_000;

/**
 * A workshop's process as a spec: sessions (spacing kept from their dates),
 * agenda and texts, shared boards by title — no people, tables, notes or dates.
 */
export function specFromGraph(graph: WorkshopGraph, defaults: Prompts): ProcessSpec {
  const dated = graph.sessions.find((session) => session.date !== null)?.date ?? null;
  const first = dated ? Date.parse(`${dated}T12:00:00Z`) : null;
  return {
    prompts: graph.workshop.prompts ?? defaults,
    sessions: graph.sessions.map((session, index) => ({
      title: session.title,
      kind: session.kind,
      dayOffset:
        first !== null && session.date
          ? Math.round((Date.parse(`${session.date}T12:00:00Z`) - first) / DAY_MS)
          : index * 14,
      startTime: session.startTime,
      place: session.place,
      agenda: graph.agenda
        .filter((item) => item.sessionId === session.id)
        .map(({ title, kind, minutes, text }) => ({ title, kind, minutes, text })),
      boards: graph.boards
        .filter((board) => board.sessionId === session.id && !board.groupId && board.kind !== 'group')
        .map((board) => ({ title: board.title, kind: board.kind })),
    })),
  };
}
