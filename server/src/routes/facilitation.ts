import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  applyTimerAction,
  BoardIdSchema,
  BoardSettingsBody,
  CastVoteBody,
  CloseCode,
  controlDocId,
  FollowBody,
  MyVotes,
  notesOf,
  readTimer,
  readVote,
  setBoardAnonymous,
  TimerCommandBody,
  VoteCommandBody,
  writeFollow,
  writeVoteClosed,
  writeVoteOpened,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessService, Principal } from '../access/AccessService.js';
import { principalOf } from '../access/requestAccess.js';
import type { CommandLock } from '../cluster/commandLock.js';
import { ApiFailure } from '../errors.js';
import type { BoardHistory } from '../history/BoardHistory.js';
import type { BoardStore } from '../storage/contracts/boardTypes.js';
import type { VoteRound, VoteStore } from '../storage/contracts/voteTypes.js';
import type { Relay } from '../sync/Relay.js';
import { newId } from '../workshops/plan.js';

export interface FacilitationRouteOptions {
  access: AccessService;
  relay: Relay;
  boards: BoardStore;
  votes: VoteStore;
  /** Board history: making a board anonymous removes authors from its snapshots too. */
  history: BoardHistory;
  /** Timer and vote-round commands read the control doc (and the open round) first: one at a time, across instances. */
  commands: CommandLock;
}

