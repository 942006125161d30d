import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * Moves WAL checkpoints off the main thread (see walCheckpointWorker.ts). If the
 * worker cannot run, SQLite's own automatic checkpoints are switched back on, so
 * the log never grows without bound.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private stopped = false;

  constructor(
    private readonly db: Database.Database,
    file: string,
    onError: (message: string) => void,
    intervalMs = 1000,
  ) {
    db.pragma('wal_autocheckpoint = 0');
    this.worker = new Worker(new URL('./walCheckpointWorker.js', import.meta.url), {
      workerData: { file, intervalMs },
    });
    this.worker.on('message', (message: { kind: string; message?: string }) => {
      if (message.kind === 'error') onError(message.message ?? 'checkpoint failed');
    });
    this.worker.on('error', (error) => {
      onError(error.message);
      this.fallBack();
    });
    this.worker.on('exit', () => this.fallBack());
    this.worker.unref();
  }

  private fallBack(): void {
    if (this.stopped || !this.db.open) return;
    this.db.pragma('wal_autocheckpoint = 1000');
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await new Promise<void>((resolve) => {
      this.worker.once('exit', () => resolve());
      this.worker.postMessage('stop');
    });
  }
}
