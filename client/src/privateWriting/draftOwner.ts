import type { Grant, Me } from '@samle/shared';
import type { Credential } from '../api/http';

/**
 * Whose drafts doc this person writes into during private writing: a
 * participant's or leader's person id (from the grant the board was opened
 * with), or a facilitator's account id. Undefined while that is not known yet.
 */
export function draftOwnerId(credential: Credential, grant: Grant | undefined, me: Me | undefined): string | undefined {
  if (credential.kind === 'grant') return grant?.workshopId === credential.workshopId ? grant.person.id : undefined;
  return me?.facilitator?.id;
}
