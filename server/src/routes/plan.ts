import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AddSessionBody,
  CloseCode,
  isRealDate,
  ReplaceAgendaBody,
  SESSIONS_MAX,
  SessionOrderBody,
  UpdateSessionBody,
  UpdateWorkshopBody,
  WorkshopDetail,
} from '@samle/shared';
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { assertCleanName } from '../access/names.js';
import { ApiFailure } from '../errors.js';
import type { PlanStore } from '../storage/contracts/planTypes.js';
import type { SessionRecord, WorkshopGraph, WorkshopStore } from '../storage/contracts/workshopTypes.js';
import type { Relay } from '../sync/Relay.js';
import { buildWorkshopDetail } from '../workshops/detail.js';
import { newBoard, newId, newJoinCode } from '../workshops/plan.js';
import { defaultPrompts } from '../workshops/template.js';
import { facilitatedSession, facilitatedWorkshop } from './guards.js';

export interface PlanRouteOptions {
  store: WorkshopStore;
  plans: PlanStore;
  access: AccessService;
  relay: Relay;
}

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

function assertRealDate(date: string | null | undefined): void {
  if (date && !isRealDate(date)) {
    throw new ApiFailure(400, 'INVALID_DATE', `${date} is not a date in the calendar.`);
  }
}

/**
 * The facilitator edits the process plan (docs/api.md, "Process plan"): the
 * workshop's title and prompts, its sessions and their agendas. Every command
 * answers with the whole workshop as the facilitator sees it; participants get
 * the change with their next look at the workshop (their pages poll it).
 */
