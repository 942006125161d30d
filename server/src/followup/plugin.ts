import {
  type FollowUpUpdateBody as FollowUpUpdate,
  FollowUpUpdateBody,
  mayDo,
  type PulseAnswerBody as PulseAnswer,
  PulseAnswerBody,
  type SchedulePulseBody as SchedulePulse,
  SchedulePulseBody,
  WorkshopAction,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { callerName, type WorkshopCaller, workshopCaller } from '../access/workshopCaller.js';
import { ApiFailure } from '../errors.js';
import type { WorkshopStore } from '../storage/contracts/workshopTypes.js';
import {
  type AfterDecisionContext,
  answeredPulses,
  answerPulse,
  pulseResults,
  schedulePulses,
  updateFollowUp,
} from './afterDecision.js';

export interface FollowUpOptions extends AfterDecisionContext {
  access: AccessService;
  workshops: WorkshopStore;
}

const Id = Type.String({ minLength: 1, maxLength: 64 });
const WorkshopParams = Type.Object({ id: Id });
const IdeaParams = Type.Object({ id: Id, ideaId: Id });
const PulseParams = Type.Object({ id: Id, pulseId: Id });

/**
 * What became of the decisions (docs/after-the-session.md): leaders and the
 * facilitator update an idea's follow-up; the facilitator schedules impact pulses;
 * participants and leaders answer a pulse once; leaders and the facilitator read
 * the results with comments.
 */
export async function followUpPlugin(app: FastifyInstance, options: FollowUpOptions): Promise<void> {
  const { access, workshops } = options;
  const caller = (request: FastifyRequest) => workshopCaller(request, access, (request.params as { id: string }).id);
  const leaderOrFacilitator = async (request: FastifyRequest): Promise<WorkshopCaller> => {
    const standing = await caller(request);
    if (!mayDo(standing.role, WorkshopAction.AssessIdeas)) {
      throw new ApiFailure(403, 'FOLLOW_UP_LEADERS_ONLY', 'Only management and the facilitator follow up decisions.');
    }
    return standing;
  };

  app.post(
    '/api/workshops/:id/ideas/:ideaId/follow-up',
    { schema: { params: IdeaParams, body: FollowUpUpdateBody } },
    async (request) => {
      const standing = await leaderOrFacilitator(request);
      const { id, ideaId } = request.params as { id: string; ideaId: string };
      const by = await callerName(standing, workshops);
      return updateFollowUp(options, id, ideaId, request.body as FollowUpUpdate, by);
    },
  );

  app.post(
    '/api/workshops/:id/pulses',
    { schema: { params: WorkshopParams, body: SchedulePulseBody } },
    async (request, reply) => {
      const standing = await caller(request);
      if (!mayDo(standing.role, WorkshopAction.PublishCatalog)) {
        throw new ApiFailure(403, 'FACILITATOR_ONLY', 'The facilitator schedules impact pulses.');
      }
      const { id } = request.params as { id: string };
      return reply.code(201).send({ pulses: await schedulePulses(options, id, request.body as SchedulePulse) });
    },
  );

  app.post(
    '/api/workshops/:id/pulses/:pulseId/answers',
    { schema: { params: PulseParams, body: PulseAnswerBody } },
    async (request, reply) => {
      const standing = await caller(request);
      if (!standing.personId || standing.role === 'viewer' || standing.role === 'facilitator') {
        throw new ApiFailure(403, 'CANNOT_ANSWER', 'Participants and leaders answer the impact pulse.');
      }
      const { id, pulseId } = request.params as { id: string; pulseId: string };
      const name = await callerName(standing, workshops);
      const pulse = await answerPulse(
        options,
        id,
        pulseId,
        { id: standing.personId, name },
        request.body as PulseAnswer,
      );
      return reply.code(201).send(pulse);
    },
  );

  app.get('/api/workshops/:id/pulses/mine', { schema: { params: WorkshopParams } }, async (request) => {
    const standing = await caller(request);
    const { id } = request.params as { id: string };
    return { answered: standing.personId ? await answeredPulses(options, id, standing.personId) : [] };
  });

  app.get('/api/workshops/:id/pulses/results', { schema: { params: WorkshopParams } }, async (request) => {
    await leaderOrFacilitator(request);
    return pulseResults(options, (request.params as { id: string }).id);
  });
}
