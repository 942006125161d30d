import {
  type AcceptInviteBody as AcceptInvite,
  AcceptInviteBody,
  Grant,
  type JoinBody as Join,
  JoinBody,
  type Role,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { assertCleanName } from '../access/names.js';
import { TokenError, type TokenService } from '../access/tokens.js';
import { ApiFailure } from '../errors.js';
import type { PersonRecord, SessionRecord, WorkshopStore } from '../storage/workshopTypes.js';
import { toPerson } from '../workshops/detail.js';
import { newId } from '../workshops/plan.js';

export interface JoinRouteOptions {
  store: WorkshopStore;
  tokens: TokenService;
  /** How long a participant's, leader's or viewer's access lasts: the whole process and revisiting after. */
  grantTtlSeconds: number;
}

function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** Joining without an account: by a session's code (participants) or an invite link (leaders, viewers). */
export async function joinRoutes(app: FastifyInstance, options: JoinRouteOptions): Promise<void> {
  const { store, tokens } = options;
  // Codes are short; guessing them is what this limit is for.
  const joinLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

  async function openSession(code: string): Promise<SessionRecord> {
    const session = await store.findSessionByJoinCode(normaliseCode(code));
    // Leaders come in by invite link: a leadership session has no participant code (a leftover is ignored).
    if (!session || session.status === 'planned' || session.kind === 'leadership') {
      throw new ApiFailure(
        404,
        'JOIN_CODE_UNKNOWN',
        'No open session has this code. Check the code on the big screen.',
      );
    }
    if (session.status === 'ended') {
      throw new ApiFailure(
        410,
        'SESSION_ENDED',
        'This session has ended. Ask the facilitator for a link to revisit it.',
      );
    }
    return session;
  }

  /** Mints the grant and picks the first board: your table's during group work, else the plenum. */
  async function grantFor(person: PersonRecord, session: SessionRecord | null) {
    const { token, expiresAt } = await tokens.mint(
      {
        kind: 'person',
        personId: person.id,
        workshopId: person.workshopId,
        role: person.role as Exclude<Role, 'facilitator'>,
      },
      options.grantTtlSeconds,
    );
    let landingBoardId: string | null = null;
    if (session) {
      const graph = await store.getWorkshopGraph(session.workshopId);
      const boards = graph?.boards.filter((b) => b.sessionId === session.id) ?? [];
      const myGroups = new Set(await store.groupIdsOf(person.id, session.id));
      const table = session.mode === 'groups' ? boards.find((b) => b.groupId && myGroups.has(b.groupId)) : undefined;
      landingBoardId = (table ?? boards.find((b) => b.kind === 'plenum'))?.id ?? null;
    }
    return {
      token,
      expiresAt: new Date(expiresAt).toISOString(),
      person: toPerson(person),
      workshopId: person.workshopId,
      sessionId: session?.id ?? null,
      landingBoardId,
    };
  }

  app.get(
    '/api/join/:code',
    {
      config: joinLimit,
      schema: {
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 16 }) }),
        response: { 200: Type.Object({ workshopTitle: Type.String(), sessionTitle: Type.String() }) },
      },
    },
    async (request) => {
      const session = await openSession((request.params as { code: string }).code);
      const graph = await store.getWorkshopGraph(session.workshopId);
      return { workshopTitle: graph?.workshop.title ?? '', sessionTitle: session.title };
    },
  );

  app.post(
    '/api/join',
    { config: joinLimit, schema: { body: JoinBody, response: { 201: Grant } } },
    async (request, reply) => {
      const body = request.body as Join;
      assertCleanName('The name', body.name);
      assertCleanName('The department', body.department, true);
      const session = await openSession(body.code);
      const person: PersonRecord = {
        id: newId(),
        workshopId: session.workshopId,
        name: body.name.trim(),
        department: body.department?.trim() || null,
        role: 'participant',
        joinedAt: Date.now(),
        revokedAt: null,
      };
      // Someone joining during group work sits down at the table with the fewest people.
      let seat: { groupId: string } | undefined;
      if (session.mode === 'groups') {
        const graph = await store.getWorkshopGraph(session.workshopId);
        const tables = graph?.groups.filter((g) => g.sessionId === session.id) ?? [];
        const smallest = tables.reduce<(typeof tables)[number] | undefined>(
          (best, table) => (!best || table.memberIds.length < best.memberIds.length ? table : best),
          undefined,
        );
        if (smallest) seat = { groupId: smallest.id };
      }
      await store.createPerson(person, seat);
      request.log.info({ personId: person.id, sessionId: session.id }, 'participant joined');
      return reply.code(201).send(await grantFor(person, session));
    },
  );

  app.post(
    '/api/invites/accept',
    { config: joinLimit, schema: { body: AcceptInviteBody, response: { 201: Grant } } },
    async (request, reply) => {
      const body = request.body as AcceptInvite;
      assertCleanName('The name', body.name);
      let claims: Awaited<ReturnType<TokenService['verify']>>;
      try {
        claims = await tokens.verify(body.invite);
      } catch (error) {
        if (error instanceof TokenError)
          throw new ApiFailure(400, 'INVITE_INVALID', 'This invite link is not valid or has expired.');
        throw error;
      }
      if (claims.kind !== 'invite')
        throw new ApiFailure(400, 'INVITE_INVALID', 'This invite link is not valid or has expired.');
      const graph = await store.getWorkshopGraph(claims.workshopId);
      if (!graph) throw new ApiFailure(400, 'INVITE_INVALID', 'This invite link is not valid or has expired.');
      const person: PersonRecord = {
        id: newId(),
        workshopId: claims.workshopId,
        name: body.name.trim(),
        department: null,
        role: claims.role,
        joinedAt: Date.now(),
        revokedAt: null,
      };
      await store.createPerson(person);
      request.log.info({ personId: person.id, role: person.role }, 'invite accepted');
      return reply.code(201).send(await grantFor(person, null));
    },
  );
}
