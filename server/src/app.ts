import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { isMadeOnDemand, SYNC_PATH } from '@samle/shared';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { Registry } from 'prom-client';
import { AccessService } from './access/AccessService.js';
import { withRedactedRequests } from './access/logRedaction.js';
import { requestAccessPlugin } from './access/requestAccess.js';
import { loadSigningSecret } from './access/secret.js';
import { TokenService } from './access/tokens.js';
import { CATALOG_PREFIX, catalogPlugin } from './catalog/plugin.js';
import type { ClusterDatabase } from './cluster/ClusterDatabase.js';
import { type CommandLock, type FreshDocs, inProcessCommandLock, postgresCommandLock } from './cluster/commandLock.js';
import { type SharedCounters, sharedRateLimitStore } from './cluster/sharedRateLimits.js';
import type { SamleConfig } from './config.js';
import { ApiFailure } from './errors.js';
import { followUpPlugin } from './followup/plugin.js';
import { BoardHistory } from './history/BoardHistory.js';
import { compression } from './http/compression.js';
import { healthRoutes } from './http/health.js';
import { metricsRoute } from './http/metricsRoute.js';
import { openApi } from './http/openapi.js';
import { securityHeaders } from './http/securityHeaders.js';
import { countSocketCloses } from './http/socketCloses.js';
import { cacheControlFor } from './http/staticCaching.js';
import { reportPlugin } from './report/plugin.js';
import { authRoutes } from './routes/auth.js';
import { boardRoutes } from './routes/boards.js';
import { evaluationRoutes } from './routes/evaluations.js';
import { facilitationRoutes } from './routes/facilitation.js';
import { startHeartbeat } from './routes/heartbeat.js';
import { historyRoutes } from './routes/history.js';
import { inviteRoutes } from './routes/invites.js';
import { joinRoutes } from './routes/join.js';
import { planRoutes } from './routes/plan.js';
import { type PrivacyFeature, registerPrivacy } from './routes/privacyPlugin.js';
import { privateWritingRoutes } from './routes/privateWriting.js';
import { questionRoutes } from './routes/questions.js';
import { roomRoutes } from './routes/room.js';
import { sessionRoutes } from './routes/sessions.js';
import { shareRoutes } from './routes/share.js';
import { syncRoutes } from './routes/sync.js';
import { templateRoutes } from './routes/templates.js';
import { workshopRoutes } from './routes/workshops.js';
import type { Storage } from './storage/contracts/types.js';
import type { ClusterBus } from './sync/cluster.js';
import { Relay, RelayUnavailableError } from './sync/Relay.js';
import { RelayMetrics } from './sync/RelayMetrics.js';
import type { RelayLogger } from './sync/types.js';
import { localOnlinePeople, sharedOnlinePeople } from './workshops/onlinePeople.js';

export interface BuildAppOptions {
  config: SamleConfig;
  storage: Storage;
  logger?: FastifyServerOptions['logger'];
  /**
   * Several instances serving the same boards: makes the cross-instance bus (e.g. Redis)
   * from the app's metrics registry and logger. Closed at shutdown after the relay.
   */
  cluster?: (context: { registry: Registry; logger: RelayLogger }) => ClusterBus & FreshDocs & Partial<SharedCounters>;
  /**
   * PostgreSQL for the instance itself (readiness probes, the SAMLE_SECRET check, command
   * locks across instances). Closed at shutdown after storage.
   */
  clusterDatabase?: ClusterDatabase;
}

export interface SamleApp {
  app: FastifyInstance;
  relay: Relay;
  tokens: TokenService;
  /** Read-modify-write commands on server-authored docs, one at a time per key across instances. */
  commands: CommandLock;
  /** Board history: snapshots and restore. */
  history: BoardHistory;
  /** The daily retention purge and its database connection. */
  privacy: PrivacyFeature;
  /** Stops accepting, makes everything accepted durable, closes clients, then storage. */
  shutdown(): Promise<void>;
}

