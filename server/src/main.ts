#!/usr/bin/env node
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { SqliteStorage } from './storage/SqliteStorage.js';

/** Starts Samle on the embedded default (SQLite in the data folder) and prints the URL it serves. */
async function main(): Promise<void> {
  const config = loadConfig();
  let reportCheckpointError = (_message: string) => {};
  const storage = new SqliteStorage({
    dataDir: config.dataDir,
    synchronous: config.sqliteSynchronous,
    checkpointInWorker: true,
    onCheckpointError: (message) => reportCheckpointError(message),
  });
  const { app, shutdown } = await buildApp({ config, storage });
  reportCheckpointError = (message) => app.log.warn({ message }, 'SQLite WAL checkpoint failed; retrying');
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  // The one line scripts and people look for; stdout, not the log, so it is easy to find.
  process.stdout.write(`Samle is running at http://${shownHost}:${port}/ (data: ${config.dataDir})\n`);

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

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Samle could not start: ${error.message}\n`);
  } else {
    process.stderr.write(`Samle could not start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
