import { randomBytes } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AcceptCofacilitatorBody,
  AdminLink,
  AdminWorkshopList,
  ArchiveBody,
  ChangePasswordBody,
  COFACILITATOR_LINK_DAYS,
  PURGE_WARNING_DAYS,
  RESET_LINK_HOURS,
  ResetLinkBody,
  ResetPasswordBody,
  retentionDay,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { hashPassword, verifyPassword } from '../access/passwords.js';
import { requireFacilitator } from '../access/requestAccess.js';
import { ApiFailure } from '../errors.js';
import type { SqlSession } from '../privacy/sqlSession.js';
import type { WorkshopStore } from '../storage/contracts/workshopTypes.js';
import { facilitatedWorkshop } from './guards.js';

export interface AdminRouteOptions {
  store: WorkshopStore;
  access: AccessService;
  session: () => SqlSession | null;
  /** Hash of a link's secret (keyed with the server's secret): the database never holds a working link. */
  linkHash: (token: string) => string;
}

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Facilitator administration (docs/api.md): the list of one's workshops with their state,
 * archiving, co-facilitator invite links, changing one's password, and reset links a
 * facilitator issues for a colleague who forgot theirs.
 */
export async function adminRoutes(server: FastifyInstance, options: AdminRouteOptions): Promise<void> {
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { store, access } = options;
  const attemptLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

  function session(): SqlSession {
    const found = options.session();
    if (!found) throw new ApiFailure(503, 'ADMIN_UNAVAILABLE', 'This server cannot do that with its storage.');
    return found;
  }

  async function issueLink(
    kind: 'cofacilitator' | 'reset',
    createdBy: string,
    target: { workshopId?: string; facilitatorId?: string },
    ttlMs: number,
  ) {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    await session().run(
      `INSERT INTO facilitator_links (token_hash, kind, workshop_id, facilitator_id, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        options.linkHash(token),
        kind,
        target.workshopId ?? null,
        target.facilitatorId ?? null,
        createdBy,
        now,
        now + ttlMs,
      ],
    );
    return { token, expiresAt: iso(now + ttlMs) };
  }

  /** Takes a link once: marks it used and returns it, or null when unknown, used or expired. */
  async function takeLink(kind: 'cofacilitator' | 'reset', token: string) {
    const now = Date.now();
    return session().transaction(async (sql) => {
      const hash = options.linkHash(token);
      const rows = await sql.all(
        'SELECT workshop_id, facilitator_id FROM facilitator_links WHERE token_hash = ? AND kind = ? AND used_at IS NULL AND expires_at > ?',
        [hash, kind, now],
      );
      const row = rows[0];
      if (!row) return null;
      await sql.run('UPDATE facilitator_links SET used_at = ? WHERE token_hash = ?', [now, hash]);
      return { workshopId: row.workshop_id as string | null, facilitatorId: row.facilitator_id as string | null };
    });
  }

  app.get('/api/admin/workshops', { schema: { response: { 200: AdminWorkshopList } } }, async (request) => {
    const facilitatorId = await requireFacilitator(request, access);
    const rows = await session().all(
      `SELECT w.id, w.title, w.organisation, w.created_at, w.archived_at, w.retain_until,
         (SELECT count(*) FROM sessions s WHERE s.workshop_id = w.id AND s.status = 'planned') AS planned,
         (SELECT count(*) FROM sessions s WHERE s.workshop_id = w.id AND s.status = 'open') AS open,
         (SELECT count(*) FROM sessions s WHERE s.workshop_id = w.id AND s.status = 'ended') AS ended
       FROM workshops w JOIN workshop_facilitators mine ON mine.workshop_id = w.id AND mine.facilitator_id = ?
       ORDER BY w.created_at DESC`,
      [facilitatorId],
    );
    const names = await session().all(
      `SELECT wf.workshop_id, f.name FROM workshop_facilitators wf JOIN facilitators f ON f.id = wf.facilitator_id
       WHERE wf.workshop_id IN (SELECT workshop_id FROM workshop_facilitators WHERE facilitator_id = ?) ORDER BY f.name`,
      [facilitatorId],
    );
    const now = Date.now();
    return {
      workshops: rows.map((row) => {
        const retain = row.retain_until === null ? null : Number(row.retain_until);
        return {
          id: String(row.id),
          title: String(row.title),
          organisation: String(row.organisation),
          createdAt: iso(Number(row.created_at)),
          archivedAt: row.archived_at === null ? null : iso(Number(row.archived_at)),
          retainUntil: retain === null ? null : retentionDay(retain),
          purgeSoon: retain !== null && retain - now <= PURGE_WARNING_DAYS * DAY_MS,
          sessions: { planned: Number(row.planned), open: Number(row.open), ended: Number(row.ended) },
          facilitators: names.filter((n) => n.workshop_id === row.id).map((n) => String(n.name)),
        };
      }),
    };
  });

  app.post(
    '/api/workshops/:id/archive',
    { schema: { params: IdParams, body: ArchiveBody, response: { 200: ArchiveBody } } },
    async (request) => {
      const { id } = request.params;
      const { archived } = request.body;
      await facilitatedWorkshop(request, access, store, id);
      await session().run('UPDATE workshops SET archived_at = ? WHERE id = ?', [archived ? Date.now() : null, id]);
      request.log.info({ workshopId: id, archived }, archived ? 'workshop archived' : 'workshop brought back');
      return { archived };
    },
  );

  app.post(
    '/api/workshops/:id/cofacilitator-links',
    { schema: { params: IdParams, response: { 201: AdminLink } } },
    async (request, reply) => {
      const { id } = request.params;
      const facilitatorId = await facilitatedWorkshop(request, access, store, id);
      const link = await issueLink(
        'cofacilitator',
        facilitatorId,
        { workshopId: id },
        COFACILITATOR_LINK_DAYS * DAY_MS,
      );
      request.log.info({ workshopId: id }, 'co-facilitator link issued');
      return reply.code(201).send({ path: `/admin/join/${link.token}`, expiresAt: link.expiresAt });
    },
  );

  app.post(
    '/api/cofacilitators/accept',
    {
      config: attemptLimit,
      schema: { body: AcceptCofacilitatorBody, response: { 200: Type.Object({ workshopId: Type.String() }) } },
    },
    async (request) => {
      const facilitatorId = await requireFacilitator(request, access);
      const { token } = request.body;
      const link = await takeLink('cofacilitator', token);
      if (!link?.workshopId)
        throw new ApiFailure(400, 'LINK_INVALID', 'This link does not work (used, expired or mistyped).');
      if (!(await store.isFacilitatorOf(link.workshopId, facilitatorId))) {
        await session().run('INSERT INTO workshop_facilitators (workshop_id, facilitator_id) VALUES (?, ?)', [
          link.workshopId,
          facilitatorId,
        ]);
      }
      request.log.info({ workshopId: link.workshopId }, 'co-facilitator joined');
      return { workshopId: link.workshopId };
    },
  );

  app.post(
    '/api/auth/password',
    { config: attemptLimit, schema: { body: ChangePasswordBody, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const facilitatorId = await requireFacilitator(request, access);
      const { currentPassword, newPassword } = request.body;
      const me = await store.getFacilitator(facilitatorId);
      if (!me || !(await verifyPassword(currentPassword, me.passwordHash))) {
        throw new ApiFailure(403, 'WRONG_PASSWORD', 'The current password is not right.');
      }
      // Ends every session of the account, this one too: sign in again with the new password.
      await store.setFacilitatorPassword(facilitatorId, await hashPassword(newPassword));
      request.log.info('password changed');
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/facilitators/reset-links',
    { config: attemptLimit, schema: { body: ResetLinkBody, response: { 201: AdminLink } } },
    async (request, reply) => {
      const facilitatorId = await requireFacilitator(request, access);
      const { email } = request.body;
      const target = await store.findFacilitatorByEmail(email.trim().toLowerCase());
      // Only for a colleague one facilitates a workshop with; anyone else is the operator's (samle reset-password).
      const shared = target
        ? await session().all(
            `SELECT 1 AS one FROM workshop_facilitators a JOIN workshop_facilitators b ON a.workshop_id = b.workshop_id
             WHERE a.facilitator_id = ? AND b.facilitator_id = ?`,
            [facilitatorId, target.id],
          )
        : [];
      if (!target || target.id === facilitatorId || shared.length === 0) {
        throw new ApiFailure(
          404,
          'COLLEAGUE_NOT_FOUND',
          'There is no co-facilitator of yours with this e-mail. The operator can reset any account.',
        );
      }
      const link = await issueLink('reset', facilitatorId, { facilitatorId: target.id }, RESET_LINK_HOURS * HOUR_MS);
      request.log.info({ facilitatorId: target.id }, 'password reset link issued');
      return reply.code(201).send({ path: `/reset/${link.token}`, expiresAt: link.expiresAt });
    },
  );

  app.post(
    '/api/auth/reset',
    { config: attemptLimit, schema: { body: ResetPasswordBody, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const { token, password } = request.body;
      const link = await takeLink('reset', token);
      if (!link?.facilitatorId)
        throw new ApiFailure(400, 'LINK_INVALID', 'This link does not work (used, expired or mistyped).');
      await store.setFacilitatorPassword(link.facilitatorId, await hashPassword(password));
      request.log.info({ facilitatorId: link.facilitatorId }, 'password reset by link');
      return reply.code(204).send(null);
    },
  );
}
