import type {} from '@fastify/cookie';
import { CSRF_HEADER, TOKEN_PARAM } from '@samle/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiFailure } from '../errors.js';
import { type AccessService, type Principal, SESSION_COOKIE } from './AccessService.js';

declare module 'fastify' {
  interface FastifyRequest {
    principalPromise: Promise<Principal> | null;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || undefined;
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query?.[TOKEN_PARAM];
  return typeof fromQuery === 'string' && fromQuery.length > 0 ? fromQuery : undefined;
}

/** Who is calling: resolved once per request, from the session cookie or a bearer/query token. */
export function principalOf(request: FastifyRequest, access: AccessService): Promise<Principal> {
  request.principalPromise ??= access.principalFrom({
    sessionCookie: request.cookies[SESSION_COOKIE],
    token: bearerToken(request),
  });
  return request.principalPromise;
}

export async function requireFacilitator(request: FastifyRequest, access: AccessService): Promise<string> {
  const principal = await principalOf(request, access);
  if (principal.kind !== 'facilitator') {
    throw new ApiFailure(401, 'NOT_SIGNED_IN', 'Sign in as a facilitator to do this.');
  }
  return principal.facilitatorId;
}

/**
 * Cookie-authenticated mutations must carry the CSRF header: a cross-site form or
 * image cannot set it, and a cross-site fetch that sets it needs a CORS preflight
 * we never grant. Token-authenticated calls carry no ambient credentials.
 */
export const requestAccessPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('principalPromise', null);
  app.addHook('onRequest', async (request) => {
    if (!MUTATING.has(request.method) || !request.url.startsWith('/api/')) return;
    if (request.cookies[SESSION_COOKIE] === undefined) return;
    if (request.headers[CSRF_HEADER] !== '1') {
      throw new ApiFailure(
        403,
        'CSRF_HEADER_MISSING',
        `Requests made with a session cookie must send "${CSRF_HEADER}: 1".`,
      );
    }
  });
});
