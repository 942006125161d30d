import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DoneBody, RoomState, roundOf } from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { ApiFailure } from '../errors.js';
import type { EvaluationStore } from '../storage/contracts/evaluationTypes.js';
import type { PlanStore } from '../storage/contracts/planTypes.js';
import type { QuestionStore } from '../storage/contracts/questionTypes.js';
import type { DocStore } from '../storage/contracts/types.js';
import type { VoteStore } from '../storage/contracts/voteTypes.js';
import type { WorkshopStore } from '../storage/contracts/workshopTypes.js';
import type { Relay } from '../sync/Relay.js';
import { boardCounts } from '../workshops/liveCounts.js';
import type { OnlinePeople } from '../workshops/onlinePeople.js';
import { workshopCaller } from './guards.js';

export interface RoomRouteOptions {
  store: WorkshopStore;
  plans: PlanStore;
  access: AccessService;
  relay: Relay;
  /** Who is connected to the session's boards, on every instance (the tables' online counts). */
  online: OnlinePeople;
  questions: QuestionStore;
  evaluations: EvaluationStore;
  /** Open dot votes' turnout and private writing's drafts, per board. */
  votes: VoteStore;
  docs: DocStore;
}

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/**
 * "We are done" per table and the facilitator's live counts (docs/api.md, "The room").
 * Counts only: who is done, connected or has answered is never shown.
 */
export async function roomRoutes(server: FastifyInstance, options: RoomRouteOptions): Promise<void> {
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { store, plans, access, relay, questions, evaluations, votes, docs, online } = options;

  async function sessionAndCaller(request: Parameters<typeof workshopCaller>[0]) {
    const session = await store.getSession((request.params as { id: string }).id);
    if (!session) throw new ApiFailure(404, 'SESSION_NOT_FOUND', 'There is no such session.');
    const caller = await workshopCaller(request, access, session.workshopId).catch((error: unknown) => {
      // Someone without standing in this workshop learns nothing about its sessions.
      if (error instanceof ApiFailure && error.code === 'WORKSHOP_NOT_FOUND') {
        throw new ApiFailure(404, 'SESSION_NOT_FOUND', 'There is no such session.');
      }
      throw error;
    });
    return { session, caller };
  }

  app.post(
    '/api/sessions/:id/done',
    { schema: { params: IdParams, body: DoneBody, response: { 200: DoneBody } } },
    async (request) => {
      const { session, caller } = await sessionAndCaller(request);
      if (caller.role !== 'participant' || !caller.personId) {
        throw new ApiFailure(403, 'PARTICIPANTS_ONLY', 'Only participants at a table mark their table’s task done.');
      }
      const graph = await store.getWorkshopGraph(session.workshopId);
      const item = graph?.agenda.find((a) => a.id === session.currentItemId);
      const round = roundOf(session.currentItemId, session.currentItemStartedAt);
      if (session.status !== 'open' || session.mode !== 'groups' || !item || round === null) {
        throw new ApiFailure(409, 'NO_GROUP_WORK', 'There is no group work running to be done with.');
      }
      const personId = caller.personId;
      const table = graph?.groups.find((g) => g.sessionId === session.id && g.memberIds.includes(personId));
      if (!table) throw new ApiFailure(409, 'NO_TABLE', 'You are not at a table in this session.');
      const { done } = request.body;
      await plans.setDone({ sessionId: session.id, round, personId, groupId: table.id, at: Date.now() }, done);
      return { done };
    },
  );

  app.get('/api/sessions/:id/room', { schema: { params: IdParams, response: { 200: RoomState } } }, async (request) => {
    const { session, caller } = await sessionAndCaller(request);
    const round = roundOf(session.currentItemId, session.currentItemStartedAt);
    const marks = round ? await plans.doneMarks(session.id, round) : [];
    const myDone = caller.personId !== null && marks.some((mark) => mark.personId === caller.personId);
    if (caller.role !== 'facilitator') {
      return { round, myDone, tables: [], questions: null, evaluation: null, votes: [], drafts: [] };
    }

    const graph = await store.getWorkshopGraph(session.workshopId);
    if (!graph) throw new ApiFailure(404, 'SESSION_NOT_FOUND', 'There is no such session.');
    const sessionBoards = graph.boards.filter((b) => b.sessionId === session.id).map((b) => b.id);
    const connected = await online.connected(sessionBoards);
    const tables = graph.groups
      .filter((g) => g.sessionId === session.id)
      .map((group) => ({
        groupId: group.id,
        name: group.name,
        members: group.memberIds.length,
        connected: group.memberIds.filter((id) => connected.has(id)).length,
        done: marks.filter((mark) => mark.groupId === group.id && group.memberIds.includes(mark.personId)).length,
      }));
    const open = (await questions.listQuestions(session.workshopId)).filter(
      (q) => q.status === 'new' && q.hiddenAt === null,
    );
    const oldest = open.reduce<number | null>((at, q) => (at === null || q.createdAt < at ? q.createdAt : at), null);
    const latest = await evaluations.latestEvaluation(session.workshopId);
    const respondents = graph.people.filter(
      (p) => p.revokedAt === null && (p.role === 'participant' || p.role === 'leader'),
    ).length;
    const boardsNow = graph.boards
      .filter((b) => b.sessionId === session.id)
      .map((b) => ({ id: b.id, title: b.title, kind: b.kind, groupId: b.groupId ?? null }));
    const counts = await boardCounts(session.status === 'open' ? boardsNow : [], {
      relay,
      docs,
      votes,
      groups: graph.groups,
      people: graph.people,
    });
    return {
      round,
      myDone,
      tables,
      votes: counts.votes,
      drafts: counts.drafts,
      questions: { unanswered: open.length, oldestAt: oldest === null ? null : new Date(oldest).toISOString() },
      evaluation:
        latest?.status === 'open'
          ? { responses: (await evaluations.responses(latest.id)).length, of: respondents }
          : null,
    };
  });
}
