import { createHmac } from 'node:crypto';
import type { Role } from '@samle/shared';
import { errors, jwtVerify, SignJWT } from 'jose';

/**
 * Access tokens are JWTs signed with HS256 (docs/access.md). Three kinds:
 * - `person`: a participant, leader or viewer of one workshop (what joining returns);
 * - `doc`: direct access to named documents, minted by operators with the CLI;
 * - `invite`: a link that lets someone join a workshop as leader or viewer; its id (`jti`) names the
 *   invite's record, which says whether it was revoked or used (a link without one is refused).
 * The server re-checks the person in the database on every use, so revoking works
 * before a token expires.
 */
export type TokenClaims =
  | { kind: 'person'; personId: string; workshopId: string; role: Role }
  | { kind: 'doc'; docs: string[]; access: 'read' | 'write' }
  | { kind: 'invite'; inviteId: string; workshopId: string; role: 'leader' | 'viewer' };

const ISSUER = 'samle';

export class TokenError extends Error {
  constructor(
    readonly code: 'TOKEN_EXPIRED' | 'TOKEN_INVALID',
    message: string,
  ) {
    super(message);
  }
}

export class TokenService {
  constructor(private readonly secret: Uint8Array) {}

  /** A keyed hash (HMAC-SHA256 with the signing key): stable for one server, meaningless without its key. */
  keyedHash(value: string): string {
    return createHmac('sha256', this.secret).update(value).digest('base64url');
  }

  async mint(
    claims: TokenClaims,
    ttlSeconds: number,
    nowMs = Date.now(),
  ): Promise<{ token: string; expiresAt: number }> {
    const iat = Math.floor(nowMs / 1000);
    const exp = iat + ttlSeconds;
    const payload: Record<string, unknown> =
      claims.kind === 'person'
        ? { typ: 'person', wid: claims.workshopId, role: claims.role }
        : claims.kind === 'doc'
          ? { typ: 'doc', docs: claims.docs, acc: claims.access }
          : { typ: 'invite', wid: claims.workshopId, role: claims.role };
    const jwt = new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(exp);
    if (claims.kind === 'person') jwt.setSubject(claims.personId);
    if (claims.kind === 'invite') jwt.setJti(claims.inviteId);
    return { token: await jwt.sign(this.secret), expiresAt: exp * 1000 };
  }

  async verify(token: string): Promise<TokenClaims> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.secret, { issuer: ISSUER, algorithms: ['HS256'] }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new TokenError('TOKEN_EXPIRED', 'This link or access has expired.');
      throw new TokenError('TOKEN_INVALID', 'This link or access token is not valid.');
    }
    const str = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null);
    switch (payload.typ) {
      case 'person': {
        const personId = str(payload.sub);
        const workshopId = str(payload.wid);
        const role = payload.role;
        if (personId && workshopId && (role === 'leader' || role === 'participant' || role === 'viewer')) {
          return { kind: 'person', personId, workshopId, role };
        }
        break;
      }
      case 'doc': {
        const docs = payload.docs;
        const access = payload.acc;
        if (
          Array.isArray(docs) &&
          docs.every((d) => typeof d === 'string') &&
          (access === 'read' || access === 'write')
        ) {
          return { kind: 'doc', docs: docs as string[], access };
        }
        break;
      }
      case 'invite': {
        const workshopId = str(payload.wid);
        const inviteId = str(payload.jti);
        const role = payload.role;
        if (workshopId && inviteId && (role === 'leader' || role === 'viewer')) {
          return { kind: 'invite', inviteId, workshopId, role };
        }
        break;
      }
    }
    throw new TokenError('TOKEN_INVALID', 'This link or access token is not valid.');
  }
}
