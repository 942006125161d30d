import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  aggregateRatings,
  Evaluation,
  EvaluationResponseBody,
  EvaluationResults,
  OpenEvaluationBody,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import type { TokenService } from '../access/tokens.js';
import { ApiFailure } from '../errors.js';
import type { EvaluationRecord, EvaluationStore } from '../storage/contracts/evaluationTypes.js';
import type { WorkshopStore } from '../storage/contracts/workshopTypes.js';
import { newId } from '../workshops/plan.js';
import { workshopCaller } from './guards.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** Evaluating the process: open, answer once per person, results and CSV for the facilitator. */
export async function evaluationRoutes(
  server: FastifyInstance,
  options: { access: AccessService; tokens: TokenService; evaluations: EvaluationStore; workshops: WorkshopStore },
): Promise<void> {
  const { access, tokens, evaluations, workshops } = options;
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();

  const standingIn = (request: FastifyRequest, workshopId: string) => workshopCaller(request, access, workshopId);

  async function evaluationFor(request: FastifyRequest, facilitatorOnly: boolean) {
    const { id } = request.params as { id: string };
    const evaluation = await evaluations.getEvaluation(id);
    if (!evaluation) throw new ApiFailure(404, 'EVALUATION_NOT_FOUND', 'There is no such evaluation.');
    const standing = await standingIn(request, evaluation.workshopId);
    if (facilitatorOnly && standing.role !== 'facilitator') {
      throw new ApiFailure(403, 'FACILITATOR_ONLY', 'Only the facilitator sees and closes the evaluation.');
    }
    return { evaluation, standing };
  }

  async function view(evaluation: EvaluationRecord, personId: string | null): Promise<Evaluation> {
    return {
      id: evaluation.id,
      status: evaluation.status,
      ratings: evaluation.ratings,
      freeText: evaluation.freeText,
      anonymous: evaluation.anonymous,
      answered: personId ? await evaluations.hasResponded(evaluation.id, tokens.keyedHash(personId)) : false,
    };
  }

  async function results(evaluation: EvaluationRecord): Promise<EvaluationResults> {
    const responses = await evaluations.responses(evaluation.id);
    const aggregate = aggregateRatings(
      evaluation.ratings.map((r) => r.id),
      responses.map((r) => r.ratings),
    );
    return {
      evaluation: await view(evaluation, null),
      responses: responses.length,
      ratings: evaluation.ratings.map((rating, index) => ({
        ...rating,
        distribution: aggregate[index]?.distribution ?? [],
        average: aggregate[index]?.average ?? null,
      })),
      texts: responses
        .filter((r) => r.text)
        .map((r) => ({ text: r.text ?? '', name: evaluation.anonymous ? null : r.respondentName })),
    };
  }

  app.post(
    '/api/workshops/:id/evaluations',
    { schema: { params: IdParams, body: OpenEvaluationBody, response: { 201: Evaluation } } },
    async (request, reply) => {
      const { id: workshopId } = request.params;
      const standing = await standingIn(request, workshopId);
      if (standing.role !== 'facilitator')
        throw new ApiFailure(403, 'FACILITATOR_ONLY', 'Only the facilitator opens an evaluation.');
      const latest = await evaluations.latestEvaluation(workshopId);
      if (latest?.status === 'open') throw new ApiFailure(409, 'EVALUATION_OPEN', 'An evaluation is already open.');
      const body = request.body;
      const evaluation: EvaluationRecord = {
        id: newId(),
        workshopId,
        status: 'open',
        ratings: body.ratings.map((label, index) => ({ id: `r${index + 1}`, label: label.trim() })),
        freeText: body.freeText?.trim() ?? null,
        anonymous: body.anonymous ?? true,
        openedAt: Date.now(),
        closedAt: null,
      };
      await evaluations.openEvaluation(evaluation);
      return reply.code(201).send(await view(evaluation, null));
    },
  );

  app.get(
    '/api/workshops/:id/evaluation',
    { schema: { params: IdParams, response: { 200: Evaluation } } },
    async (request) => {
      const { id: workshopId } = request.params;
      const standing = await standingIn(request, workshopId);
      const latest = await evaluations.latestEvaluation(workshopId);
      if (!latest) throw new ApiFailure(404, 'NO_EVALUATION', 'There is no evaluation yet.');
      return view(latest, standing.personId);
    },
  );

  app.post(
    '/api/evaluations/:id/close',
    { schema: { params: IdParams, response: { 200: Evaluation } } },
    async (request) => {
      const { evaluation } = await evaluationFor(request, true);
      await evaluations.closeEvaluation(evaluation.id, Date.now());
      return view({ ...evaluation, status: 'closed' }, null);
    },
  );

  app.post(
    '/api/evaluations/:id/responses',
    { schema: { params: IdParams, body: EvaluationResponseBody } },
    async (request, reply) => {
      const { evaluation, standing } = await evaluationFor(request, false);
      if (!standing.personId || standing.role === 'viewer') {
        throw new ApiFailure(403, 'CANNOT_ANSWER', 'Participants and leaders answer the evaluation.');
      }
      if (evaluation.status !== 'open') throw new ApiFailure(409, 'EVALUATION_CLOSED', 'This evaluation is closed.');
      const body = request.body;
      const ids = evaluation.ratings.map((r) => r.id);
      if (
        ids.some((id) => body.ratings[id] === undefined) ||
        Object.keys(body.ratings).some((id) => !ids.includes(id))
      ) {
        throw new ApiFailure(400, 'RATINGS_INCOMPLETE', 'Rate every question (1–5), and only those.');
      }
      const person = evaluation.anonymous ? null : await workshops.getPerson(standing.personId);
      await evaluations.saveResponse({
        evaluationId: evaluation.id,
        respondentKey: tokens.keyedHash(standing.personId),
        respondentName: person?.name ?? null,
        ratings: body.ratings,
        text: body.text?.trim() || null,
        answeredAt: Date.now(),
      });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/evaluations/:id/results',
    { schema: { params: IdParams, response: { 200: EvaluationResults } } },
    async (request) => results((await evaluationFor(request, true)).evaluation),
  );

  app.get('/api/evaluations/:id/results.csv', { schema: { params: IdParams } }, async (request, reply) => {
    const { evaluation } = await evaluationFor(request, true);
    const responses = await evaluations.responses(evaluation.id);
    const header = [
      'respondent',
      ...evaluation.ratings.map((r) => r.label),
      ...(evaluation.freeText ? [evaluation.freeText] : []),
    ];
    const rows = responses.map((response, index) => [
      evaluation.anonymous ? `#${index + 1}` : (response.respondentName ?? `#${index + 1}`),
      ...evaluation.ratings.map((r) => response.ratings[r.id] ?? ''),
      ...(evaluation.freeText ? [response.text ?? ''] : []),
    ]);
    reply.type('text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="evaluation-${evaluation.id}.csv"`);
    // A byte-order mark so spreadsheet programs read æ, ø and å correctly.
    return `\ufeff${stringify([header, ...rows])}`;
  });
}
