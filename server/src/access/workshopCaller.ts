import type { Role } from '@samle/shared';
import type { FastifyRequest } from 'fastify';
import { ApiFailure } from '../errors.js';
import type { WorkshopStore } from '../storage/contracts/workshopTypes.js';
import type { AccessService, Principal } from './AccessService.js';
import { principalOf } from './requestAccess.js';

export interface WorkshopCaller {
  role: Role;
  /** Set for participants, leaders and viewers; null for facilitators (accounts, not people). */
  personId: string | null;
  principal: Principal;
}

/** The caller's standing in a workshop; 404 when they have none, so a workshop's existence does not leak. */
export async function workshopCaller(
  request: FastifyRequest,
  access: AccessService,
  workshopId: string,
): Promise<WorkshopCaller> {
  const principal = await principalOf(request, access);
  const standing = await access.workshopRole(principal, workshopId);
  if (!standing) throw new ApiFailure(404, 'WORKSHOP_NOT_FOUND', 'There is no such workshop.');
  return { ...standing, principal };
}

/** The caller's name as the workshop knows it: the person's, or the facilitator's account name. */
export async function callerName(caller: WorkshopCaller, store: WorkshopStore): Promise<string> {
  if (caller.personId) return (await store.getPerson(caller.personId))?.name ?? '';
  if (caller.principal.kind === 'facilitator')
    return (await store.getFacilitator(caller.principal.facilitatorId))?.name ?? '';
  return '';
}
