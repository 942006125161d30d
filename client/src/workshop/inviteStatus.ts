import type { Invite } from '@samle/shared';

export type InviteStatus = 'active' | 'used' | 'revoked' | 'expired';

/** What the facilitator reads about a link: withdrawn first, then used up, then expired. */
export function inviteStatus(invite: Invite, now: number): InviteStatus {
  if (invite.revokedAt !== null) return 'revoked';
  if (invite.singleUse && invite.usedAt !== null) return 'used';
  if (Date.parse(invite.expiresAt) <= now) return 'expired';
  return 'active';
}

/** The list with a changed or new link put in place (newest first, as the server lists them). */
export function withInvite(invites: readonly Invite[], changed: Invite): Invite[] {
  const rest = invites.filter((invite) => invite.id !== changed.id);
  return [changed, ...rest].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
