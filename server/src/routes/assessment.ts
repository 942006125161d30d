import {
  type AssessIdeaBody as Assess,
  AssessIdeaBody,
  type AssessmentView,
  assessmentChanges,
  assessmentsDocId,
  catalogDocId,
  ideasOf,
  type MyPublishedSources,
  type PublishedCatalog,
  type PublishStatus,
  publishedDocId,
  readAssessments,
  readIdeas,
  sourceKey,
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
import {
  differsFromPublished,
  publishedIdeas,
  readPublishedCatalog,
  readWorkingCatalog,
} from '../workshops/publishing.js';
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

  /**
   * Related ideas, each once: other ideas of this catalog (an idea is not related to
   * itself). Ideas merged away or deleted since they were related are dropped; an id
   * the catalog never had here is refused.
   */
  async function relatedIdeas(
    workshopId: string,
    ideaId: string,
    related: string[],
    previous: readonly string[],
  ): Promise<string[]> {
    const wanted = [...new Set(related)];
    if (wanted.includes(ideaId)) {
      throw new ApiFailure(400, 'RELATED_TO_ITSELF', 'An idea cannot be related to itself.');
    }
    const known = await relay.read(catalogDocId(workshopId), (doc) => wanted.filter((id) => ideasOf(doc).has(id)));
    if (wanted.some((id) => !known.includes(id) && !previous.includes(id))) {
      throw new ApiFailure(400, 'RELATED_IDEA_NOT_FOUND', 'A related idea is not in the catalog.');
    }
    return known;
  }

  app.post(
    '/api/workshops/:id/ideas/:ideaId/assessment',
    { schema: { params: Params, body: AssessIdeaBody } },
    async (request) => {
      const { workshopId, ideaId, name } = await assessor(request);
      const patch = request.body as Assess;
      const docId = assessmentsDocId(workshopId);
      const before = await relay.read(docId, (doc) => readAssessments(doc).find((a) => a.ideaId === ideaId) ?? null);
      if (patch.related) patch.related = await relatedIdeas(workshopId, ideaId, patch.related, before?.related ?? []);
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

  const WorkshopParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

  /** Leaders and facilitators of the workshop; 403 for its participants and viewers, 404 for strangers. */
  async function workingCatalogReader(request: FastifyRequest): Promise<string> {
    const { id: workshopId } = request.params as { id: string };
    const { role } = await workshopCaller(request, access, workshopId);
    if (role !== 'facilitator' && role !== 'leader') {
      throw new ApiFailure(403, 'LEADERS_ONLY', 'The working catalog is for management and the facilitator.');
    }
    return workshopId;
  }

  // Publishing: participants see ideas and decisions only from here on, as they were at this moment.
  app.post('/api/workshops/:id/catalog/publish', { schema: { params: WorkshopParams } }, async (request) => {
    const { id: workshopId } = request.params as { id: string };
    const caller = await workshopCaller(request, access, workshopId);
    if (caller.role !== 'facilitator') {
      throw new ApiFailure(403, 'FACILITATOR_ONLY', 'The facilitator publishes the catalog.');
    }
    const snapshot: PublishedCatalog = {
      publishedAt: Date.now(),
      publishedBy: await callerName(caller, workshops),
      ideas: publishedIdeas(await readWorkingCatalog(relay, workshopId)),
    };
    await relay.command(publishedDocId(workshopId), (doc) => writePublished(doc, snapshot));
    request.log.info({ workshopId, ideas: snapshot.ideas.length }, 'catalog published');
    return { ideas: snapshot.ideas.length, publishedAt: snapshot.publishedAt };
  });

  app.get('/api/workshops/:id/published/status', { schema: { params: WorkshopParams } }, async (request) => {
    const workshopId = await workingCatalogReader(request);
    const published = await readPublishedCatalog(relay, workshopId);
    const now = publishedIdeas(await readWorkingCatalog(relay, workshopId));
    const status: PublishStatus = {
      publishedAt: published?.publishedAt ?? null,
      publishedBy: published?.publishedBy ?? null,
      unpublishedChanges: differsFromPublished(now, published),
    };
    return status;
  });

  // A participant's own notes among the published sources, so their view can say "your note".
  // Authorship comes from the working catalog, where gathering recorded it; the published doc never holds it.
  app.get('/api/workshops/:id/published/mine', { schema: { params: WorkshopParams } }, async (request) => {
    const { id: workshopId } = request.params as { id: string };
    const caller = await workshopCaller(request, access, workshopId);
    const mine: MyPublishedSources = { sources: [] };
    if (!caller.personId) return mine;
    const published = await readPublishedCatalog(relay, workshopId);
    if (!published) return mine;
    const own = new Set(
      (await relay.read(catalogDocId(workshopId), readIdeas))
        .flatMap((idea) => idea.provenance)
        .filter((source) => source.authorId === caller.personId)
        .map(sourceKey),
    );
    const seen = new Set<string>();
    for (const source of published.ideas.flatMap((idea) => idea.provenance)) {
      const key = sourceKey(source);
      if (!own.has(key) || seen.has(key)) continue;
      seen.add(key);
      mine.sources.push({ boardId: source.boardId, noteId: source.noteId });
    }
    return mine;
  });

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
      const { format } = request.params as { id: string; format: 'md' | 'csv' | 'docx' };
      const workshopId = await workingCatalogReader(request);
      const graph = await workshops.getWorkshopGraph(workshopId);
      const working = await readWorkingCatalog(relay, workshopId);
      const data: CatalogExport = {
        workshopTitle: graph?.workshop.title ?? '',
        organisation: graph?.workshop.organisation ?? '',
        language: graph?.workshop.language ?? 'da',
        exportedAt: new Date(),
        ...working,
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
