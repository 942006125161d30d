import { mayDo, WorkshopAction } from '@samle/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { type WorkshopCaller, workshopCaller } from '../access/workshopCaller.js';
import { ApiFailure } from '../errors.js';

/** What a catalog route asks of its caller, beyond a standing in the workshop. */
export type CatalogAction =
  | typeof WorkshopAction.EditCatalog
  | typeof WorkshopAction.AssessIdeas
  | typeof WorkshopAction.PublishCatalog;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Every route of the catalog plugin says what its caller must be allowed to do; `null`:
     * anyone with a standing in the workshop. A route that says nothing is refused (500).
     */
    catalogAction?: CatalogAction | null;
  }
}

/** Stable codes the clients translate (their i18n maps each code to a sentence). */
const REFUSALS: Record<CatalogAction, { code: string; message: string }> = {
  [WorkshopAction.EditCatalog]: {
    code: 'CATALOG_EDITORS_ONLY',
    message: 'Facilitators and leaders gather ideas into the catalog and edit it.',
  },
  [WorkshopAction.AssessIdeas]: {
    code: 'LEADERS_ONLY',
    message: 'Only management and the facilitator assess ideas and see the working catalog.',
  },
  [WorkshopAction.PublishCatalog]: { code: 'FACILITATOR_ONLY', message: 'The facilitator publishes the catalog.' },
};

const callers = new WeakMap<FastifyRequest, WorkshopCaller>();

/**
 * The catalog's one route guard, run before every handler of the plugin (after the
 * request is validated): the caller must have a standing in the workshop `:id` (404
 * otherwise, so a workshop's existence does not leak) and be allowed the route's
 * action (403 with the action's code).
 */
export function guardCatalogRoutes(app: FastifyInstance, access: AccessService): void {
  app.addHook('preHandler', async (request) => {
    const action = request.routeOptions.config.catalogAction;
    if (action === undefined) throw new Error(`catalog route ${request.routeOptions.url} declares no catalogAction`);
    const { id: workshopId } = request.params as { id: string };
    const caller = await workshopCaller(request, access, workshopId);
    if (action !== null && !mayDo(caller.role, action)) {
      const refusal = REFUSALS[action];
      throw new ApiFailure(403, refusal.code, refusal.message);
    }
    callers.set(request, caller);
  });
}

/** The caller the guard admitted. */
export function catalogCaller(request: FastifyRequest): WorkshopCaller {
  const caller = callers.get(request);
  if (!caller) throw new Error('catalogCaller: the catalog guard did not run for this request');
  return caller;
}
