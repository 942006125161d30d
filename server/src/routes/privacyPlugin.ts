import { CloseCode } from '@samle/shared';
import type { FastifyInstance } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import type { TokenService } from '../access/tokens.js';
import type { SamleConfig } from '../config.js';
import { pulseRespondentKey } from '../followup/afterDecision.js';
import { RetentionJob } from '../privacy/RetentionJob.js';
import { type DatabaseTarget, openSqlSession, type SqlSession } from '../privacy/sqlSession.js';
import type { Storage } from '../storage/contracts/types.js';
import { SqliteStorage } from '../storage/sqlite/SqliteStorage.js';
import type { Relay } from '../sync/Relay.js';
import { adminRoutes } from './admin.js';
import { privacyRoutes } from './privacy.js';

export interface PrivacyFeature {
  job: RetentionJob;
  /** Waits for a purge under way, then closes the feature's own database connection. */
  close(): Promise<void>;
}

/**
 * Retention, export and deletion of workshops: the routes, and the daily purge job
 * (started when the server is ready). They reach the database through a connection of
 * their own (privacy/sqlSession.ts), opened on first use. The logic lives in privacy/,
 * which knows neither routes nor the CLI: this plugin and the `samle` commands call into it.
 */
export async function registerPrivacy(
  app: FastifyInstance,
  options: { config: SamleConfig; storage: Storage; access: AccessService; relay: Relay; tokens: TokenService },
): Promise<PrivacyFeature> {
  const { config, storage, relay } = options;
  const target: DatabaseTarget | null =
    storage instanceof SqliteStorage
      ? { sqliteFile: storage.file }
      : config.databaseUrl
        ? { databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema }
        : null;
  let session: SqlSession | null = null;
  const open = (): SqlSession | null => {
    if (!target) return null;
    session ??= openSqlSession(target);
    return session;
  };
  const closeDocs = (docIds: string[]) => {
    if (docIds.length > 0) relay.closeWhere({ docIds }, CloseCode.DocNotFound, 'workshop deleted');
  };
  await app.register(privacyRoutes, {
    store: storage.workshops,
    access: options.access,
    session: open,
    closeDocs,
    closePeople: (personIds, code) => relay.closeWhere({ personIds }, code, 'erased'),
    docs: relay,
    personKey: (personId) => options.tokens.keyedHash(personId),
    pulseKey: (personId) => pulseRespondentKey(options.tokens, personId),
  });
  await app.register(adminRoutes, {
    store: storage.workshops,
    access: options.access,
    session: open,
    linkHash: (token) => options.tokens.keyedHash(`facilitator-link:${token}`),
  });
  const job = new RetentionJob({
    session: () => {
      const found = open();
      if (!found) throw new Error('the retention job cannot reach this storage with plain SQL');
      return found;
    },
    logger: app.log,
    closeDocs,
  });
  if (target) app.addHook('onReady', async () => job.start());
  return {
    job,
    async close() {
      job.stop();
      await job.settle();
      await session?.close();
      session = null;
    },
  };
}
