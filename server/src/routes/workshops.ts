import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CloseCode, CreateWorkshopBody, MergePersonBody, WorkshopDetail, WorkshopSummary } from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { assertCleanName } from '../access/names.js';
import { requireFacilitator } from '../access/requestAccess.js';
import type { TokenService } from '../access/tokens.js';
import { ApiFailure } from '../errors.js';
import type { AccessStore } from '../storage/contracts/accessTypes.js';
import type { DecisionHistoryStore } from '../storage/contracts/assessmentTypes.js';
import type { PlanStore } from '../storage/contracts/planTypes.js';
import type { WorkshopStore } from '../storage/contracts/workshopTypes.js';
import type { Relay } from '../sync/Relay.js';
import { planDemoWorkshop } from '../workshops/demo.js';
import { buildWorkshopDetail } from '../workshops/detail.js';
import { facilitatedWorkshop, workshopCaller } from './guards.js';
import { planNewWorkshop } from './templates.js';

export interface WorkshopRouteOptions {
  store: WorkshopStore;
  access: AccessService;
  credentials: AccessStore;
  /** Keys evaluation answers by person (merging moves them). */
  tokens: TokenService;
  relay: Relay;
  decisions: DecisionHistoryStore;
  plans: PlanStore;
}

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export async function workshopRoutes(server: FastifyInstance, options: WorkshopRouteOptions): Promise<void> {
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { store, access, credentials, tokens, relay, decisions, plans } = options;

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
      const body = request.body;
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
      const { id } = request.params;
      const caller = await workshopCaller(request, access, id);
      return detailFor(id, caller.role, caller.personId);
    },
  );

  /** The person, if the caller facilitates their workshop. */
  async function facilitatedPerson(request: Parameters<typeof facilitatedWorkshop>[0], id: string) {
    const person = await store.getPerson(id);
    if (!person) throw new ApiFailure(404, 'PERSON_NOT_FOUND', 'There is no such person.');
    await facilitatedWorkshop(request, access, store, person.workshopId);
    return person;
  }

  /** Revokes a person and closes their sockets; the invite link they came by stops working too. */
  async function revoke(personId: string): Promise<number> {
    const now = Date.now();
    await store.revokePerson(personId, now);
    const inviteId = await credentials.inviteOf(personId);
    if (inviteId) await credentials.revokeInvite(inviteId, now);
    return relay.closeWhere({ personIds: [personId] }, CloseCode.AccessRevoked, 'access withdrawn');
  }

  app.post('/api/people/:id/revoke', { schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    await facilitatedPerson(request, id);
    const closed = await revoke(id);
    request.log.info({ personId: id, closedSockets: closed }, 'person revoked');
    return reply.code(204).send();
  });

  app.post('/api/people/:id/merge', { schema: { params: IdParams, body: MergePersonBody } }, async (request, reply) => {
    const { id } = request.params;
    const { into } = request.body;
    const duplicate = await facilitatedPerson(request, id);
    const kept = await store.getPerson(into);
    if (!kept || kept.workshopId !== duplicate.workshopId || kept.id === duplicate.id) {
      throw new ApiFailure(400, 'PERSON_NOT_FOUND', 'Choose another person of this workshop to merge into.');
    }
    if (kept.revokedAt !== null || kept.role !== duplicate.role) {
      throw new ApiFailure(409, 'MERGE_REFUSED', 'A person can only be merged into someone active with the same role.');
    }
    // The duplicate's browsers come back as the kept person from now on; the duplicate is removed.
    await credentials.moveBrowsers(duplicate.id, kept.id);
    await credentials.mergeContributions(
      { personId: duplicate.id, respondentKey: tokens.keyedHash(duplicate.id) },
      { personId: kept.id, respondentKey: tokens.keyedHash(kept.id) },
    );
    const closed = await revoke(duplicate.id);
    request.log.info({ personId: duplicate.id, into: kept.id, closedSockets: closed }, 'people merged');
    return reply.code(204).send();
  });
}
