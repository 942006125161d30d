import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AcceptInviteBody, Grant, JoinBody, type Role } from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { assertCleanName } from '../access/names.js';
import type { TokenService } from '../access/tokens.js';
import { ApiFailure } from '../errors.js';
import type { AccessStore } from '../storage/contracts/accessTypes.js';
import type { PersonRecord, SessionRecord, WorkshopStore } from '../storage/contracts/workshopTypes.js';
import { toPerson } from '../workshops/detail.js';
import { newId } from '../workshops/plan.js';
import { openInvite } from './invites.js';

export interface JoinRouteOptions {
  store: WorkshopStore;
  credentials: AccessStore;
  tokens: TokenService;
  /** How long a participant's, leader's or viewer's access lasts: the whole process and revisiting after. */
  grantTtlSeconds: number;
}

function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** Joining without an account: by a session's code (participants) or an invite link (leaders, viewers). */
export async function joinRoutes(server: FastifyInstance, options: JoinRouteOptions): Promise<void> {
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { store, credentials, tokens } = options;
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

  /** A browser's key as stored: keyed per workshop, so two workshops cannot link one browser. */
  const browserHash = (workshopId: string, browserKey: string | undefined) =>
    browserKey ? tokens.keyedHash(`browser:${workshopId}:${browserKey}`) : null;

  /** The person this browser already is in the workshop; refused when the facilitator removed them. */
  async function returningPerson(workshopId: string, hash: string | null): Promise<PersonRecord | null> {
    if (!hash) return null;
    const personId = await credentials.personOfBrowser(workshopId, hash);
    const person = personId ? await store.getPerson(personId) : null;
    if (person?.revokedAt != null) {
      throw new ApiFailure(
        403,
        'ACCESS_REVOKED',
        'The facilitator has removed you from this workshop, so this browser cannot join it again. Speak to the facilitator if this is a mistake.',
      );
    }
    return person;
  }

  /** The table with the fewest people, for someone who arrives during group work. */
  async function smallestTable(session: SessionRecord): Promise<{ groupId: string } | undefined> {
    if (session.mode !== 'groups') return undefined;
    const graph = await store.getWorkshopGraph(session.workshopId);
    const tables = graph?.groups.filter((g) => g.sessionId === session.id) ?? [];
    const smallest = tables.reduce<(typeof tables)[number] | undefined>(
      (best, table) => (!best || table.memberIds.length < best.memberIds.length ? table : best),
      undefined,
    );
    return smallest ? { groupId: smallest.id } : undefined;
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
      const session = await openSession(request.params.code);
      const graph = await store.getWorkshopGraph(session.workshopId);
      return { workshopTitle: graph?.workshop.title ?? '', sessionTitle: session.title };
    },
  );

  app.post(
    '/api/join',
    { config: joinLimit, schema: { body: JoinBody, response: { 201: Grant } } },
    async (request, reply) => {
      const body = request.body;
      assertCleanName('The name', body.name);
      assertCleanName('The department', body.department, true);
      const session = await openSession(body.code);
      const hash = browserHash(session.workshopId, body.browserKey);
      const returning = await returningPerson(session.workshopId, hash);
      if (returning) {
        // The same person again (a reload, a lost tab): same votes, supports and answers; seated if need be.
        if ((await store.groupIdsOf(returning.id, session.id)).length === 0) {
          const seat = await smallestTable(session);
          if (seat) await store.assignPerson(session.id, returning.id, seat.groupId);
        }
        request.log.info({ personId: returning.id, sessionId: session.id }, 'participant rejoined');
        return reply.code(201).send(await grantFor(returning, session));
      }
      const person: PersonRecord = {
        id: newId(),
        workshopId: session.workshopId,
        name: body.name.trim(),
        department: body.department?.trim() || null,
        role: 'participant',
        joinedAt: Date.now(),
        revokedAt: null,
      };
      await store.createPerson(person, await smallestTable(session));
      if (hash) await credentials.rememberBrowser(session.workshopId, hash, person.id);
      request.log.info({ personId: person.id, sessionId: session.id }, 'participant joined');
      return reply.code(201).send(await grantFor(person, session));
    },
  );

  app.post(
    '/api/invites/accept',
    { config: joinLimit, schema: { body: AcceptInviteBody, response: { 201: Grant } } },
    async (request, reply) => {
      const body = request.body;
      assertCleanName('The name', body.name);
      const invite = await openInvite(tokens, credentials, body.invite);
      const hash = browserHash(invite.workshopId, body.browserKey);
      const returning = await returningPerson(invite.workshopId, hash);
      if (returning?.role === invite.role) {
        request.log.info({ personId: returning.id, role: returning.role }, 'invite used again by its person');
        return reply.code(201).send(await grantFor(returning, null));
      }
      if (invite.singleUse && !(await credentials.claimSingleUse(invite.id, Date.now()))) {
        throw new ApiFailure(
          410,
          'INVITE_USED',
          'This invite link has been used already. Ask the facilitator for a new one.',
        );
      }
      const person: PersonRecord = {
        id: newId(),
        workshopId: invite.workshopId,
        name: body.name.trim(),
        department: null,
        role: invite.role,
        joinedAt: Date.now(),
        revokedAt: null,
      };
      await store.createPerson(person);
      await credentials.recordInvite(person.id, invite.id);
      if (hash) await credentials.rememberBrowser(invite.workshopId, hash, person.id);
      request.log.info({ personId: person.id, role: person.role, inviteId: invite.id }, 'invite accepted');
      return reply.code(201).send(await grantFor(person, null));
    },
  );
}
