import * as Y from 'yjs';
import type { BoardRecord } from '../../src/storage/contracts/boardTypes.js';
import type { FacilitatorRecord } from '../../src/storage/contracts/facilitatorTypes.js';
import type { NewBoard, PersonRecord, WorkshopPlan } from '../../src/storage/contracts/workshopTypes.js';

/** Timestamps past 2^31, as Date.now() gives: BIGINT columns must keep them exact. */
export const T0 = 1_760_000_000_000;

/** A doc's first update, like the server writes for a new board: its meta. */
export function metaUpdate(title: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', title);
  return Y.encodeStateAsUpdate(doc);
}

/** Rebuilds a doc from what storage returns, the way the relay does. */
export function docFrom(parts: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (parts.snapshot) Y.applyUpdate(doc, parts.snapshot);
  for (const update of parts.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** A doc that records each change as its own update, in order. */
export function editor(clientId: number): { doc: Y.Doc; updates: Uint8Array[]; set(key: string, value: string): void } {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates, set: (key, value) => doc.getMap('notes').set(key, value) };
}

export function standaloneBoard(id: string, createdAt: number): BoardRecord {
  return { id, title: `Board ${id}`, kind: 'plenum', createdAt, workshopId: null, sessionId: null, groupId: null };
}

export function facilitator(id: string, email: string): FacilitatorRecord {
  return { id, email, name: `F ${id}`, passwordHash: `scrypt$${id}`, createdAt: T0 };
}

export function person(id: string, workshopId: string, joinedAt: number): PersonRecord {
  return {
    id,
    workshopId,
    name: `P ${id}`,
    department: id === 'p1' ? 'Byg' : null,
    role: 'participant',
    joinedAt,
    revokedAt: null,
  };
}

function board(id: string, kind: BoardRecord['kind'], sessionId: string, groupId: string | null, at: number): NewBoard {
  return {
    board: { id, title: `Board ${id}`, kind, createdAt: at, workshopId: 'w1', sessionId, groupId },
    initialUpdate: metaUpdate(id),
  };
}

/**
 * Workshop w1 of facilitator f1: session s1 (employee day, open, join code ABC123) with two
 * tables g1 {p1, p2} and g2 {p3}, session s2 (leadership, planned). Rows are listed out of
 * order so the store has to sort them.
 */
export function workshopPlan(): WorkshopPlan {
  return {
    workshop: {
      id: 'w1',
      title: 'Erhvervsservice',
      organisation: 'Testrup Kommune',
      language: 'en',
      createdAt: T0,
      prompts: { reflection: 'What will you change?', questionsHint: '', evaluation: ['Useful', 'Clear'] },
    },
    facilitatorId: 'f1',
    sessions: [
      {
        id: 's2',
        workshopId: 'w1',
        position: 1,
        title: 'Leaders',
        kind: 'leadership',
        date: null,
        startTime: null,
        place: '',
        status: 'planned',
        joinCode: null,
        mode: 'plenum',
        currentItemId: null,
        currentItemStartedAt: null,
        tablesOpen: false,
      },
      {
        id: 's1',
        workshopId: 'w1',
        position: 0,
        title: 'Employee day',
        kind: 'employee_day',
        date: '2026-03-02',
        startTime: '09:00',
        place: 'Rådhuset',
        status: 'open',
        joinCode: 'ABC123',
        mode: 'groups',
        currentItemId: 'a2',
        currentItemStartedAt: T0 + 5,
        tablesOpen: false,
      },
    ],
    agenda: [
      {
        id: 'a2',
        sessionId: 's1',
        position: 1,
        title: 'Group work',
        kind: 'group_work',
        text: 'One idea per note',
        minutes: 45,
      },
      { id: 'a1', sessionId: 's1', position: 0, title: 'Welcome', kind: 'talk', text: '', minutes: 10 },
      { id: 'a3', sessionId: 's2', position: 0, title: 'Decide', kind: 'leader_panel', text: '', minutes: 30 },
    ],
    people: [person('p3', 'w1', T0 + 3), person('p1', 'w1', T0 + 1), person('p2', 'w1', T0 + 2)],
    groups: [
      { id: 'g2', sessionId: 's1', position: 1, name: 'Table 2', memberIds: ['p3'] },
      { id: 'g1', sessionId: 's1', position: 0, name: 'Table 1', memberIds: ['p2', 'p1'] },
    ],
    boards: [
      board('b-plenum', 'plenum', 's1', null, T0 + 10),
      board('b-g1', 'group', 's1', 'g1', T0 + 11),
      board('b-g2', 'group', 's1', 'g2', T0 + 12),
      board('b-lead', 'leadership', 's2', null, T0 + 13),
    ],
  };
}
