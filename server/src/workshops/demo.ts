import type { DecisionChange } from '@samle/shared';
import {
  type BoardKind,
  type ClusterColor,
  createCluster,
  createNote,
  type NoteColor,
  setNoteCluster,
  tidyCluster,
} from '@samle/shared';
import { planDemoCatalog } from '../catalog/demoCatalog.js';
import type { GroupRecord, NewBoard, PersonRecord, WorkshopPlan } from '../storage/contracts/workshopTypes.js';
import { initialBoardUpdate } from './boardDocs.js';
import { newBoard, newId, planWorkshop, tableName } from './plan.js';

/**
 * "Create a demo workshop": a fictional municipality's process, half-way through —
 * leadership workshop 1 done, employee day 1 running group work at two tables,
 * the threads already gathered into an assessed and published idea catalog
 * (demoCatalog.ts) — so a new facilitator sees Samle working before preparing
 * their own, leader panel included.
 */

const participants: Array<[string, string]> = [
  ['Mette Kristensen', 'Byggesag'],
  ['Anders Holm', 'Erhverv'],
  ['Sofie Lund', 'Borgerservice'],
  ['Jonas Madsen', 'Miljø'],
  ['Camilla Bech', 'Byggesag'],
  ['Rasmus Thomsen', 'Erhverv'],
  ['Louise Vestergaard', 'Borgerservice'],
  ['Peter Skov', 'Miljø'],
];
const leaders = ['Hanne Søndergaard (kommunaldirektør)', 'Michael Friis (teknisk direktør)'];

type NoteSpec = [text: string, color: NoteColor, author: number];

const table1Notes: NoteSpec[] = [
  ['Virksomheder ved ikke, hvem de skal ringe til', 'yellow', 0],
  ['Byggesager tager for lang tid — og de hører intet undervejs', 'pink', 4],
  ['Vi beder om de samme oplysninger flere gange', 'yellow', 2],
  ['Én indgang for virksomheder', 'green', 0],
  ['Fast kontaktperson på store sager', 'green', 6],
  ['Status på sagen online', 'blue', 4],
  ['Vi taler et andet sprog end virksomhederne', 'pink', 2],
  ['Forhåndsmøde før ansøgning', 'green', 6],
];
const table2Notes: NoteSpec[] = [
  ['Miljøgodkendelser kræver mange runder', 'pink', 3],
  ['Erhvervskonsulenten kender ikke byggesagens status', 'yellow', 1],
  ['Fælles kalender for besøg hos virksomheder', 'green', 5],
  ['Ring tilbage inden for 24 timer', 'green', 7],
  ['Tjekliste før ansøgning', 'blue', 3],
  ['Virksomhedsbesøg sammen på tværs af afdelinger', 'green', 1],
  ['Klarsprog i afgørelser', 'blue', 7],
];
const plenumNotes: NoteSpec[] = [
  ['God service = hurtigt svar, også når svaret er nej', 'orange', 1],
  ['Virksomhederne vil have én, der tager ansvar for sagen', 'orange', 0],
  ['Hvordan måler vi, om servicen bliver bedre?', 'purple', 5],
  ['Vi skal kende hinandens opgaver bedre', 'yellow', 2],
  ['Hvad må vi love virksomhederne?', 'purple', 6],
];
const leadershipNotes: Array<[string, NoteColor]> = [
  ['Medarbejderne må gerne foreslå ændringer på tværs af forvaltninger', 'green'],
  ['Ingen nye stillinger — men vi kan flytte opgaver', 'pink'],
  ['Svar på forslag inden for to uger', 'yellow'],
  ['Byrådet skal inddrages ved ændringer i servicemål', 'blue'],
];

function fillNotes(
  notes: NoteSpec[],
  people: PersonRecord[],
  now: number,
  clusters: Array<ReturnType<typeof clusterAround>> = [],
) {
  return (doc: Parameters<typeof createNote>[0]) => {
    const ids: string[] = [];
    notes.forEach(([text, color, author], index) => {
      const person = people[author];
      const id = newId();
      ids.push(id);
      createNote(doc, {
        id,
        x: 60 + (index % 4) * 240,
        y: 60 + Math.floor(index / 4) * 200,
        color,
        text,
        authorId: person?.id,
        authorName: person?.name,
        createdAt: now - (notes.length - index) * 60_000,
      });
    });
    for (const cluster of clusters) cluster(doc, ids);
  };
}

