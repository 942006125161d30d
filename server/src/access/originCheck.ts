import type { FastifyRequest } from 'fastify';

/**
 * Whether a cookie-authenticated WebSocket upgrade comes from Samle's own pages.
 * Browsers send the session cookie with a WebSocket from any site (SameSite=Lax
 * does not stop it), and the upgrade has no CORS, so without this check any page
 * a facilitator visits could open their boards. The allowed origin is
 * SAMLE_PUBLIC_URL's, or when unset the origin the request was addressed to
 * (its Host, and the scheme the trusted proxy reports). Clients that send no
 * Origin are not browsers and carry no ambient cookie.
 */
export function originAllowed(request: FastifyRequest, publicOrigin: string | null): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const expected = publicOrigin ?? `${request.protocol}://${request.host}`;
  return origin.toLowerCase() === expected.toLowerCase();
}
