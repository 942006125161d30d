import { parentPort, workerData } from 'node:worker_threads';
import { SqliteDatabase } from './sqliteDriver.js';

/**
 * Runs SQLite WAL checkpoints on its own thread and connection. A checkpoint
 * copies the log into the database file and fsyncs it, which can take tens or
 * hundreds of milliseconds on a slow disk; on the relay's thread that would stall
 * every board at once. PASSIVE never blocks the writer.
 */
const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new SqliteDatabase(file);
db.pragma('busy_timeout = 1000');

const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // Busy or locked: the next interval tries again; the parent hears about anything else.
    parentPort?.postMessage({ kind: 'error', message: (error as Error).message });
  }
}, intervalMs);

parentPort?.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
    parentPort?.postMessage({ kind: 'stopped' });
  }
});
