import {
  type AssessIdeaBody as Assess,
  AssessIdeaBody,
  type AssessmentView,
  assessmentChanges,
  assessmentsDocId,
  catalogDocId,
  ideasOf,
  readAssessments,
  writeAssessment,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { principalOf } from '../access/requestAccess.js';
import { ApiFailure } from '../errors.js';
import type { DecisionHistoryStore } from '../storage/assessmentTypes.js';
import type { DocStore } from '../storage/types.js';
import type { WorkshopStore } from '../storage/workshopTypes.js';
import type { Relay } from '../sync/Relay.js';

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
    docs: DocStore;
    workshops: WorkshopStore;
    decisions: DecisionHistoryStore;
  },
): Promise<void> {
  const { access, relay, docs, workshops, decisions } = options;

  async function assessor(request: FastifyRequest): Promise<{ workshopId: string; ideaId: string; name: string }> {
    const { id: workshopId, ideaId } = request.params as { id: string; ideaId: string };
    const principal = await principalOf(request, access);
    const standing = await access.workshopRole(principal, workshopId);
    if (!standing) throw new ApiFailure(404, 'WORKSHOP_NOT_FOUND', 'There is no such workshop.');
    if (standing.role !== 'leader' && standing.role !== 'facilitator') {
      throw new ApiFailure(403, 'LEADERS_ONLY', 'Only management and the facilitator assess ideas.');
    }
    const catalog = catalogDocId(workshopId);
    await docs.ensureDoc(catalog, Date.now());
    if (!(await relay.read(catalog, (doc) => ideasOf(doc).has(ideaId)))) {
      throw new ApiFailure(404, 'IDEA_NOT_FOUND', 'There is no such idea in the catalog.');
    }
    const name = standing.personId
      ? ((await workshops.getPerson(standing.personId))?.name ?? '')
      : principal.kind === 'facilitator'
        ? ((await workshops.getFacilitator(principal.facilitatorId))?.name ?? '')
        : '';
    return { workshopId, ideaId, name };
  }

  app.post(
    '/api/workshops/:id/ideas/:ideaId/assessment',
    { schema: { params: Params, body: AssessIdeaBody } },
    async (request) => {
      const { workshopId, ideaId, name } = await assessor(request);
      const patch = request.body as Assess;
      const docId = assessmentsDocId(workshopId);
      await docs.ensureDoc(docId, Date.now());
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

  app.get('/api/workshops/:id/ideas/:ideaId/history', { schema: { params: Params } }, async (request) => {
    const { workshopId, ideaId } = await assessor(request);
    return { changes: await decisions.history(workshopId, ideaId) };
  });
}