export async function planRoutes(server: FastifyInstance, options: PlanRouteOptions): Promise<void> {
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { store, plans, access, relay } = options;

  async function graphOf(workshopId: string): Promise<WorkshopGraph> {
    const graph = await store.getWorkshopGraph(workshopId);
    if (!graph) throw new ApiFailure(404, 'WORKSHOP_NOT_FOUND', 'There is no such workshop.');
    return graph;
  }

  const detailOf = async (workshopId: string) => buildWorkshopDetail(await graphOf(workshopId), 'facilitator', null);

  const detailRoute = <Body extends TSchema>(body: Body) => ({
    schema: { params: IdParams, body, response: { 200: WorkshopDetail } },
  });

  app.patch('/api/workshops/:id', detailRoute(UpdateWorkshopBody), async (request) => {
    const { id } = request.params;
    await facilitatedWorkshop(request, access, store, id);
    const body = request.body;
    assertCleanName('The title', body.title, true);
    assertCleanName('The organisation', body.organisation, true);
    const graph = await graphOf(id);
    const prompts = body.prompts && {
      ...(graph.workshop.prompts ?? defaultPrompts(graph.workshop.language)),
      ...body.prompts,
    };
    await plans.updateWorkshop(id, {
      ...(body.title !== undefined ? { title: body.title.trim() } : {}),
      ...(body.organisation !== undefined ? { organisation: body.organisation.trim() } : {}),
      ...(prompts ? { prompts } : {}),
    });
    return detailOf(id);
  });

  app.post(
    '/api/workshops/:id/sessions',
    { schema: { params: IdParams, body: AddSessionBody, response: { 201: WorkshopDetail } } },
    async (request, reply) => {
      const { id } = request.params;
      await facilitatedWorkshop(request, access, store, id);
      const body = request.body;
      assertCleanName('The title', body.title);
      assertCleanName('The place', body.place, true);
      assertRealDate(body.date);
      const graph = await graphOf(id);
      if (graph.sessions.length >= SESSIONS_MAX) {
        throw new ApiFailure(409, 'TOO_MANY_SESSIONS', `A process has at most ${SESSIONS_MAX} sessions.`);
      }
      const session: SessionRecord = {
        id: newId(),
        workshopId: id,
        position: Math.max(-1, ...graph.sessions.map((s) => s.position)) + 1,
        title: body.title.trim(),
        kind: body.kind,
        date: body.date ?? null,
        startTime: body.startTime ?? null,
        place: body.place?.trim() ?? '',
        status: 'planned',
        // Leaders join by invite link; a participant code on a leadership session would let anyone in.
        joinCode: body.kind === 'leadership' ? null : newJoinCode(),
        mode: 'plenum',
        currentItemId: null,
        currentItemStartedAt: null,
        tablesOpen: false,
      };
      await plans.addSession(session);
      const da = graph.workshop.language === 'da';
      const leadership = body.kind === 'leadership';
      const title = leadership ? (da ? 'Ledelsens tavle' : 'Leadership board') : da ? 'Plenum' : 'Plenary';
      await store.createBoards([
        newBoard(title, leadership ? 'leadership' : 'plenum', { workshopId: id, sessionId: session.id }, Date.now()),
      ]);
      request.log.info({ workshopId: id, sessionId: session.id }, 'session added');
      return reply.code(201).send(await detailOf(id));
    },
  );

  app.patch('/api/sessions/:id', detailRoute(UpdateSessionBody), async (request) => {
    const session = await facilitatedSession(request, access, store, request.params.id);
    const body = request.body;
    assertCleanName('The title', body.title, true);
    assertCleanName('The place', body.place, true);
    assertRealDate(body.date);
    if (body.kind !== undefined && (body.kind === 'leadership') !== (session.kind === 'leadership')) {
      // A leadership session's boards are private to leaders; turning it into a day for everyone would open them.
      throw new ApiFailure(
        409,
        'SESSION_KIND_FIXED',
        'A session cannot switch between leadership and a day for everyone; add a new session instead.',
      );
    }
    await plans.updateSessionPlan(session.id, {
      ...body,
      ...(body.title !== undefined ? { title: body.title.trim() } : {}),
      ...(body.place !== undefined ? { place: body.place.trim() } : {}),
    });
    return detailOf(session.workshopId);
  });

  app.delete(
    '/api/sessions/:id',
    { schema: { params: IdParams, response: { 200: WorkshopDetail } } },
    async (request) => {
      const session = await facilitatedSession(request, access, store, request.params.id);
      if (session.status !== 'planned') {
        throw new ApiFailure(
          409,
          'SESSION_NOT_PLANNED',
          'Only a session that has not been opened can be removed; an opened one holds the room’s work.',
        );
      }
      const graph = await graphOf(session.workshopId);
      if (graph.sessions.length <= 1) {
        throw new ApiFailure(409, 'LAST_SESSION', 'A process needs at least one session.');
      }
      const boardIds = graph.boards.filter((b) => b.sessionId === session.id).map((b) => b.id);
      if (!(await plans.removeSession(session.id))) {
        throw new ApiFailure(
          409,
          'SESSION_HAS_WORK',
          'Its boards already hold notes; clear them or keep the session (rename it instead).',
        );
      }
      // Nobody may keep an open board of a session that is gone.
      relay.closeWhere({ docIds: boardIds }, CloseCode.AccessChanged, 'the session was removed');
      request.log.info({ sessionId: session.id }, 'session removed');
      return detailOf(session.workshopId);
    },
  );

  app.put('/api/workshops/:id/session-order', detailRoute(SessionOrderBody), async (request) => {
    const { id } = request.params;
    await facilitatedWorkshop(request, access, store, id);
    const { sessionIds } = request.body;
    const graph = await graphOf(id);
    const known = new Set(graph.sessions.map((s) => s.id));
    if (
      sessionIds.length !== known.size ||
      new Set(sessionIds).size !== known.size ||
      !sessionIds.every((s) => known.has(s))
    ) {
      throw new ApiFailure(400, 'SESSION_ORDER_MISMATCH', 'The order must name each of the workshop’s sessions once.');
    }
    await plans.orderSessions(id, sessionIds);
    return detailOf(id);
  });

  app.put('/api/sessions/:id/agenda', detailRoute(ReplaceAgendaBody), async (request) => {
    const session = await facilitatedSession(request, access, store, request.params.id);
    if (session.status === 'ended') {
      throw new ApiFailure(409, 'SESSION_ENDED', 'This session has ended; reopen it to change its agenda.');
    }
    const { items } = request.body;
    const graph = await graphOf(session.workshopId);
    const mine = new Set(graph.agenda.filter((item) => item.sessionId === session.id).map((item) => item.id));
    const seen = new Set<string>();
    for (const item of items) assertCleanName('An agenda item’s title', item.title);
    for (const item of items) {
      if (item.id === undefined) continue;
      if (!mine.has(item.id) || seen.has(item.id)) {
        throw new ApiFailure(400, 'AGENDA_ITEM_NOT_FOUND', 'That agenda item is not part of this session.');
      }
      seen.add(item.id);
    }
    await plans.replaceAgenda(
      session.id,
      items.map((item, position) => ({
        id: item.id ?? newId(),
        sessionId: session.id,
        position,
        title: item.title.trim(),
        kind: item.kind,
        text: item.text?.trim() ?? '',
        minutes: item.minutes,
      })),
    );
    return detailOf(session.workshopId);
  });
}