const Params = Type.Object({ id: BoardIdSchema });
const ControlState = Type.Object({
  timer: Type.Union([
    Type.Object({
      durationMs: Type.Number(),
      endsAt: Type.Union([Type.Number(), Type.Null()]),
      remainingMs: Type.Union([Type.Number(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  vote: Type.Union([
    Type.Object({ id: Type.String(), status: Type.String() }, { additionalProperties: true }),
    Type.Null(),
  ]),
});

/**
 * Facilitation commands on a board: the shared timer and dot-voting. The server
 * checks role and invariants, then writes the board's control doc itself, which
 * everyone who may read the board receives read-only (see shared/src/control.ts).
 */
export async function facilitationRoutes(server: FastifyInstance, options: FacilitationRouteOptions): Promise<void> {
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { access, relay, boards, votes, history, commands } = options;

  async function boardFor(
    request: FastifyRequest,
  ): Promise<{ boardId: string; principal: Principal; canWrite: boolean }> {
    const { id } = request.params as { id: string };
    const principal = await principalOf(request, access);
    const decision = await access.boardAccess(principal, id);
    if (decision.access === 'none') throw new ApiFailure(404, 'BOARD_NOT_FOUND', 'There is no board with this id.');
    return { boardId: id, principal, canWrite: decision.access === 'write' };
  }

  /** Timer and vote rounds are the facilitator's: a facilitator who may write the board. */
  async function facilitatedBoard(request: FastifyRequest): Promise<string> {
    const board = await boardFor(request);
    if (board.principal.kind !== 'facilitator') {
      throw new ApiFailure(403, 'FACILITATOR_ONLY', 'Only the facilitator runs the timer and votes.');
    }
    if (!board.canWrite) throw new ApiFailure(409, 'BOARD_ARCHIVED', 'This board is archived and read-only.');
    return board.boardId;
  }

  async function control(boardId: string, change: Parameters<Relay['command']>[1]) {
    const docId = controlDocId(boardId);
    await relay.command(docId, change);
    return relay.read(docId, (doc) => ({ timer: readTimer(doc), vote: readVote(doc) }));
  }

  /** A timer or vote-round command, after the previous one on this board (on any instance) is stored. */
  function serially<T>(boardId: string, work: () => Promise<T>): Promise<T> {
    const docId = controlDocId(boardId);
    return commands.run(`control:${boardId}`, work, (id) => id === docId);
  }

  function voterOf(principal: Principal): string {
    if (principal.kind === 'person') return principal.personId;
    if (principal.kind === 'facilitator') return `facilitator:${principal.facilitatorId}`;
    throw new ApiFailure(403, 'CANNOT_VOTE', 'Only people in the workshop can vote.');
  }

  async function openRound(boardId: string): Promise<VoteRound> {
    const round = await votes.openRoundOf(boardId);
    if (!round) throw new ApiFailure(409, 'NO_OPEN_VOTE', 'There is no vote open on this board.');
    return round;
  }

  const remaining = (round: VoteRound, mine: Record<string, number>) =>
    round.budget - Object.values(mine).reduce((sum, n) => sum + n, 0);

  app.post(
    '/api/boards/:id/settings',
    { schema: { params: Params, body: BoardSettingsBody, response: { 200: BoardSettingsBody } } },
    async (request) => {
      const boardId = await facilitatedBoard(request);
      const { anonymous } = request.body;
      await boards.setBoardAnonymous(boardId, anonymous);
      await relay.command(boardId, (doc) => setBoardAnonymous(doc, anonymous));
      // Authors removed from the doc must not linger in its log either.
      if (anonymous) await relay.compactNow(boardId);
      if (anonymous) await history.forgetAuthors(boardId);
      // Writers reconnect, so their connections carry the board's new rule.
      relay.closeWhere({ docIds: [boardId], writersOnly: true }, CloseCode.AccessChanged, 'board settings changed');
      return { anonymous };
    },
  );

  // The facilitator's client sends its viewport here (a few times a second while following is on);
  // everyone's view, and the big screen, follows what the server writes to the control doc.
  app.post('/api/boards/:id/follow', { schema: { params: Params, body: FollowBody } }, async (request, reply) => {
    const boardId = await facilitatedBoard(request);
    const body = request.body;
    await control(boardId, (doc) => writeFollow(doc, body));
    return reply.code(204).send();
  });

  app.post(
    '/api/boards/:id/timer',
    { schema: { params: Params, body: TimerCommandBody, response: { 200: ControlState } } },
    async (request) => {
      const boardId = await facilitatedBoard(request);
      const command = request.body;
      let applied = true;
      const state = await serially(boardId, () =>
        control(boardId, (doc) => {
          applied = applyTimerAction(doc, command, Date.now());
        }),
      );
      if (!applied) throw new ApiFailure(409, 'TIMER_STATE', `The timer cannot ${command.action} now.`);
      return state;
    },
  );

  app.post(
    '/api/boards/:id/vote',
    { schema: { params: Params, body: VoteCommandBody, response: { 200: ControlState } } },
    async (request) => {
      const boardId = await facilitatedBoard(request);
      const command = request.body;
      return serially(boardId, async () => {
        const now = Date.now();
        if (command.action === 'open') {
          if (await votes.openRoundOf(boardId))
            throw new ApiFailure(409, 'VOTE_ALREADY_OPEN', 'A vote is already open here.');
          const round: VoteRound = {
            id: newId(),
            boardId,
            budget: command.budget,
            maxPerNote: Math.min(command.maxPerNote, command.budget),
            status: 'open',
            openedAt: now,
            closedAt: null,
          };
          await votes.openRound(round);
          return control(boardId, (doc) => writeVoteOpened(doc, round));
        }
        const round = await openRound(boardId);
        const totals = await votes.closeRound(round.id, now);
        return control(boardId, (doc) => writeVoteClosed(doc, now, totals));
      });
    },
  );

  app.post(
    '/api/boards/:id/votes',
    { schema: { params: Params, body: CastVoteBody, response: { 200: MyVotes } } },
    async (request) => {
      const board = await boardFor(request);
      if (!board.canWrite) throw new ApiFailure(403, 'READ_ONLY', 'You can look at this board, but not vote on it.');
      const voter = voterOf(board.principal);
      const round = await openRound(board.boardId);
      const { noteId, delta } = request.body;
      const exists = await relay.read(board.boardId, (doc) => notesOf(doc).has(noteId));
      if (!exists) throw new ApiFailure(400, 'NOTE_NOT_FOUND', 'That note is not on this board.');
      const result = await votes.cast(round, voter, noteId, delta);
      if (!result.ok) {
        const messages = {
          BUDGET_EXHAUSTED: `You have used all ${round.budget} of your votes.`,
          NOTE_LIMIT: `At most ${round.maxPerNote} votes per note.`,
          NOTHING_TO_TAKE_BACK: 'You have no vote on that note to take back.',
        } as const;
        throw new ApiFailure(409, result.reason, messages[result.reason]);
      }
      return { roundId: round.id, votes: result.votes, remaining: remaining(round, result.votes) };
    },
  );

  app.get('/api/boards/:id/votes/mine', { schema: { params: Params, response: { 200: MyVotes } } }, async (request) => {
    const board = await boardFor(request);
    const round = await votes.openRoundOf(board.boardId);
    if (!round || board.principal.kind === 'doc' || board.principal.kind === 'anonymous') {
      return { roundId: round?.id ?? null, votes: {}, remaining: round?.budget ?? 0 };
    }
    const mine = await votes.votesOf(round.id, voterOf(board.principal));
    return { roundId: round.id, votes: mine, remaining: remaining(round, mine) };
  });
}
