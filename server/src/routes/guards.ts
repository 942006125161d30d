import type { FastifyRequest } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { requireFacilitator } from '../access/requestAccess.js';
import { ApiFailure } from '../errors.js';
import type { SessionRecord, WorkshopStore } from '../storage/contracts/workshopTypes.js';

/** The session, if the caller facilitates its workshop; otherwise 404, so existence does not leak. */
export async function facilitatedSession(
  request: FastifyRequest,
  access: AccessService,
  store: WorkshopStore,
  sessionId: string,
): Promise<SessionRecord> {
  const facilitatorId = await requireFacilitator(request, access);
  const session = await store.getSession(sessionId);
  if (!session || !(await store.isFacilitatorOf(session.workshopId, facilitatorId))) {
    throw new ApiFailure(404, 'SESSION_NOT_FOUND', 'There is no such session.');
  }
  return session;
}

export async function facilitatedWorkshop(
  request: FastifyRequest,
  access: AccessService,
  store: WorkshopStore,
  workshopId: string,
): Promise<string> {
  const facilitatorId = await requireFacilitator(request, access);
  if (!(await store.isFacilitatorOf(workshopId, facilitatorId))) {
    throw new ApiFailure(404, 'WORKSHOP_NOT_FOUND', 'There is no such workshop.');
  }
  return facilitatorId;
}

// Who is calling in a workshop lives in access/ (the catalog feature uses it too); the routes import it from here.
export { callerName, type WorkshopCaller, workshopCaller } from '../access/workshopCaller.js';
