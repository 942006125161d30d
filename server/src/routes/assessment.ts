import {
  type AssessIdeaBody as Assess,
  AssessIdeaBody,
  type AssessmentView,
  assessmentChanges,
  assessmentsDocId,
  catalogDocId,
  ideasOf,
  type PublishedCatalog,
  publishedDocId,
  readAssessments,
  readIdeas,
  writeAssessment,
  writePublished,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { ApiFailure } from '../errors.js';
import type { DecisionHistoryStore } from '../storage/assessmentTypes.js';
import type { WorkshopStore } from '../storage/workshopTypes.js';
import type { Relay } from '../sync/Relay.js';
import { type CatalogExport, catalogCsv, catalogDocx, catalogMarkdown } from '../workshops/catalogExport.js';
import { callerName, workshopCaller } from './guards.js';

const Params = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  ideaId: Type.String({ minLength: 1, maxLength: 64 }),
});

/** Leadership assessment of catalog ideas: commands for leaders and facilitators, every change kept in a history. */
export async function assessmentRoutes(
  app: FastifyInstance,
  options: {
    access: AccessService;
    relay: Relay;
    workshops: WorkshopStore;
    decisions: DecisionHistoryStore;
  },
): Promise<void> {
  const { access, relay, workshops, decisions } = options;

  async function assessor(request: FastifyRequest): Promise<{ workshopId: string; ideaId: string; name: string }> {
    const { id: workshopId, ideaId } = request.params as { id: string; ideaId: string };
    const caller = await workshopCaller(request, access, workshopId);
    if (caller.role !== 'leader' && caller.role !== 'facilitator') {
      throw new ApiFailure(403, 'LEADERS_ONLY', 'Only management and the facilitator assess ideas.');
    }
    const catalog = catalogDocId(workshopId);
    if (!(await relay.read(catalog, (doc) => ideasOf(doc).has(ideaId)))) {
      throw new ApiFailure(404, 'IDEA_NOT_FOUND', 'There is no such idea in the catalog.');
    }
    return { workshopId, ideaId, name: await callerName(caller, workshops) };
  }

  app.post(
    '/api/workshops/:id/ideas/:ideaId/assessment',
    { schema: { params: Params, body: AssessIdeaBody } },
    async (request) => {
      const { workshopId, ideaId, name } = await assessor(request);
      const patch = request.body as Assess;
      const docId = assessmentsDocId(workshopId);
      const before = await relay.read(docId, (doc) => readAssessments(doc).find((a) => a.ideaId === ideaId) ?? null);
      const now = Date.now();
      const after: AssessmentView = {
        ideaId,
        decision: patch.decision !== undefined ? patch.decision : (before?.decision ?? null),
        rationale: patch.rationale ?? before?.rationale ?? '',
        rank: patch.rank !== undefined ? patch.rank : (before?.rank ?? null),
        startMonth: patch.startMonth !== undefined ? patch.startMonth : (before?.startMonth ?? null),
        endMonth: patch.endMonth !== undefined ? patch.endMonth : (before?.endMonth ?? null),
        owner: patch.owner ?? before?.owner ?? '',
        related: patch.related ?? before?.related ?? [],
        updatedAt: now,
        updatedBy: name,
      };
      if (after.startMonth && after.endMonth && after.endMonth < after.startMonth) {
        throw new ApiFailure(400, 'TIMELINE_BACKWARDS', 'The end month is before the start month.');
      }
      const changes = assessmentChanges(before, after, name, now);
      if (changes.length > 0) {
        await decisions.recordChanges(workshopId, changes);
        await relay.command(docId, (doc) => writeAssessment(doc, after));
      }
      return after;
    },
  );

  // Publishing: participants see ideas and decisions only from here on, as they were at this moment.
  app.post(
    '/api/workshops/:id/catalog/publish',
    { schema: { params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }) } },
    async (request) => {
      const { id: workshopId } = request.params as { id: string };
      const caller = await workshopCaller(request, access, workshopId);
      if (caller.role !== 'facilitator') {
        throw new ApiFailure(403, 'FACILITATOR_ONLY', 'The facilitator publishes the catalog.');
      }
      const by = await callerName(caller, workshops);
      const catalog = catalogDocId(workshopId);
      const assess = assessmentsDocId(workshopId);
      const published = publishedDocId(workshopId);
      const ideas = await relay.read(catalog, readIdeas);
      const assessments = new Map((await relay.read(assess, readAssessments)).map((a) => [a.ideaId, a]));
      const snapshot: PublishedCatalog = {
        publishedAt: Date.now(),
        publishedBy: by,
        ideas: ideas.map((idea) => {
          const assessment = assessments.get(idea.id);
          return {
            id: idea.id,
            title: idea.title,
            category: idea.category,
            provenance: idea.provenance,
            assessment: assessment
              ? {
                  decision: assessment.decision,
                  rationale: assessment.rationale,
                  rank: assessment.rank,
                  startMonth: assessment.startMonth,
                  endMonth: assessment.endMonth,
                  owner: assessment.owner,
                  related: assessment.related,
                  updatedAt: assessment.updatedAt,
                }
              : null,
          };
        }),
      };
      await relay.command(published, (doc) => writePublished(doc, snapshot));
      return { ideas: snapshot.ideas.length, publishedAt: snapshot.publishedAt };
    },
  );

  // Exports of the working catalog with its assessments, for leaders and facilitators.
  app.get(
    '/api/workshops/:id/catalog/export.:format',
    {
      schema: {
        params: Type.Object({
          id: Type.String({ minLength: 1, maxLength: 64 }),
          format: Type.Union([Type.Literal('md'), Type.Literal('csv'), Type.Literal('docx')]),
        }),
      },
    },
    async (request, reply) => {
      const { id: workshopId, format } = request.params as { id: string; format: 'md' | 'csv' | 'docx' };
      const { role } = await workshopCaller(request, access, workshopId);
      if (role !== 'facilitator' && role !== 'leader') {
        throw new ApiFailure(403, 'LEADERS_ONLY', 'The working catalog is for management and the facilitator.');
      }
      const graph = await workshops.getWorkshopGraph(workshopId);
      const data: CatalogExport = {
        workshopTitle: graph?.workshop.title ?? '',
        language: graph?.workshop.language ?? 'da',
        ideas: await relay.read(catalogDocId(workshopId), readIdeas),
        assessments: new Map(
          (await relay.read(assessmentsDocId(workshopId), readAssessments)).map((a) => [a.ideaId, a]),
        ),
      };
      const name = `catalog-${workshopId}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'md') return reply.type('text/markdown; charset=utf-8').send(catalogMarkdown(data));
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(catalogCsv(data));
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .send(await catalogDocx(data));
    },
  );

  app.get('/api/workshops/:id/ideas/:ideaId/history', { schema: { params: Params } }, async (request) => {
    const { workshopId, ideaId } = await assessor(request);
    return { changes: await decisions.history(workshopId, ideaId) };
  });
}
