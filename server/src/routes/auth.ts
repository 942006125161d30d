import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Facilitator, Me, SignInBody as SignInSchema, SignUpBody } from '@samle/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  type AccessService,
  hashSessionToken,
  newSessionToken,
  SESSION_COOKIE,
  SESSION_TTL_MS,
} from '../access/AccessService.js';
import { assertCleanName } from '../access/names.js';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '../access/passwords.js';
import { principalOf, requireFacilitator } from '../access/requestAccess.js';
import { ApiFailure } from '../errors.js';
import type { WorkshopStore } from '../storage/contracts/workshopTypes.js';
import { newId } from '../workshops/plan.js';

export interface AuthRouteOptions {
  store: WorkshopStore;
  access: AccessService;
  /** Send the cookie only over HTTPS (set when served behind TLS). */
  secureCookies: boolean;
  /** Sign-in attempts per account per ACCOUNT_WINDOW_MS (SAMLE_SIGNIN_ATTEMPTS_PER_ACCOUNT). */
  signInAttemptsPerAccount: number;
}

const ACCOUNT_WINDOW_MS = 15 * 60 * 1000;

function accountKey(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

/** Facilitator accounts: sign up (first account, or by a signed-in facilitator), sign in, sign out. */
export async function authRoutes(server: FastifyInstance, options: AuthRouteOptions): Promise<void> {
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { store, access } = options;
  // Per address (the client's, behind a trusted proxy: SAMLE_TRUST_PROXY)…
  const attemptLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };
  // …and per account, so guessing one facilitator's password from many addresses is bounded too.
  const accountLimit = app.createRateLimit({
    max: options.signInAttemptsPerAccount,
    timeWindow: ACCOUNT_WINDOW_MS,
    keyGenerator: (request) => `signin:${accountKey(request.body)}`,
  });

  async function startSession(reply: FastifyReply, facilitatorId: string): Promise<void> {
    const token = newSessionToken();
    const now = Date.now();
    await store.createAuthSession(hashSessionToken(token), facilitatorId, now, now + SESSION_TTL_MS);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookies,
      maxAge: SESSION_TTL_MS / 1000,
    });
  }

  app.get('/api/auth/me', { schema: { response: { 200: Me } } }, async (request) => {
    const principal = await principalOf(request, access).catch(() => ({ kind: 'anonymous' as const }));
    const facilitator = principal.kind === 'facilitator' ? await store.getFacilitator(principal.facilitatorId) : null;
    return {
      facilitator: facilitator ? { id: facilitator.id, name: facilitator.name, email: facilitator.email } : null,
      needsFirstAccount: (await store.countFacilitators()) === 0,
    };
  });

  app.post(
    '/api/auth/signup',
    { config: attemptLimit, schema: { body: SignUpBody, response: { 201: Facilitator } } },
    async (request, reply) => {
      const body = request.body;
      assertCleanName('The name', body.name);
      const isFirst = (await store.countFacilitators()) === 0;
      if (!isFirst) await requireFacilitator(request, access);
      const email = body.email.trim().toLowerCase();
      if (await store.findFacilitatorByEmail(email)) {
        throw new ApiFailure(409, 'EMAIL_TAKEN', 'There is already an account with this email.');
      }
      const facilitator = {
        id: newId(),
        email,
        name: body.name.trim(),
        passwordHash: await hashPassword(body.password),
        createdAt: Date.now(),
      };
      await store.createFacilitator(facilitator);
      // The first account signs in at once; a colleague's account is made for them, not for the one making it.
      if (isFirst) await startSession(reply, facilitator.id);
      request.log.info({ facilitatorId: facilitator.id, first: isFirst }, 'facilitator account created');
      return reply.code(201).send({ id: facilitator.id, name: facilitator.name, email: facilitator.email });
    },
  );

  app.post(
    '/api/auth/signin',
    { config: attemptLimit, schema: { body: SignInSchema, response: { 200: Facilitator } } },
    async (request, reply) => {
      const body = request.body;
      const limited = await accountLimit(request);
      if (!limited.isAllowed && limited.isExceeded) {
        throw new ApiFailure(
          429,
          'TOO_MANY_ATTEMPTS',
          `Too many sign-in attempts for this account. Try again in ${Math.ceil(limited.ttl / 60_000)} minutes.`,
        );
      }
      const facilitator = await store.findFacilitatorByEmail(body.email.trim().toLowerCase());
      const ok = facilitator
        ? await verifyPassword(body.password, facilitator.passwordHash)
        : await verifyAgainstNothing(body.password);
      if (!facilitator || !ok) {
        throw new ApiFailure(401, 'INVALID_CREDENTIALS', 'The email or password is not right.');
      }
      await startSession(reply, facilitator.id);
      return { id: facilitator.id, name: facilitator.name, email: facilitator.email };
    },
  );

  app.post('/api/auth/signout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await store.deleteAuthSession(hashSessionToken(token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
}
