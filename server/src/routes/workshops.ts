import {
  CloseCode,
  type CreateInviteBody as CreateInvite,
  CreateInviteBody,
  CreateWorkshopBody,
  Invite,
  WorkshopDetail,
  WorkshopSummary,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { assertCleanName } from '../access/names.js';
import { requireFacilitator } from '../access/requestAccess.js';
import type { TokenService } from '../access/tokens.js';
import { ApiFailure } from '../errors.js';
import type { DecisionHistoryStore } from '../storage/assessmentTypes.js';
import type { PlanStore, WorkshopStore } from '../storage/workshopTypes.js';
import type { Relay } from '../sync/Relay.js';
import { planDemoWorkshop } from '../workshops/demo.js';
import { buildWorkshopDetail } from '../workshops/detail.js';
import { facilitatedWorkshop, workshopCaller } from './guards.js';
import { planNewWorkshop } from './templates.js';

export interface WorkshopRouteOptions {
  store: WorkshopStore;
  access: AccessService;
  tokens: TokenService;
  relay: Relay;
  decisions: DecisionHistoryStore;
  plans: PlanStore;
}

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export async function workshopRoutes(app: FastifyInstance, options: WorkshopRouteOptions): Promise<void> {
  const { store, access, tokens, relay, decisions, plans } = options;

  async function detailFor(
    workshopId: string,
    role: Parameters<typeof buildWorkshopDetail>[1],
    personId: string | null,
  ) {
    const graph = await store.getWorkshopGraph(workshopId);
    if (!graph) throw new ApiFailure(404, 'WORKSHOP_NOT_FOUND', 'There is no such workshop.');
    return buildWorkshopDetail(graph, role, personId);
  }

  app.get(
    '/api/workshops',
    { schema: { response: { 200: Type.Object({ workshops: Type.Array(WorkshopSummary) }) } } },
    async (request) => {
      const facilitatorId = await requireFacilitator(request, access);
      const workshops = await store.listWorkshopsFor(facilitatorId);
      return {
        workshops: workshops.map((w) => ({ ...w, createdAt: new Date(w.createdAt).toISOString() })),
      };
    },
  );

  app.post(
    '/api/workshops',
    { schema: { body: CreateWorkshopBody, response: { 201: WorkshopDetail } } },
    async (request, reply) => {
      const facilitatorId = await requireFacilitator(request, access);
      const body = request.body as CreateWorkshopBody;
      assertCleanName('The title', body.title);
      assertCleanName('The organisation', body.organisation, true);
      const plan = await planNewWorkshop(body, facilitatorId, plans, Date.now());
      await store.createWorkshop(plan);
      request.log.info({ workshopId: plan.workshop.id }, 'workshop created');
      return reply.code(201).send(await detailFor(plan.workshop.id, 'facilitator', null));
    },
  );

  app.post('/api/demo', { schema: { response: { 201: WorkshopDetail } } }, async (request, reply) => {
    const facilitatorId = await requireFacilitator(request, access);
    const facilitatorName = (await store.getFacilitator(facilitatorId))?.name ?? '';
    const { plan, decisionHistory } = planDemoWorkshop(facilitatorId, facilitatorName, Date.now());
    await store.createWorkshop(plan);
    await decisions.recordChanges(plan.workshop.id, decisionHistory);
    request.log.info({ workshopId: plan.workshop.id }, 'demo workshop created');
    return reply.code(201).send(await detailFor(plan.workshop.id, 'facilitator', null));
  });

  app.get(
    '/api/workshops/:id',
    { schema: { params: IdParams, response: { 200: WorkshopDetail } } },
    async (request) => {
      const { id } = request.params as { id: string };
      const caller = await workshopCaller(request, access, id);
      return detailFor(id, caller.role, caller.personId);
    },
  );

  app.post(
    '/api/workshops/:id/invites',
    { schema: { params: IdParams, body: CreateInviteBody, response: { 201: Invite } } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await facilitatedWorkshop(request, access, store, id);
      const body = request.body as CreateInvite;
      const ttlDays = body.ttlDays ?? (body.role === 'leader' ? 14 : 90);
      const { token, expiresAt } = await tokens.mint(
        { kind: 'invite', workshopId: id, role: body.role },
        ttlDays * 86400,
      );
      return reply
        .code(201)
        .send({ path: `/invite/${token}`, role: body.role, expiresAt: new Date(expiresAt).toISOString() });
    },
  );

  app.post('/api/people/:id/revoke', { schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const person = await store.getPerson(id);
    if (!person) throw new ApiFailure(404, 'PERSON_NOT_FOUND', 'There is no such person.');
    await facilitatedWorkshop(request, access, store, person.workshopId);
    await store.revokePerson(id, Date.now());
    const closed = relay.closeWhere({ personIds: [id] }, CloseCode.AccessRevoked, 'access withdrawn');
    request.log.info({ personId: id, closedSockets: closed }, 'person revoked');
    return reply.code(204).send();
  });
}
