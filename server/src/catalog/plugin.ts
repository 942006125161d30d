import {
  type AssessIdeaBody as Assess,
  AssessIdeaBody,
  type GatherBody as Gather,
  GatherBody,
  type MergeIdeasBody as Merge,
  MergeIdeasBody,
  SourceStatusSchema,
  type SplitIdeaBody as Split,
  SplitIdeaBody,
  WorkshopAction,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerName } from '../access/workshopCaller.js';
import { docsOfWorkshop } from '../cluster/commandLock.js';
import { ApiFailure } from '../errors.js';
import { addAfterDecisionSheet, afterDecisionParagraphs } from '../followup/afterDecisionExports.js';
import { afterDecisionFacts } from '../followup/afterDecisionFacts.js';
import { afterDecisionMarkdown } from '../followup/markdown.js';
import { assessIdea, ideaHistory } from './assessments.js';
import type { CatalogContext } from './context.js';
import { evidenceRoutes } from './evidenceRoutes.js';
import { catalogCsv, catalogMarkdown } from './export.js';
import { exportFileName } from './exportData.js';
import { catalogDocx } from './exportDocx.js';
import { catalogXlsx } from './exportXlsx.js';
import { gatherIntoIdea } from './gather.js';
import { catalogCaller, guardCatalogRoutes } from './guard.js';
import { mergeIdeas, removeIdea, sourceStatuses, splitIdeaSources } from './ideas.js';
import {
  myPublishedSources,
  type OnUnreadable,
  publishCatalog,
  publishPreview,
  publishStatus,
  readWorkingCatalog,
  workingCatalogExport,
} from './publishing.js';

/** Where the plugin is mounted: every catalog route belongs to one workshop. */
export const CATALOG_PREFIX = '/api/workshops/:id';

const WorkshopParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const IdeaParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  ideaId: Type.String({ minLength: 1, maxLength: 64 }),
});
const Created = Type.Object({ ideaId: Type.String(), sources: Type.Integer() });
const EXPORT_FORMATS = ['md', 'csv', 'docx', 'xlsx'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];
const ExportParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  format: Type.Union(EXPORT_FORMATS.map((f) => Type.Literal(f))),
});
// Query strings are not coerced (app.ts): the flag is the text "true" or "false".
const ExportQuery = Type.Object(
  { internal: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) },
  { additionalProperties: false },
);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const editor = { catalogAction: WorkshopAction.EditCatalog };
const assessor = { catalogAction: WorkshopAction.AssessIdeas };
const publisher = { catalogAction: WorkshopAction.PublishCatalog };
const member = { catalogAction: null };

/**
 * The idea catalog's HTTP side, mounted under `CATALOG_PREFIX`: gathering notes
 * into ideas, merging, splitting and deleting them, assessing them, publishing
 * and exporting. Each route names the action its caller needs (shared/src/access.ts)
 * and one guard checks it; the handlers only translate between HTTP and the
 * catalog's functions. Commands that change ideas, assessments or the published
 * catalog run one at a time per workshop, on every instance together.
 */
