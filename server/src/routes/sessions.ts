import { randomInt } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AssignGroupBody,
  CloseCode,
  GroupWorkBody,
  JoinCodeBody,
  Session,
  SetCurrentItemBody,
  type SplitGroupsBody as SplitGroups,
  SplitGroupsBody,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { ApiFailure } from '../errors.js';
import type { BoardHistory } from '../history/BoardHistory.js';
import type { AccessStore } from '../storage/contracts/accessTypes.js';
import type { AfterDecisionStore } from '../storage/contracts/afterDecisionTypes.js';
import type { EvaluationStore } from '../storage/contracts/evaluationTypes.js';
import type { GroupRecord, PersonRecord, SessionRecord, WorkshopStore } from '../storage/contracts/workshopTypes.js';
import type { Relay } from '../sync/Relay.js';
import { agendaEvaluation } from '../workshops/agendaEvaluation.js';
import { buildWorkshopDetail } from '../workshops/detail.js';
import { newBoard, newId, newJoinCode, tableName } from '../workshops/plan.js';
import { facilitatedSession } from './guards.js';

export interface SessionRouteOptions {
  store: WorkshopStore;
  credentials: AccessStore;
  access: AccessService;
  relay: Relay;
  /** Board history: a snapshot of each of the session's boards when it ends. */
  history: BoardHistory;
  /** When each agenda item ran, for the session report. */
  afterDecision: AfterDecisionStore;
  /** Starting an evaluation item opens the evaluation for everyone. */
  evaluations: EvaluationStore;
}

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** Deals people round-robin onto `count` tables; `department` spreads each department across the tables. */
export function dealTables(people: PersonRecord[], count: number, by: SplitGroups['by']): PersonRecord[][] {
  const shuffled = [...people];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j] as PersonRecord, shuffled[i] as PersonRecord];
  }
  if (by === 'department') {
    // Stable sort keeps the shuffle within a department; dealing in this order spreads each department out.
    shuffled.sort((a, b) => (a.department ?? '').localeCompare(b.department ?? '', 'da'));
  }
  const tables: PersonRecord[][] = Array.from({ length: count }, () => []);
  shuffled.forEach((person, index) => {
    tables[index % count]?.push(person);
  });
  return tables;
}

