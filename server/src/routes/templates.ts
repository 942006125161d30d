import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  type CreateWorkshopBody,
  DuplicateWorkshopBody,
  SavedTemplate,
  SaveTemplateBody,
  WorkshopDetail,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { assertCleanName } from '../access/names.js';
import { requireFacilitator } from '../access/requestAccess.js';
import { ApiFailure } from '../errors.js';
import type { PlanStore, SavedTemplateRecord } from '../storage/contracts/planTypes.js';
import type { WorkshopPlan, WorkshopStore } from '../storage/contracts/workshopTypes.js';
import { buildWorkshopDetail } from '../workshops/detail.js';
import { newId, planFromSpec, planWorkshop, specFromGraph } from '../workshops/plan.js';
import { defaultPrompts, type ProcessSpec } from '../workshops/template.js';
import { facilitatedWorkshop } from './guards.js';

export interface TemplateRouteOptions {
  store: WorkshopStore;
  plans: PlanStore;
  access: AccessService;
}

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const toSavedTemplate = (record: SavedTemplateRecord) => ({
  id: record.id,
  title: record.title,
  sessionCount: specOf(record).sessions.length,
  createdAt: new Date(record.createdAt).toISOString(),
});

function specOf(record: SavedTemplateRecord): ProcessSpec {
  // Written by this server from a workshop (specFromGraph), so its shape is ours.
  return JSON.parse(record.spec) as ProcessSpec;
}

/** "Create a workshop": from a built-in template, or from one of the facilitator's saved templates. */
export async function planNewWorkshop(
  body: CreateWorkshopBody,
  facilitatorId: string,
  plans: PlanStore,
  now: number,
): Promise<WorkshopPlan> {
  if (!body.savedTemplateId) return planWorkshop(body, facilitatorId, now);
  const saved = await plans.getTemplate(body.savedTemplateId, facilitatorId);
  if (!saved) throw new ApiFailure(404, 'TEMPLATE_NOT_FOUND', 'There is no such saved template.');
  return planFromSpec(
    specOf(saved),
    {
      title: body.title.trim(),
      organisation: body.organisation?.trim() ?? '',
      language: body.language ?? 'da',
      startDate: body.startDate ?? null,
    },
    facilitatorId,
    now,
  );
}

/**
 * Saved templates and duplicates (docs/api.md, "Templates"): a workshop's
 * structure and texts — sessions, agenda, prompts, shared boards' titles —
 * never its people, tables or notes.
 */
export async function templateRoutes(server: FastifyInstance, options: TemplateRouteOptions): Promise<void> {
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { store, plans, access } = options;

  async function specOfWorkshop(workshopId: string) {
    const graph = await store.getWorkshopGraph(workshopId);
    if (!graph) throw new ApiFailure(404, 'WORKSHOP_NOT_FOUND', 'There is no such workshop.');
    return { graph, spec: specFromGraph(graph, defaultPrompts(graph.workshop.language)) };
  }

  app.get(
    '/api/templates',
    { schema: { response: { 200: Type.Object({ templates: Type.Array(SavedTemplate) }) } } },
    async (request) => {
      const facilitatorId = await requireFacilitator(request, access);
      return { templates: (await plans.listTemplates(facilitatorId)).map(toSavedTemplate) };
    },
  );

  app.post(
    '/api/workshops/:id/templates',
    { schema: { params: IdParams, body: SaveTemplateBody, response: { 201: SavedTemplate } } },
    async (request, reply) => {
      const { id } = request.params;
      const facilitatorId = await facilitatedWorkshop(request, access, store, id);
      assertCleanName('The title', request.body.title);
      const { spec } = await specOfWorkshop(id);
      const record: SavedTemplateRecord = {
        id: newId(),
        facilitatorId,
        title: request.body.title.trim(),
        spec: JSON.stringify(spec),
        createdAt: Date.now(),
      };
      await plans.saveTemplate(record);
      return reply.code(201).send(toSavedTemplate(record));
    },
  );

  app.post(
    '/api/workshops/:id/duplicate',
    { schema: { params: IdParams, body: DuplicateWorkshopBody, response: { 201: WorkshopDetail } } },
    async (request, reply) => {
      const { id } = request.params;
      const facilitatorId = await facilitatedWorkshop(request, access, store, id);
      const body = request.body;
      assertCleanName('The title', body.title);
      const { graph, spec } = await specOfWorkshop(id);
      const plan = planFromSpec(
        spec,
        {
          title: body.title.trim(),
          organisation: graph.workshop.organisation,
          language: graph.workshop.language,
          startDate: body.startDate ?? null,
        },
        facilitatorId,
        Date.now(),
      );
      await store.createWorkshop(plan);
      const created = await store.getWorkshopGraph(plan.workshop.id);
      if (!created) throw new ApiFailure(500, 'WORKSHOP_NOT_SAVED', 'The copy could not be read back; try again.');
      request.log.info({ from: id, workshopId: plan.workshop.id }, 'workshop duplicated');
      return reply.code(201).send(buildWorkshopDetail(created, 'facilitator', null));
    },
  );
}
