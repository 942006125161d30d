import { createHash, randomBytes } from 'node:crypto';
import { type Access, boardAccess, type Role } from '@samle/shared';
import { ApiFailure } from '../errors.js';
import type { BoardPlacement, WorkshopStore } from '../storage/contracts/workshopTypes.js';
import { TokenError, type TokenService } from './tokens.js';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'facilitator'; facilitatorId: string }
  | { kind: 'person'; personId: string; workshopId: string; role: Role }
  | { kind: 'doc'; docs: string[]; access: 'read' | 'write' };

export interface Credentials {
  /** Value of the facilitator's session cookie. */
  sessionCookie?: string | undefined;
  /** A grant or operator token (Authorization: Bearer, or ?token= on the WebSocket). */
  token?: string | undefined;
}

export const SESSION_COOKIE = 'samle_session';

/** Whose private drafts a caller owns: a person's id, or a facilitator's account id. */
export function ownerKeyOf(principal: Principal): string | null {
  if (principal.kind === 'person') return principal.personId;
  if (principal.kind === 'facilitator') return principal.facilitatorId;
  return null;
}
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Decides who a caller is and what they may do, from the database, on every request and socket. */
export class AccessService {
  constructor(
    private readonly store: WorkshopStore,
    private readonly tokens: TokenService,
  ) {}

  async principalFrom(credentials: Credentials, now = Date.now()): Promise<Principal> {
    if (credentials.token) {
      let claims: Awaited<ReturnType<TokenService['verify']>>;
      try {
        claims = await this.tokens.verify(credentials.token);
      } catch (error) {
        if (error instanceof TokenError) throw new ApiFailure(401, error.code, error.message);
        throw error;
      }
      if (claims.kind === 'invite')
        throw new ApiFailure(401, 'TOKEN_INVALID', 'An invite link is not an access token.');
      if (claims.kind === 'doc') return claims;
      const person = await this.store.getPerson(claims.personId);
      if (!person || person.revokedAt !== null || person.workshopId !== claims.workshopId) {
        throw new ApiFailure(401, 'ACCESS_REVOKED', 'Your access to this workshop has been withdrawn.');
      }
      return { kind: 'person', personId: person.id, workshopId: person.workshopId, role: person.role };
    }
    if (credentials.sessionCookie) {
      const facilitatorId = await this.store.findAuthSession(hashSessionToken(credentials.sessionCookie), now);
      if (facilitatorId) return { kind: 'facilitator', facilitatorId };
    }
    return { kind: 'anonymous' };
  }

  /** The caller's role in a workshop, or null when they have none (treat as "does not exist"). */
  async workshopRole(
    principal: Principal,
    workshopId: string,
  ): Promise<{ role: Role; personId: string | null } | null> {
    switch (principal.kind) {
      case 'facilitator':
        return (await this.store.isFacilitatorOf(workshopId, principal.facilitatorId))
          ? { role: 'facilitator', personId: null }
          : null;
      case 'person':
        return principal.workshopId === workshopId ? { role: principal.role, personId: principal.personId } : null;
      default:
        return null;
    }
  }

  /** What the caller may do with a board. `none` means: answer as if it did not exist. */
  async boardAccess(
    principal: Principal,
    boardId: string,
  ): Promise<{ access: Access; placement: BoardPlacement | null }> {
    const placement = await this.store.getBoardPlacement(boardId);
    if (!placement) return { access: 'none', placement };
    const { board, sessionStatus } = placement;
    const archived = sessionStatus === 'ended';
    if (principal.kind === 'doc') {
      // An operator token names boards, but an archived board is read-only for everyone: tokens too.
      if (!principal.docs.includes(boardId)) return { access: 'none', placement };
      return { access: archived ? 'read' : principal.access, placement };
    }
    if (!board.workshopId) {
      // A standalone board (not part of a workshop): its facilitators' space.
      return { access: principal.kind === 'facilitator' ? 'write' : 'none', placement };
    }
    const standing = await this.workshopRole(principal, board.workshopId);
    if (!standing) return { access: 'none', placement };
    const groupIds =
      standing.personId && board.sessionId ? await this.store.groupIdsOf(standing.personId, board.sessionId) : [];
    const scope = { kind: board.kind, groupId: board.groupId ?? null, archived, tableClosed: placement.tableClosed };
    return { access: boardAccess({ role: standing.role, groupIds, revoked: false }, scope), placement };
  }

  /**
   * The name and role presence shows for a caller: from the records, never from what their browser
   * says. Null for operator tokens (samle-cli): tools the operator runs, whose presence is their own.
   */
  async presenceOf(principal: Principal): Promise<{ name: string; role: string } | null> {
    switch (principal.kind) {
      case 'person':
        return { name: (await this.store.getPerson(principal.personId))?.name ?? '', role: principal.role };
      case 'facilitator':
        return { name: (await this.store.getFacilitator(principal.facilitatorId))?.name ?? '', role: 'facilitator' };
      default:
        return null;
    }
  }
}