/** Builds the server without listening, so tests can `inject()` or listen on port 0. */
export async function buildApp(options: BuildAppOptions): Promise<SamleApp> {
  const { config, storage } = options;
  const app = Fastify({
    // Tokens travel in some URLs (`?token=` on the WebSocket): the request log never shows them.
    logger: withRedactedRequests(options.logger ?? { level: config.logLevel }),
    // Generous for JSON commands, far below anything that could hurt.
    bodyLimit: 256 * 1024,
    // Behind a proxy (deploy/nginx-*.conf) the client's address comes from X-Forwarded-For, but only
    // from the proxies named in SAMLE_TRUST_PROXY; otherwise every user shares the proxy's rate limits.
    trustProxy: config.trustProxy,
    // Reject what the schema does not allow instead of silently dropping or coercing it.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });

  const registry = new Registry();
  let relay: Relay | undefined;
  const metrics = new RelayMetrics(registry, () => relay?.loadedRooms ?? 0);
  const { clusterDatabase } = options;
  // Before anything connects to the others: an instance with another key must not join them.
  if (clusterDatabase && config.secret) await clusterDatabase.checkSecret(config.secret);
  const cluster = options.cluster?.({ registry, logger: app.log });
  const commands: CommandLock = clusterDatabase
    ? postgresCommandLock({
        pool: clusterDatabase.pool,
        namespace: clusterDatabase.namespace,
        refresh: (which) => cluster?.refresh(which) ?? Promise.resolve(),
        onLostLock: (key, error) =>
          app.log.warn({ err: error, key }, 'the command lock was lost while a command ran (its changes are stored)'),
      })
    : inProcessCommandLock();
  const history = new BoardHistory({ storage, logger: app.log, intervalMs: config.historyIntervalMs });
  relay = new Relay({
    store: storage,
    limits: config.limits,
    timings: config.timings,
    logger: app.log,
    metrics,
    madeOnDemand: isMadeOnDemand,
    history: history.hooks,
    reconcileMs: config.reconcileMs,
    ...(cluster ? { cluster } : {}),
  });
  history.attach(relay);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ApiFailure) {
      return reply.code(error.statusCode).send({ code: error.code, message: error.message });
    }
    if (error instanceof RelayUnavailableError) {
      return reply.code(503).send({ code: error.code, message: 'The board is not available right now; try again.' });
    }
    const fastifyError = error as { validation?: unknown; statusCode?: number; code?: string; message: string };
    if (fastifyError.validation) {
      return reply.code(400).send({ code: 'INVALID_REQUEST', message: fastifyError.message });
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(status).send({ code: 'INTERNAL_ERROR', message: 'Something went wrong on the server.' });
    }
    return reply.code(status).send({ code: fastifyError.code ?? 'REQUEST_FAILED', message: fastifyError.message });
  });

  // Before every route, so their hooks apply to all answers.
  await app.register(compression);
  await app.register(securityHeaders, { secure: config.secureCookies });
  await app.register(openApi);

  await app.register(fastifyWebsocket, {
    // ws's own hard stop (close 1009) sits well above our limit, so clients normally get our documented 4413.
    options: { maxPayload: config.limits.maxFrameBytes * 4 },
  });

  countSocketCloses(app, registry);
  await app.register(healthRoutes, {
    registry,
    rooms: () => relay.loadedRooms,
    ...(clusterDatabase ? { database: () => clusterDatabase.probe() } : {}),
    ...(cluster ? { bus: cluster } : {}),
  });
  await app.register(metricsRoute, { registry, token: config.metricsToken });

  const tokens = new TokenService(loadSigningSecret(config.dataDir, config.secret));
  const access = new AccessService(storage.workshops, tokens);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    // Several instances count together (in Redis), or behind a balancer each would allow the limit again.
    ...(cluster?.counters ? { store: sharedRateLimitStore(cluster.counters, config.redisPrefix) } : {}),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'TOO_MANY_ATTEMPTS',
      message: `Too many attempts. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
    }),
  });
  await app.register(requestAccessPlugin);

  const store = storage.workshops;
  await app.register(authRoutes, {
    store,
    access,
    secureCookies: config.secureCookies,
    signInAttemptsPerAccount: config.signInAttemptsPerAccount,
  });
  const credentials = storage.access;
  await app.register(workshopRoutes, {
    store,
    access,
    credentials,
    tokens,
    relay,
    decisions: storage.decisions,
    plans: storage.plans,
  });
  await app.register(sessionRoutes, {
    store,
    credentials,
    access,
    relay,
    history,
    afterDecision: storage.afterDecision,
    evaluations: storage.evaluations,
  });
  await app.register(planRoutes, { store, plans: storage.plans, access, relay });
  const online = cluster?.counters
    ? sharedOnlinePeople({
        relay,
        redis: cluster.counters,
        prefix: config.redisPrefix,
        instanceId: cluster.instanceId,
      })
    : localOnlinePeople(relay);
  app.addHook('onClose', async () => online.close());
  await app.register(roomRoutes, {
    store,
    plans: storage.plans,
    access,
    relay,
    online,
    questions: storage.questions,
    evaluations: storage.evaluations,
    votes: storage.votes,
    docs: storage,
  });
  await app.register(templateRoutes, { store, plans: storage.plans, access });
  await app.register(joinRoutes, { store, credentials, tokens, grantTtlSeconds: config.grantTtlSeconds });
  await app.register(inviteRoutes, { store, credentials, access, tokens });
  await app.register(boardRoutes, { boards: storage, access });
  await app.register(facilitationRoutes, {
    access,
    relay,
    boards: storage,
    votes: storage.votes,
    history,
    commands,
  });
  await app.register(privateWritingRoutes, { access, relay, docs: storage, history });
  await app.register(historyRoutes, { access, relay, storage, history });
  await app.register(shareRoutes, { access, relay, workshops: store });
  await app.register(catalogPlugin, {
    prefix: CATALOG_PREFIX,
    access,
    relay,
    workshops: store,
    decisions: storage.decisions,
    commands,
    votes: storage.votes,
    questions: storage.questions,
    ideaSupports: storage.ideaSupports,
  });
  await app.register(evaluationRoutes, { access, tokens, evaluations: storage.evaluations, workshops: store });
  await app.register(questionRoutes, {
    access,
    tokens,
    relay,
    questions: storage.questions,
    workshops: store,
    commands,
  });
  const privacy = await registerPrivacy(app, { config, storage, access, relay, tokens });
  await app.register(followUpPlugin, {
    access,
    relay,
    workshops: store,
    commands,
    tokens,
    store: storage.afterDecision,
  });
  await app.register(reportPlugin, {
    access,
    relay,
    workshops: store,
    questions: storage.questions,
    evaluations: storage.evaluations,
    afterDecision: storage.afterDecision,
    tokens,
  });
  await app.register(syncRoutes, {
    relay,
    access,
    publicOrigin: config.publicOrigin,
    maxSocketsPerGrant: config.maxSocketsPerGrant,
  });
  let stopHeartbeat = () => {};
  app.addHook('onReady', async () => {
    stopHeartbeat = startHeartbeat(app, config.timings.heartbeatMs);
  });
  app.addHook('onClose', async () => stopHeartbeat());
  await registerClient(app, config.clientDir);

  let shutdownPromise: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    shutdownPromise ??= (async () => {
      // Snapshots waiting for their interval are taken while the boards can still be read.
      await history.flush();
      history.stop();
      await relay.shutdown();
      await app.close();
      await cluster?.close();
      await privacy.close();
      await storage.close();
      await clusterDatabase?.close();
    })();
    return shutdownPromise;
  };
  return { app, relay, tokens, commands, history, privacy, shutdown };
}

/** Serves the built client with a single-page-app fallback, when it has been built. */
async function registerClient(app: FastifyInstance, clientDir: string | null): Promise<void> {
  const index = clientDir ? path.join(clientDir, 'index.html') : null;
  if (!clientDir || !index || !fs.existsSync(index)) {
    app.setNotFoundHandler((request, reply) => {
      reply.code(404).send({ code: 'NOT_FOUND', message: `No route for ${request.method} ${request.url}` });
    });
    return;
  }
  // wildcard: files are looked up per request, so a rebuilt client is served without a restart.
  await app.register(fastifyStatic, {
    root: clientDir,
    index: ['index.html'],
    wildcard: true,
    // Listed in the OpenAPI document like every other route.
    schemaHide: false,
    // The client build writes .br and .gz beside each file: sent as they are, compressed once at build time.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', cacheControlFor(path.relative(clientDir, filePath)));
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const isApi = pathname.startsWith('/api/') || pathname.startsWith(`${SYNC_PATH}/`);
    // A missing asset is a 404; any other page path is the app's to route.
    // (a last segment like `index-Bx1.js`; not an invite token, whose dots separate long base64 parts).
    const isFile = /^[^.]+\.[a-z0-9]{1,8}$/i.test(pathname.split('/').pop() ?? '');
    if (request.method !== 'GET' || isApi || isFile) {
      reply.code(404).send({ code: 'NOT_FOUND', message: `No route for ${request.method} ${request.url}` });
      return;
    }
    reply.type('text/html').sendFile('index.html');
  });
}
