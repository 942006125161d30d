import type { BoardKind, CreateWorkshopBody } from '@samle/shared';
import { customAlphabet } from 'nanoid';
import type { BoardRecord } from '../storage/types.js';
import type { AgendaItemRecord, NewBoard, SessionRecord, WorkshopPlan } from '../storage/workshopTypes.js';
import { initialBoardUpdate } from './boardDocs.js';
import { blankProcess, municipalProcess } from './template.js';

/** Join codes: six characters without look-alikes (no 0/O, 1/I/L), easy to read from the back of a room. */
export const newJoinCode = customAlphabet('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 6);
/**
 * Ids for workshops, sessions, people, tables and boards: 14 letters and digits
 * (≈ 83 bits). No `-` or `_`: an id never looks like a command-line flag or
 * breaks a double-click selection.
 */
export const newId = customAlphabet('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 14);

/** "Bord 3" / "Table 3". */
export function tableName(index: number, language: 'da' | 'en'): string {
  return `${language === 'da' ? 'Bord' : 'Table'} ${index + 1}`;
}

function addDays(isoDate: string, days: number): string {
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

/** Turns "create a workshop from the template" into rows: workshop, sessions, agenda, boards. */
export function planWorkshop(body: CreateWorkshopBody, facilitatorId: string, now: number): WorkshopPlan {
  const language = body.language ?? 'da';
  const template = body.template === 'municipal-process' ? municipalProcess : blankProcess;
  const workshopId = newId();
  const sessions: SessionRecord[] = [];
  const agenda: AgendaItemRecord[] = [];
  const boards: NewBoard[] = [];
  template.forEach((spec, position) => {
    const sessionId = newId();
    sessions.push({
      id: sessionId,
      workshopId,
      position,
      title: spec.title[language],
      kind: spec.kind,
      date: body.startDate ? addDays(body.startDate, spec.dayOffset) : null,
      status: 'planned',
      // Leaders join by invite link; a participant code on a leadership session would let anyone in.
      joinCode: spec.kind === 'leadership' ? null : newJoinCode(),
      mode: 'plenum',
      currentItemId: null,
      currentItemStartedAt: null,
    });
    spec.agenda.forEach((entry, index) => {
      agenda.push({
        id: newId(),
        sessionId,
        position: index,
        title: entry.title[language],
        kind: entry.kind,
        minutes: entry.minutes,
      });
    });
    for (const board of spec.boards) {
      boards.push(newBoard(board.title[language], board.kind, { workshopId, sessionId }, now));
    }
  });
  return {
    workshop: {
      id: workshopId,
      title: body.title.trim(),
      organisation: body.organisation?.trim() ?? '',
      language,
      createdAt: now,
    },
    facilitatorId,
    sessions,
    agenda,
    people: [],
    groups: [],
    boards,
  };
}
