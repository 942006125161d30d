#!/usr/bin/env node
import { buildApp } from './app.js';
import { ClusterDatabase, SecretMismatchError } from './cluster/ClusterDatabase.js';
import { RedisBus } from './cluster/RedisBus.js';
import { ConfigError, loadConfig } from './config.js';
import type { Storage } from './storage/contracts/types.js';
import { PostgresStorage } from './storage/postgres/PostgresStorage.js';
import { DATABASE_TOO_NEW_EXIT_CODE, DatabaseTooNewError } from './storage/schemaVersion.js';
import { SqliteStorage } from './storage/sqlite/SqliteStorage.js';

/** Starts Samle on the embedded default (SQLite in the data folder) and prints the URL it serves. */
async function main(): Promise<void> {
  const config = loadConfig();
  let reportStorageError = (_message: string) => {};
  const storage: Storage = config.databaseUrl
    ? await PostgresStorage.open({
        connectionString: config.databaseUrl,
        ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
        maxConnections: config.databasePoolSize,
        onIdleClientError: (error) => reportStorageError(error.message),
      })
    : new SqliteStorage({
        dataDir: config.dataDir,
        synchronous: config.sqliteSynchronous,
        checkpointInWorker: true,
        onCheckpointError: (message) => reportStorageError(message),
      });
  const clusterDatabase = config.databaseUrl
    ? new ClusterDatabase({
        connectionString: config.databaseUrl,
        ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
        onIdleClientError: (error) => reportStorageError(error.message),
      })
    : undefined;
  let bus: RedisBus | undefined;
  const { redisUrl } = config;
  const { app, shutdown } = await buildApp({
    config,
    storage,
    ...(clusterDatabase ? { clusterDatabase } : {}),
    ...(redisUrl
      ? {
          cluster: ({ registry, logger }) => {
            bus = new RedisBus({
              url: redisUrl,
              prefix: config.redisPrefix,
              registry,
              logger,
              // Tests only (server/test/clusterSplit.test.ts): crash between storing an update and publishing it.
              ...(process.env.SAMLE_TEST_KILL_BEFORE_PUBLISHING
                ? { killBeforePublishing: process.env.SAMLE_TEST_KILL_BEFORE_PUBLISHING }
                : {}),
            });
            return bus;
          },
        }
      : {}),
  });
  if (bus && !(await bus.ready(5000))) {
    app.log.warn(
      { redis: withoutPassword(redisUrl ?? '') },
      'Redis is not reachable: starting degraded (this instance serves its own clients; it catches up when Redis answers)',
    );
  }
  reportStorageError = (message) => app.log.warn({ message }, 'storage reported a problem; retrying');
  if (config.databaseUrl && !config.secret) {
    app.log.warn(
      'DATABASE_URL is set without SAMLE_SECRET: tokens are signed with a key in the local data folder, so other instances will not accept them',
    );
  }
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  // The one line scripts and people look for; stdout, not the log, so it is easy to find.
  const where = config.databaseUrl ? withoutPassword(config.databaseUrl) : config.dataDir;
  const together = bus ? `; instance ${bus.instanceId}, with others through ${withoutPassword(redisUrl ?? '')}` : '';
  process.stdout.write(`Samle is running at http://${shownHost}:${port}/ (data: ${where}${together})\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: flushing documents and closing clients');
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** The database URL for logs, with any password masked. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseTooNewError) {
    process.stderr.write(`Samle could not start: ${error.message}\n`);
    process.exit(DATABASE_TOO_NEW_EXIT_CODE);
  }
  if (error instanceof ConfigError || error instanceof SecretMismatchError) {
    process.stderr.write(`Samle could not start: ${error.message}\n`);
  } else {
    process.stderr.write(`Samle could not start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