export async function catalogPlugin(app: FastifyInstance, context: CatalogContext): Promise<void> {
  guardCatalogRoutes(app, context.access);
  // On every instance, and each from what the one before stored (merging twice would append twice).
  const serially = <T>(workshopId: string, work: () => Promise<T>): Promise<T> =>
    context.commands.run(`catalog:${workshopId}`, work, docsOfWorkshop(workshopId));
  evidenceRoutes(app, context, serially);
  const params = (request: { params: unknown }) => request.params as { id: string; ideaId: string };

  app.post(
    '/catalog/gather',
    { config: editor, schema: { params: WorkshopParams, body: GatherBody, response: { 201: Created } } },
    async (request, reply) => {
      const workshopId = params(request).id;
      const created = await serially(workshopId, () =>
        gatherIntoIdea(context, catalogCaller(request), workshopId, request.body as Gather),
      );
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/catalog/merge',
    { config: editor, schema: { params: WorkshopParams, body: MergeIdeasBody } },
    (request) => {
      const workshopId = params(request).id;
      const { intoId, fromId } = request.body as Merge;
      if (intoId === fromId) throw new ApiFailure(400, 'SAME_IDEA', 'An idea cannot be merged into itself.');
      return serially(workshopId, () => mergeIdeas(context, workshopId, catalogCaller(request), intoId, fromId));
    },
  );

  app.post(
    '/catalog/ideas/:ideaId/split',
    { config: editor, schema: { params: IdeaParams, body: SplitIdeaBody, response: { 201: Created } } },
    async (request, reply) => {
      const { id: workshopId, ideaId } = params(request);
      const created = await serially(workshopId, () =>
        splitIdeaSources(context, workshopId, ideaId, request.body as Split),
      );
      return reply.code(201).send(created);
    },
  );

  app.post('/catalog/ideas/:ideaId/delete', { config: editor, schema: { params: IdeaParams } }, (request) => {
    const { id: workshopId, ideaId } = params(request);
    return serially(workshopId, () => removeIdea(context, workshopId, ideaId));
  });

  app.get(
    '/catalog/sources',
    {
      config: editor,
      schema: { params: WorkshopParams, response: { 200: Type.Object({ sources: Type.Array(SourceStatusSchema) }) } },
    },
    async (request) => ({ sources: await sourceStatuses(context, params(request).id) }),
  );

  app.post(
    '/ideas/:ideaId/assessment',
    { config: assessor, schema: { params: IdeaParams, body: AssessIdeaBody } },
    (request) => {
      const { id: workshopId, ideaId } = params(request);
      return serially(workshopId, () =>
        assessIdea(context, workshopId, ideaId, catalogCaller(request), request.body as Assess),
      );
    },
  );

  app.get('/ideas/:ideaId/history', { config: assessor, schema: { params: IdeaParams } }, (request) => {
    const { id: workshopId, ideaId } = params(request);
    return ideaHistory(context, workshopId, ideaId);
  });

  // Publishing: participants see ideas and decisions only from here on, as they were at this moment.
  app.post('/catalog/publish', { config: publisher, schema: { params: WorkshopParams } }, async (request) => {
    const workshopId = params(request).id;
    const by = await callerName(catalogCaller(request), context.workshops);
    const { snapshot, unreadable } = await serially(workshopId, () =>
      publishCatalog(context, workshopId, by, unreadableLogger(request)),
    );
    request.log.info({ workshopId, ideas: snapshot.ideas.length, unreadable }, 'catalog published');
    // Ideas published without their description, because it could not be read (logged).
    return { ideas: snapshot.ideas.length, publishedAt: snapshot.publishedAt, unreadable };
  });

  app.get('/published/status', { config: assessor, schema: { params: WorkshopParams } }, (request) =>
    publishStatus(context, params(request).id, unreadableLogger(request)),
  );

  app.get('/published/preview', { config: publisher, schema: { params: WorkshopParams } }, (request) =>
    publishPreview(context, params(request).id, unreadableLogger(request)),
  );

  app.get('/published/mine', { config: member, schema: { params: WorkshopParams } }, (request) =>
    myPublishedSources(context, params(request).id, catalogCaller(request).personId),
  );

  // Exports of the working catalog with its assessments and evidence, for leaders and facilitators.
  // `?internal=true` is the explicitly internal export: the only one with the leaders' internal notes.
  app.get(
    '/catalog/export.:format',
    { config: assessor, schema: { params: ExportParams, querystring: ExportQuery } },
    async (request, reply) => {
      const { id: workshopId, format } = request.params as { id: string; format: ExportFormat };
      const { internal } = request.query as { internal?: 'true' | 'false' };
      const data = await workingCatalogExport(context, workshopId, unreadableLogger(request), internal === 'true');
      // Ideas exported without their description, because it could not be read (logged).
      if (data.unreadable.length > 0) reply.header('x-samle-unreadable-ideas', data.unreadable.join(','));
      reply.header('content-disposition', `attachment; filename="${exportFileName(data, format)}"`);
      if (format === 'md') {
        // What became of the decisions (follow-up, impact pulses): docs/after-the-session.md.
        const afterDecision = await afterDecisionMarkdown(context.relay, workshopId, data.language);
        return reply.type('text/markdown; charset=utf-8').send(catalogMarkdown(data) + afterDecision);
      }
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(catalogCsv(data));
      // The decisions' follow-up and pulse results, linked to where each idea came from.
      const after = await afterDecisionFacts(context.relay, workshopId);
      if (format === 'xlsx') {
        return reply
          .type(XLSX_TYPE)
          .send(await catalogXlsx(data, (book) => addAfterDecisionSheet(book, after, data.language)));
      }
      return reply.type(DOCX_TYPE).send(await catalogDocx(data, afterDecisionParagraphs(after, data.language)));
    },
  );

  // Every idea's description from the server's data, so printing the catalog includes each one, opened or not.
  app.get('/catalog/descriptions', { config: assessor, schema: { params: WorkshopParams } }, async (request) => {
    const working = await readWorkingCatalog(context, params(request).id, unreadableLogger(request));
    return { descriptions: Object.fromEntries(working.descriptions) };
  });
}

/** Logs an idea description a command had to leave out. */
function unreadableLogger(request: FastifyRequest): OnUnreadable {
  return (ideaId, error) =>
    request.log.error({ err: error, ideaId }, "an idea's description could not be read; the idea goes out without it");
}
