import {
  type IdeaFromQuestionBody as FromQuestion,
  IdeaFromQuestionBody,
  SupportIdeaBody,
  SupportWindowBody,
  WorkshopAction,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CatalogContext } from './context.js';
import { catalogEvidence, workshopNoteVotes } from './evidence.js';
import { ideaFromQuestion } from './fromQuestion.js';
import { catalogCaller } from './guard.js';
import { mySupport, setSupportWindow, supportIdea } from './support.js';

const WorkshopParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const IdeaParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  ideaId: Type.String({ minLength: 1, maxLength: 64 }),
});
const Created = Type.Object({ ideaId: Type.String(), sources: Type.Integer() });

const editor = { catalogAction: WorkshopAction.EditCatalog };
const assessor = { catalogAction: WorkshopAction.AssessIdeas };
const publisher = { catalogAction: WorkshopAction.PublishCatalog };
const member = { catalogAction: null };

/**
 * The evidence routes of the catalog plugin (registered inside it, behind its guard):
 * votes per note and per idea, linked questions, taking a question into the catalog,
 * and participants' support. Handlers only translate HTTP; see evidence.ts, support.ts
 * and fromQuestion.ts.
 */
export function evidenceRoutes(
  app: FastifyInstance,
  context: CatalogContext,
  serially: <T>(workshopId: string, work: () => Promise<T>) => Promise<T>,
): void {
  const params = (request: { params: unknown }) => request.params as { id: string; ideaId: string };

  app.get('/catalog/evidence', { config: assessor, schema: { params: WorkshopParams } }, (request) =>
    catalogEvidence(context, params(request).id),
  );

  app.get('/catalog/votes', { config: editor, schema: { params: WorkshopParams } }, (request) =>
    workshopNoteVotes(context, params(request).id),
  );

  app.post(
    '/catalog/ideas/from-question',
    { config: editor, schema: { params: WorkshopParams, body: IdeaFromQuestionBody, response: { 201: Created } } },
    async (request, reply) => {
      const workshopId = params(request).id;
      const created = await serially(workshopId, () =>
        ideaFromQuestion(context, workshopId, request.body as FromQuestion),
      );
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/catalog/support',
    { config: publisher, schema: { params: WorkshopParams, body: SupportWindowBody } },
    (request) => setSupportWindow(context, params(request).id, (request.body as SupportWindowBody).open),
  );

  app.post(
    '/published/ideas/:ideaId/support',
    { config: member, schema: { params: IdeaParams, body: SupportIdeaBody } },
    (request) => {
      const { id: workshopId, ideaId } = params(request);
      const { supported } = request.body as SupportIdeaBody;
      return supportIdea(context, workshopId, catalogCaller(request), ideaId, supported);
    },
  );

  app.get('/published/support', { config: member, schema: { params: WorkshopParams } }, (request) =>
    mySupport(context, params(request).id, catalogCaller(request).personId),
  );
}