export async function sessionRoutes(server: FastifyInstance, options: SessionRouteOptions): Promise<void> {
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { store, credentials, access, relay, history, afterDecision, evaluations } = options;

  /** The evaluation item opens the evaluation (once: an open one is left as it is, answers and all). */
  async function openAgendaEvaluation(workshopId: string): Promise<void> {
    const latest = await evaluations.latestEvaluation(workshopId);
    if (latest?.status === 'open') return;
    const workshop = (await store.getWorkshopGraph(workshopId))?.workshop;
    if (!workshop) return;
    await evaluations.openEvaluation(agendaEvaluation(workshop, newId(), Date.now()));
  }

  async function sessionView(session: SessionRecord) {
    const graph = await store.getWorkshopGraph(session.workshopId);
    const view = graph && buildWorkshopDetail(graph, 'facilitator', null).sessions.find((s) => s.id === session.id);
    if (!view) throw new ApiFailure(404, 'SESSION_NOT_FOUND', 'There is no such session.');
    return view;
  }

  function assertNotEnded(session: SessionRecord): void {
    if (session.status === 'ended') {
      throw new ApiFailure(409, 'SESSION_ENDED', 'This session has ended; its boards are archived read-only.');
    }
  }

  /** People whose table changed reconnect, so their sockets get their new access at once. */
  function reconnectPeople(personIds: Iterable<string>): void {
    relay.closeWhere({ personIds: [...new Set(personIds)] }, CloseCode.AccessChanged, 'your table changed');
  }

  /** During group work every table has a board; tables without one get it now. */
  async function ensureTableBoards(session: SessionRecord): Promise<void> {
    const graph = await store.getWorkshopGraph(session.workshopId);
    if (!graph) return;
    const boarded = new Set(graph.boards.map((b) => b.groupId).filter(Boolean));
    const missing = graph.groups.filter((g) => g.sessionId === session.id && !boarded.has(g.id));
    const now = Date.now();
    await store.createBoards(
      missing.map((group) =>
        newBoard(
          `${session.title} — ${group.name}`,
          'group',
          { workshopId: session.workshopId, sessionId: session.id, groupId: group.id },
          now,
        ),
      ),
    );
  }

  /**
   * Moves the room between plenum and group work. Table boards are writable for
   * their participants only during group work (or when kept open): whoever's
   * access changes reconnects at once and gets the new access.
   */
  async function setRoomMode(session: SessionRecord, mode: 'plenum' | 'groups', keepTablesOpen = false) {
    if (mode === 'groups') await ensureTableBoards(session);
    const tablesOpen = mode === 'plenum' ? keepTablesOpen : session.tablesOpen;
    await store.updateSession(session.id, { mode, tablesOpen });
    if (session.mode === mode && session.tablesOpen === tablesOpen) return;
    const graph = await store.getWorkshopGraph(session.workshopId);
    const tableBoards = (graph?.boards ?? []).filter((b) => b.sessionId === session.id && b.groupId).map((b) => b.id);
    const closing = mode === 'plenum' && !tablesOpen;
    relay.closeWhere(
      { docIds: tableBoards, ...(closing ? { writersOnly: true } : {}) },
      CloseCode.AccessChanged,
      closing ? 'back to plenum' : 'group work started',
    );
  }

  const route = { schema: { params: IdParams, response: { 200: Session } } };

  app.post('/api/sessions/:id/open', route, async (request) => {
    const session = await facilitatedSession(request, access, store, request.params.id);
    assertNotEnded(session);
    await store.updateSession(session.id, { status: 'open' });
    return sessionView({ ...session, status: 'open' });
  });

  app.post('/api/sessions/:id/end', route, async (request) => {
    const session = await facilitatedSession(request, access, store, request.params.id);
    await store.updateSession(session.id, { status: 'ended', mode: 'plenum' });
    await afterDecision.recordCurrentItem(session.id, null, Date.now());
    const graph = await store.getWorkshopGraph(session.workshopId);
    const boardIds = (graph?.boards ?? []).filter((b) => b.sessionId === session.id).map((b) => b.id);
    // Writers reconnect and come back read-only; readers keep reading undisturbed.
    const moved = relay.closeWhere(
      { docIds: boardIds, writersOnly: true },
      CloseCode.AccessChanged,
      'the session ended',
    );
    for (const boardId of boardIds) await history.take(boardId, 'session-end');
    request.log.info({ sessionId: session.id, reconnected: moved }, 'session ended; boards archived');
    return sessionView({ ...session, status: 'ended' });
  });

  // Ending is not final: the facilitator can reopen a day ended by mistake (or to add to it later).
  app.post('/api/sessions/:id/reopen', route, async (request) => {
    const session = await facilitatedSession(request, access, store, request.params.id);
    if (session.status !== 'ended') {
      throw new ApiFailure(409, 'SESSION_NOT_ENDED', 'This session has not ended; there is nothing to reopen.');
    }
    await store.updateSession(session.id, { status: 'open' });
    const graph = await store.getWorkshopGraph(session.workshopId);
    const boardIds = (graph?.boards ?? []).filter((b) => b.sessionId === session.id).map((b) => b.id);
    // Everyone reading the archived boards reconnects, and those who may write get write access back.
    const moved = relay.closeWhere({ docIds: boardIds }, CloseCode.AccessChanged, 'the session was reopened');
    request.log.info({ sessionId: session.id, reconnected: moved }, 'session reopened');
    return sessionView({ ...session, status: 'open' });
  });

  app.post(
    '/api/sessions/:id/current-item',
    { schema: { ...route.schema, body: SetCurrentItemBody } },
    async (request) => {
      const session = await facilitatedSession(request, access, store, request.params.id);
      const { itemId } = request.body;
      if (itemId !== null) {
        const graph = await store.getWorkshopGraph(session.workshopId);
        if (!graph?.agenda.some((item) => item.id === itemId && item.sessionId === session.id)) {
          throw new ApiFailure(400, 'AGENDA_ITEM_NOT_FOUND', 'That agenda item is not part of this session.');
        }
      }
      const now = Date.now();
      await store.updateSession(session.id, { currentItemId: itemId, currentItemStartedAt: itemId ? now : null });
      await afterDecision.recordCurrentItem(session.id, itemId, now);
      // The agenda drives the room: group work opens the tables (if there are any), anything else is plenum.
      const item = itemId
        ? (await store.getWorkshopGraph(session.workshopId))?.agenda.find((a) => a.id === itemId)
        : null;
      if (item && session.status === 'open') {
        const hasTables = (await store.getWorkshopGraph(session.workshopId))?.groups.some(
          (g) => g.sessionId === session.id,
        );
        await setRoomMode(session, item.kind === 'group_work' && hasTables ? 'groups' : 'plenum', session.tablesOpen);
        if (item.kind === 'evaluation') await openAgendaEvaluation(session.workshopId);
      }
      return sessionView((await store.getSession(session.id)) ?? session);
    },
  );

  app.post(
    '/api/sessions/:id/groups/split',
    { schema: { ...route.schema, body: SplitGroupsBody } },
    async (request) => {
      const session = await facilitatedSession(request, access, store, request.params.id);
      assertNotEnded(session);
      const body = request.body;
      const graph = await store.getWorkshopGraph(session.workshopId);
      const participants = (graph?.people ?? []).filter((p) => p.role === 'participant' && p.revokedAt === null);
      const existing = (graph?.groups ?? []).filter((g) => g.sessionId === session.id);
      const tables = dealTables(participants, body.count, body.by);
      const groups: GroupRecord[] = tables.map((members, index) => ({
        // Reusing table ids keeps each table's board with its table.
        id: existing[index]?.id ?? newId(),
        sessionId: session.id,
        position: index,
        name: tableName(index, graph?.workshop.language ?? 'da'),
        memberIds: members.map((p) => p.id),
      }));
      await store.replaceGroups(session.id, groups);
      if (session.mode === 'groups') await ensureTableBoards(session);
      reconnectPeople(participants.map((p) => p.id));
      return sessionView(session);
    },
  );

  app.post(
    '/api/sessions/:id/groups/assign',
    { schema: { ...route.schema, body: AssignGroupBody } },
    async (request) => {
      const session = await facilitatedSession(request, access, store, request.params.id);
      assertNotEnded(session);
      const { personId, groupId } = request.body;
      const graph = await store.getWorkshopGraph(session.workshopId);
      if (!graph?.people.some((p) => p.id === personId)) {
        throw new ApiFailure(400, 'PERSON_NOT_FOUND', 'That person is not part of this workshop.');
      }
      if (groupId !== null && !graph.groups.some((g) => g.id === groupId && g.sessionId === session.id)) {
        throw new ApiFailure(400, 'TABLE_NOT_FOUND', 'That table is not part of this session.');
      }
      await store.assignPerson(session.id, personId, groupId);
      reconnectPeople([personId]);
      return sessionView(session);
    },
  );

  app.post('/api/sessions/:id/join-code', { schema: { ...route.schema, body: JoinCodeBody } }, async (request) => {
    const session = await facilitatedSession(request, access, store, request.params.id);
    assertNotEnded(session);
    if (session.kind === 'leadership') {
      throw new ApiFailure(
        409,
        'LEADERSHIP_HAS_NO_CODE',
        'Leaders join a leadership session by invite link; it has no participant code.',
      );
    }
    const { action } = request.body;
    // A new code shuts out whoever has the old one (people already in keep their access).
    let joinCode: string | null = null;
    if (action === 'regenerate') {
      joinCode = newJoinCode();
      // Codes are unique; on the rare clash with another session's code, draw again.
      for (let tries = 0; (await store.findSessionByJoinCode(joinCode)) && tries < 5; tries++) joinCode = newJoinCode();
    }
    await credentials.setJoinCode(session.id, joinCode);
    request.log.info({ sessionId: session.id, action }, 'join code changed');
    return sessionView({ ...session, joinCode });
  });

  app.post('/api/sessions/:id/group-work', { schema: { ...route.schema, body: GroupWorkBody } }, async (request) => {
    const session = await facilitatedSession(request, access, store, request.params.id);
    assertNotEnded(session);
    const { open, keepTablesOpen } = request.body;
    await setRoomMode(session, open ? 'groups' : 'plenum', keepTablesOpen ?? false);
    return sessionView((await store.getSession(session.id)) ?? session);
  });
}
