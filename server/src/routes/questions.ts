import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AnswerQuestionBody,
  catalogDocId,
  HideQuestionBody,
  ideasOf,
  MyQuestions,
  PostQuestionBody,
  questionsDocId,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import type { TokenService } from '../access/tokens.js';
import { publishQuestionList } from '../catalog/questionList.js';
import type { CommandLock } from '../cluster/commandLock.js';
import { ApiFailure } from '../errors.js';
import type { QuestionRecord, QuestionStore } from '../storage/contracts/questionTypes.js';
import type { WorkshopStore } from '../storage/contracts/workshopTypes.js';
import type { Relay } from '../sync/Relay.js';
import { newId } from '../workshops/plan.js';
import { callerName, type WorkshopCaller, workshopCaller } from './guards.js';

export interface QuestionRouteOptions {
  access: AccessService;
  tokens: TokenService;
  relay: Relay;
  questions: QuestionStore;
  workshops: WorkshopStore;
  /** The list is rewritten from the database: one rewrite at a time per workshop, across instances. */
  commands: CommandLock;
}

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** Questions and proposals to management: post, support, answer, hide. See shared/src/questions.ts. */
export async function questionRoutes(server: FastifyInstance, options: QuestionRouteOptions): Promise<void> {
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { access, tokens, relay, questions, workshops, commands } = options;

  interface Caller extends WorkshopCaller {
    name: string;
  }

  async function callerIn(request: FastifyRequest, workshopId: string): Promise<Caller> {
    const caller = await workshopCaller(request, access, workshopId);
    return { ...caller, name: await callerName(caller, workshops) };
  }

  async function questionAndCaller(request: FastifyRequest): Promise<{ question: QuestionRecord; caller: Caller }> {
    const { id } = request.params as { id: string };
    const question = await questions.getQuestion(id);
    if (!question) throw new ApiFailure(404, 'QUESTION_NOT_FOUND', 'There is no such question.');
    return { question, caller: await callerIn(request, question.workshopId) };
  }

  /**
   * Rewrites the workshop's public list from the database, under the command lock
   * (catalog/questionList.ts): two instances rewriting at once would each keep the
   * other's entries and add their own.
   */
  const publish = (workshopId: string) => publishQuestionList({ relay, questions, commands }, workshopId);

  app.post(
    '/api/workshops/:id/questions',
    { schema: { params: IdParams, body: PostQuestionBody, response: { 201: Type.Object({ id: Type.String() }) } } },
    async (request, reply) => {
      const { id: workshopId } = request.params;
      const caller = await callerIn(request, workshopId);
      if (!caller.personId || caller.role === 'viewer') {
        throw new ApiFailure(403, 'CANNOT_POST', 'Participants and leaders post questions to management.');
      }
      const body = request.body;
      const question: QuestionRecord = {
        id: newId(),
        workshopId,
        kind: body.kind,
        text: body.text.trim(),
        anonymous: body.anonymous,
        authorKey: tokens.keyedHash(caller.personId),
        authorName: body.anonymous ? null : caller.name,
        createdAt: Date.now(),
        status: 'new',
        answer: null,
        answeredBy: null,
        answeredAt: null,
        hiddenReason: null,
        hiddenAt: null,
        ideaId: null,
      };
      await questions.createQuestion(question);
      await publish(workshopId);
      return reply.code(201).send({ id: question.id });
    },
  );

  app.post(
    '/api/questions/:id/support',
    { schema: { params: IdParams, body: Type.Object({ supported: Type.Boolean() }, { additionalProperties: false }) } },
    async (request) => {
      const { question, caller } = await questionAndCaller(request);
      if (!caller.personId || caller.role === 'viewer') {
        throw new ApiFailure(403, 'CANNOT_SUPPORT', 'Participants and leaders support questions.');
      }
      if (question.hiddenAt !== null) throw new ApiFailure(404, 'QUESTION_NOT_FOUND', 'There is no such question.');
      const { supported } = request.body;
      if (await questions.setSupport(question.id, caller.personId, supported)) await publish(question.workshopId);
      return { supported };
    },
  );

  app.post('/api/questions/:id/answer', { schema: { params: IdParams, body: AnswerQuestionBody } }, async (request) => {
    const { question, caller } = await questionAndCaller(request);
    if (caller.role !== 'leader' && caller.role !== 'facilitator') {
      throw new ApiFailure(403, 'LEADERS_ONLY', 'Management answers questions.');
    }
    await questions.answerQuestion(question.id, request.body.answer.trim(), caller.name, Date.now());
    await publish(question.workshopId);
    return { answered: true };
  });

  app.post('/api/questions/:id/hide', { schema: { params: IdParams, body: HideQuestionBody } }, async (request) => {
    const { question, caller } = await questionAndCaller(request);
    if (caller.role !== 'facilitator')
      throw new ApiFailure(403, 'FACILITATOR_ONLY', 'The facilitator moderates posts.');
    await questions.hideQuestion(question.id, request.body.reason.trim(), Date.now());
    await publish(question.workshopId);
    // The list no longer holds the post, but the doc's log still does until it is compacted, and a
    // participant who loads it from storage would get the text: compact it now (garbage-collected).
    await relay.compactNow(questionsDocId(question.workshopId));
    return { hidden: true };
  });

  app.post(
    '/api/questions/:id/idea',
    {
      schema: {
        params: IdParams,
        body: Type.Object(
          { ideaId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]) },
          {
            additionalProperties: false,
          },
        ),
      },
    },
    async (request) => {
      const { question, caller } = await questionAndCaller(request);
      if (caller.role !== 'leader' && caller.role !== 'facilitator') {
        throw new ApiFailure(403, 'LEADERS_ONLY', 'Management and the facilitator take posts into the catalog.');
      }
      const { ideaId } = request.body;
      if (ideaId !== null) {
        const catalog = catalogDocId(question.workshopId);
        if (!(await relay.read(catalog, (doc) => ideasOf(doc).has(ideaId)))) {
          throw new ApiFailure(400, 'IDEA_NOT_FOUND', 'There is no such idea in the catalog.');
        }
      }
      await questions.linkIdea(question.id, ideaId);
      await publish(question.workshopId);
      return { ideaId };
    },
  );

  app.get(
    '/api/workshops/:id/questions/mine',
    { schema: { params: IdParams, response: { 200: MyQuestions } } },
    async (request) => {
      const { id: workshopId } = request.params;
      const caller = await callerIn(request, workshopId);
      if (!caller.personId) return { posts: [], supported: [] };
      const key = tokens.keyedHash(caller.personId);
      const all = await questions.listQuestions(workshopId);
      return {
        posts: all
          .filter((q) => q.authorKey === key)
          .map((q) => ({
            id: q.id,
            kind: q.kind,
            text: q.text,
            anonymous: q.anonymous,
            status: q.status,
            hiddenReason: q.hiddenReason,
          })),
        supported: await questions.supportedBy(workshopId, caller.personId),
      };
    },
  );
}
