import { BoardIdSchema, CloseCode, catalogDocId, ideasOf, SYNC_PATH, TOKEN_PARAM } from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessService, Principal } from '../access/AccessService.js';
import { docAccess } from '../access/docAccess.js';
import { originAllowed } from '../access/originCheck.js';
import { principalOf } from '../access/requestAccess.js';
import { SocketBudget } from '../access/socketBudget.js';
import { ApiFailure } from '../errors.js';
import type { Relay } from '../sync/Relay.js';
import type { PresenceIdentity, UpdateGuard } from '../sync/types.js';
import { attachWebSocket } from '../sync/wsSocket.js';

type SyncDecision =
  | {
      kind: 'accept';
      principal: Principal;
      canWrite: boolean;
      personId: string | null;
      guard: UpdateGuard | undefined;
      presence: PresenceIdentity | null;
    }
  | { kind: 'refuse'; code: number; reason: string };

declare module 'fastify' {
  interface FastifyRequest {
    syncDecision?: SyncDecision;
  }
}

/** Decides before the upgrade completes; refusals are sent as close codes so clients know not to retry blindly. */
async function decide(request: FastifyRequest, options: SyncRouteOptions, docId: string): Promise<SyncDecision> {
  const { access, relay } = options;
  try {
    const principal = await principalOf(request, access);
    if (principal.kind === 'anonymous') {
      return { kind: 'refuse', code: CloseCode.Unauthenticated, reason: 'sign in or join the workshop first' };
    }
    // Only a facilitator's session cookie is ambient; tokens are sent on purpose by the page that holds them.
    if (principal.kind === 'facilitator' && !originAllowed(request, options.publicOrigin)) {
      request.log.warn({ docId, origin: request.headers.origin }, 'sync refused: cookie sent from another origin');
      return { kind: 'refuse', code: CloseCode.Unauthenticated, reason: 'this page may not use your session' };
    }
    const granted = await docAccess(access, principal, docId, (workshopId, ideaId) =>
      relay.read(catalogDocId(workshopId), (doc) => ideasOf(doc).has(ideaId)),
    );
    if (granted.access === 'none') return { kind: 'refuse', code: CloseCode.DocNotFound, reason: 'no such document' };
    return {
      kind: 'accept',
      principal,
      canWrite: granted.access === 'write',
      personId: principal.kind === 'person' ? principal.personId : null,
      guard: granted.guard,
      presence: await access.presenceOf(principal),
    };
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'ACCESS_REVOKED') {
      return { kind: 'refuse', code: CloseCode.AccessRevoked, reason: 'access withdrawn' };
    }
    if (error instanceof ApiFailure && error.statusCode === 401) {
      return { kind: 'refuse', code: CloseCode.Unauthenticated, reason: error.message.slice(0, 120) };
    }
    request.log.error({ err: error, docId }, 'sync access check failed');
    return { kind: 'refuse', code: CloseCode.LoadFailed, reason: 'access could not be checked; retry shortly' };
  }
}

/** `/sync/:docId`: the standard y-websocket protocol, one Yjs doc per board. */
export interface SyncRouteOptions {
  relay: Relay;
  access: AccessService;
  /** SAMLE_PUBLIC_URL's origin: cookie-authenticated sockets must come from it (same-origin when null). */
  publicOrigin: string | null;
  maxSocketsPerGrant: number;
}

export async function syncRoutes(app: FastifyInstance, options: SyncRouteOptions): Promise<void> {
  const { relay } = options;
  const budget = new SocketBudget(options.maxSocketsPerGrant);
  app.get(
    `${SYNC_PATH}/:docId`,
    {
      websocket: true,
      schema: {
        params: Type.Object({ docId: BoardIdSchema }),
        querystring: Type.Object({ [TOKEN_PARAM]: Type.Optional(Type.String({ maxLength: 4096 })) }),
      },
      preHandler: async (request) => {
        request.syncDecision = await decide(request, options, (request.params as { docId: string }).docId);
      },
    },
    (socket, request) => {
      const { docId } = request.params as { docId: string };
      const decision = request.syncDecision;
      if (!decision || decision.kind === 'refuse') {
        socket.close(decision?.code ?? CloseCode.Unauthenticated, decision?.reason ?? 'not authorised');
        return;
      }
      const giveBack = budget.take(decision.principal);
      if (!giveBack) {
        socket.close(CloseCode.TooManyConnections, 'too many connections for this person; close a tab');
        return;
      }
      // Listeners are attached synchronously, before anything awaits: no frame can be missed.
      attachWebSocket(
        socket,
        (syncSocket) =>
          relay.connect(docId, syncSocket, {
            canWrite: decision.canWrite,
            personId: decision.personId,
            // A person's writing counts against their quota; facilitators and operator tokens are not counted.
            writerKey: decision.personId,
            guard: decision.guard,
            ...(decision.presence ? { presence: decision.presence } : {}),
          }),
        {
          closed: giveBack,
          error: (error) => request.log.warn({ err: error, docId }, 'sync socket error'),
        },
      );
    },
  );
}
