import type { Grant } from '@samle/shared';
import { type Credential, isAccessRefusal, SESSION } from './http';

/**
 * Which credential to try, in order. A signed-in facilitator speaks with the
 * cookie first (so trying out the join flow in the same browser does not turn
 * the cockpit into a participant's view); everyone else with the workshop's
 * grants first (the board's own workshop's first, when known). A refusal (401/403/404) moves on to the next
 * candidate.
 */
export function grantCredential(grant: Grant): Credential {
  return { kind: 'grant', token: grant.token, workshopId: grant.workshopId };
}

export function workshopCredentials(signedIn: boolean, grant: Grant | undefined): Credential[] {
  const fromGrant = grant ? [grantCredential(grant)] : [];
  return signedIn ? [SESSION, ...fromGrant] : fromGrant.length > 0 ? fromGrant : [SESSION];
}

export function boardCredentials(options: {
  signedIn: boolean;
  /** The workshop this board is known to belong to, if any. */
  indexedWorkshopId: string | undefined;
  /** All live grants, most relevant first. */
  grants: readonly Grant[];
}): Credential[] {
  const { signedIn, indexedWorkshopId, grants } = options;
  const indexed = grants.filter((grant) => grant.workshopId === indexedWorkshopId).map(grantCredential);
  const others = grants.filter((grant) => grant.workshopId !== indexedWorkshopId).map(grantCredential);
  // Without a cookie, SESSION (no token) reaches only standalone boards that need no credential, so it comes last:
  // a participant who opens a board of their workshop that this browser has not indexed yet (a link to the plenum)
  // asks with the grant at once, instead of first drawing a 404 that the console shows as an error. The order
  // only picks what to ask with; the server decides each answer.
  return signedIn ? [SESSION, ...indexed, ...others] : [...indexed, ...others, SESSION];
}

/** Runs `attempt` with each credential until one is accepted; rethrows the last refusal, or any other error at once. */
export async function withFirstAccepted<T>(
  candidates: readonly Credential[],
  attempt: (credential: Credential) => Promise<T>,
): Promise<{ value: T; credential: Credential }> {
  let lastRefusal: unknown;
  for (const credential of candidates) {
    try {
      return { value: await attempt(credential), credential };
    } catch (error) {
      if (!isAccessRefusal(error)) throw error;
      lastRefusal = error;
    }
  }
  throw lastRefusal ?? new Error('withFirstAccepted: no credential to try');
}

/** The token for the sync WebSocket: only grants have one; the cookie goes with the upgrade by itself. */
export function syncToken(credential: Credential): string | undefined {
  return credential.kind === 'grant' ? credential.token : undefined;
}
