import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CreateInviteBody, Invite, InviteList, InvitePreview, InvitePreviewBody } from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { TokenError, type TokenService } from '../access/tokens.js';
import { ApiFailure } from '../errors.js';
import type { AccessStore, InviteRecord } from '../storage/contracts/accessTypes.js';
import type { WorkshopStore } from '../storage/contracts/workshopTypes.js';
import { newId } from '../workshops/plan.js';
import { facilitatedWorkshop } from './guards.js';

export interface InviteRouteOptions {
  store: WorkshopStore;
  credentials: AccessStore;
  access: AccessService;
  tokens: TokenService;
}

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const DAY_MS = 86_400_000;
const invalid = () => new ApiFailure(400, 'INVITE_INVALID', 'This invite link is not valid or has expired.');

/** Whether the link still lets someone in. */
function usable(invite: InviteRecord, now: number): boolean {
  return invite.revokedAt === null && invite.expiresAt > now && !(invite.singleUse && invite.usedAt !== null);
}

/**
 * The invite a link names, if it still lets someone in; otherwise a refusal that
 * says why (revoked, used, expired). Used by the preview and by accepting.
 */
export async function openInvite(
  tokens: TokenService,
  credentials: AccessStore,
  link: string,
  now = Date.now(),
): Promise<InviteRecord> {
  let claims: Awaited<ReturnType<TokenService['verify']>>;
  try {
    claims = await tokens.verify(link);
  } catch (error) {
    if (error instanceof TokenError) throw invalid();
    throw error;
  }
  if (claims.kind !== 'invite') throw invalid();
  const invite = await credentials.getInvite(claims.inviteId);
  if (!invite || invite.workshopId !== claims.workshopId || invite.role !== claims.role) throw invalid();
  if (invite.revokedAt !== null) {
    throw new ApiFailure(
      410,
      'INVITE_REVOKED',
      'This invite link has been withdrawn. Ask the facilitator for a new one.',
    );
  }
  if (invite.singleUse && invite.usedAt !== null) {
    throw new ApiFailure(
      410,
      'INVITE_USED',
      'This invite link has been used already. Ask the facilitator for a new one.',
    );
  }
  if (invite.expiresAt <= now) throw invalid();
  return invite;
}

/** Invite links for leaders and viewers: made, listed, withdrawn and replaced by the facilitator. */
export async function inviteRoutes(server: FastifyInstance, options: InviteRouteOptions): Promise<void> {
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { store, credentials, access, tokens } = options;

  /** The API's view of an invite; the link is minted afresh (same id and expiry) while it is usable. */
  async function view(invite: InviteRecord, joined: number, now = Date.now()): Promise<Invite> {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    let path: string | null = null;
    if (usable(invite, now)) {
      const ttlSeconds = Math.max(1, Math.floor((invite.expiresAt - now) / 1000));
      const { token } = await tokens.mint(
        { kind: 'invite', inviteId: invite.id, workshopId: invite.workshopId, role: invite.role },
        ttlSeconds,
        now,
      );
      path = `/invite/${token}`;
    }
    return {
      id: invite.id,
      path,
      role: invite.role,
      singleUse: invite.singleUse,
      createdAt: new Date(invite.createdAt).toISOString(),
      expiresAt: new Date(invite.expiresAt).toISOString(),
      usedAt: iso(invite.usedAt),
      revokedAt: iso(invite.revokedAt),
      joined,
    };
  }

  async function create(workshopId: string, spec: Pick<InviteRecord, 'role' | 'singleUse'>, ttlMs: number) {
    const now = Date.now();
    const invite: InviteRecord = {
      id: newId(),
      workshopId,
      role: spec.role,
      singleUse: spec.singleUse,
      createdAt: now,
      expiresAt: now + ttlMs,
      usedAt: null,
      revokedAt: null,
    };
    await credentials.createInvite(invite);
    return view(invite, 0, now);
  }

  /** The invite, if the caller facilitates its workshop; 404 otherwise, so its existence does not leak. */
  async function facilitatedInvite(request: Parameters<typeof facilitatedWorkshop>[0], id: string) {
    const invite = await credentials.getInvite(id);
    if (!invite) throw new ApiFailure(404, 'INVITE_NOT_FOUND', 'There is no such invite link.');
    try {
      await facilitatedWorkshop(request, access, store, invite.workshopId);
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'WORKSHOP_NOT_FOUND') {
        throw new ApiFailure(404, 'INVITE_NOT_FOUND', 'There is no such invite link.');
      }
      throw error;
    }
    return invite;
  }

  async function joinedBy(invite: InviteRecord): Promise<number> {
    return (await credentials.listInvites(invite.workshopId)).find((i) => i.id === invite.id)?.joined ?? 0;
  }

  app.post(
    '/api/workshops/:id/invites',
    { schema: { params: IdParams, body: CreateInviteBody, response: { 201: Invite } } },
    async (request, reply) => {
      const { id } = request.params;
      await facilitatedWorkshop(request, access, store, id);
      const body = request.body;
      const ttlDays = body.ttlDays ?? (body.role === 'leader' ? 14 : 90);
      const created = await create(id, { role: body.role, singleUse: body.singleUse ?? false }, ttlDays * DAY_MS);
      request.log.info({ workshopId: id, inviteId: created.id, role: body.role }, 'invite link made');
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/workshops/:id/invites',
    { schema: { params: IdParams, response: { 200: InviteList } } },
    async (request) => {
      const { id } = request.params;
      await facilitatedWorkshop(request, access, store, id);
      const now = Date.now();
      const invites = await credentials.listInvites(id);
      return { invites: await Promise.all(invites.map((invite) => view(invite, invite.joined, now))) };
    },
  );

  app.post('/api/invites/:id/revoke', { schema: { params: IdParams, response: { 200: Invite } } }, async (request) => {
    const invite = await facilitatedInvite(request, request.params.id);
    const now = Date.now();
    await credentials.revokeInvite(invite.id, now);
    request.log.info({ inviteId: invite.id }, 'invite link withdrawn');
    return view({ ...invite, revokedAt: invite.revokedAt ?? now }, await joinedBy(invite), now);
  });

  app.post(
    '/api/invites/:id/regenerate',
    { schema: { params: IdParams, response: { 201: Invite } } },
    async (request, reply) => {
      const invite = await facilitatedInvite(request, request.params.id);
      await credentials.revokeInvite(invite.id, Date.now());
      const created = await create(invite.workshopId, invite, invite.expiresAt - invite.createdAt);
      request.log.info({ inviteId: invite.id, replacedBy: created.id }, 'invite link replaced');
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/invites/preview',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { body: InvitePreviewBody, response: { 200: InvitePreview } },
    },
    async (request) => {
      const invite = await openInvite(tokens, credentials, request.body.invite);
      const graph = await store.getWorkshopGraph(invite.workshopId);
      if (!graph) throw invalid();
      return {
        workshopTitle: graph.workshop.title,
        role: invite.role,
        expiresAt: new Date(invite.expiresAt).toISOString(),
      };
    },
  );
}