/** A titled cluster around some of a board's notes (by their index in the spec), tidied into a grid. */
function clusterAround(title: string, color: ClusterColor, x: number, y: number, noteIndexes: number[]) {
  return (doc: Parameters<typeof createNote>[0], noteIds: string[]) => {
    const id = newId();
    createCluster(doc, { id, x, y, w: 520, h: 300, title, color, createdAt: 0 });
    for (const index of noteIndexes) {
      const noteId = noteIds[index];
      if (noteId) setNoteCluster(doc, noteId, id);
    }
    tidyCluster(doc, id);
  };
}

function withNotes(board: NewBoard, fill: ReturnType<typeof fillNotes>): NewBoard {
  return { board: board.board, initialUpdate: initialBoardUpdate(board.board.title, board.board.kind, fill) };
}

export interface DemoWorkshop {
  plan: WorkshopPlan;
  /** The demo assessments' history of changes, for the decision history store. */
  decisionHistory: DecisionChange[];
}

export function planDemoWorkshop(facilitatorId: string, facilitatorName: string, now: number): DemoWorkshop {
  const start = new Date(now - 14 * 86400_000).toISOString().slice(0, 10);
  const plan = planWorkshop(
    {
      title: 'Demo: Erhvervsservice i Sønderå Kommune',
      organisation: 'Sønderå Kommune',
      template: 'business-service',
      startDate: start,
      language: 'da',
    },
    facilitatorId,
    now,
  );
  const workshopId = plan.workshop.id;
  const [leadership1, day1] = plan.sessions;
  if (!leadership1 || !day1) throw new Error('planDemoWorkshop: the template lost its sessions');
  leadership1.status = 'ended';
  day1.status = 'open';
  day1.mode = 'groups';
  const groupItem = plan.agenda.find((item) => item.sessionId === day1.id && item.kind === 'group_work');
  day1.currentItemId = groupItem?.id ?? null;
  day1.currentItemStartedAt = groupItem ? now - 12 * 60_000 : null;

  const people: PersonRecord[] = participants.map(([name, department], index) => ({
    id: newId(),
    workshopId,
    name,
    department,
    role: 'participant',
    joinedAt: now - (60 - index) * 60_000,
    revokedAt: null,
  }));
  const leaderPeople: PersonRecord[] = leaders.map((name, index) => ({
    id: newId(),
    workshopId,
    name,
    department: 'Direktionen',
    role: 'leader',
    joinedAt: now - 15 * 86400_000 + index * 60_000,
    revokedAt: null,
  }));
  const groups: GroupRecord[] = [0, 1].map((index) => ({
    id: newId(),
    sessionId: day1.id,
    position: index,
    name: tableName(index, 'da'),
    // Even people at table 1, odd at table 2: departments mixed.
    memberIds: people.filter((_p, i) => i % 2 === index).map((p) => p.id),
  }));

  const place = { workshopId, sessionId: day1.id };
  const [group1, group2] = groups as [GroupRecord, GroupRecord];
  const boards = plan.boards.map((board) => {
    if (board.board.sessionId === day1.id && board.board.kind === 'plenum') {
      return withNotes(
        board,
        fillNotes(plenumNotes, people, now, [clusterAround('Hvad er god service?', 'sky', 1100, 40, [0, 1])]),
      );
    }
    if (board.board.sessionId === leadership1.id) {
      const notes = leadershipNotes.map(([text, color], i): NoteSpec => [text, color, i % 2]);
      return withNotes(board, fillNotes(notes, leaderPeople, now - 14 * 86400_000));
    }
    return board;
  });
  const tableBoard = (group: GroupRecord, notes: NoteSpec[], clusters: Array<ReturnType<typeof clusterAround>>) => {
    const kind: BoardKind = 'group';
    const board = newBoard(`${day1.title} — ${group.name}`, kind, { ...place, groupId: group.id }, now);
    return withNotes(board, fillNotes(notes, people, now, clusters));
  };
  boards.push(
    tableBoard(group1, table1Notes, [
      clusterAround('Én indgang', 'mint', 1100, 40, [0, 3, 4]),
      clusterAround('Sagsbehandling', 'rose', 1100, 560, [1, 5, 7]),
    ]),
    tableBoard(group2, table2Notes, [clusterAround('Hurtigere svar', 'sand', 1100, 40, [3, 6, 4])]),
  );

  const full: WorkshopPlan = { ...plan, people: [...people, ...leaderPeople], groups, boards };
  const catalog = planDemoCatalog(
    full,
    { leaders: leaderPeople.map((p) => p.name), facilitator: facilitatorName },
    now,
  );
  return { plan: { ...full, docs: catalog.docs }, decisionHistory: catalog.history };
}
