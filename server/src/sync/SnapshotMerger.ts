import { Worker } from 'node:worker_threads';
import { mergeCounting, packParts } from './snapshotMerge.js';
import type { RelayLogger } from './types.js';

/** After this many deaths of its worker, a merger merges on the relay's own thread for good. */
const MAX_WORKER_DEATHS = 3;
/** A worker idle this long is ended (its heap held a whole rebuilt doc); the next compaction starts one. */
const IDLE_MS = 60_000;

/** A merge's result: the clean state, and the key count of the root map asked for (0 if none was). */
export interface Merged {
  state: Uint8Array;
  keys: number;
}

interface Job {
  parts: readonly Uint8Array[];
  countKeysOf: string | null;
  resolve: (merged: Merged) => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; state: Uint8Array; keys: number } | { id: number; error: string };

/**
 * Compaction's merge (snapshotMerge.js) on a worker thread, so rebuilding a big board's document
 * never holds the relay's event loop: one worker, started on first use, ended when idle or closed.
 * Parts go over packed in one transferred buffer; the merged state comes back transferred.
 * Should the worker die, the merges it held (and any after, once it has died three times) are done
 * here on the relay's thread, and a log line says so.
 */
export class SnapshotMerger {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private deaths = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly logger: RelayLogger,
    private readonly workerUrl: URL = new URL('./compactionWorker.js', import.meta.url),
  ) {}

  /** True while merges go to a worker thread (false once it has died too often, or after close). */
  get offThread(): boolean {
    return !this.closed && this.deaths < MAX_WORKER_DEATHS;
  }

  /** The parts merged into one garbage-collected update; rejects if a part does not apply. */
  async merge(parts: readonly Uint8Array[]): Promise<Uint8Array> {
    return (await this.mergeCounting(parts, null)).state;
  }

  /** The same, and the number of keys of the root map `countKeysOf` in the result (0 for null). */
  mergeCounting(parts: readonly Uint8Array[], countKeysOf: string | null): Promise<Merged> {
    if (!this.offThread) return this.mergeHere(parts, countKeysOf);
    return new Promise<Merged>((resolve, reject) => {
      const id = this.nextId++;
      this.jobs.set(id, { parts, countKeysOf, resolve, reject });
      const { buffer, lengths } = packParts(parts);
      this.started().postMessage({ id, buffer, lengths, countKeysOf }, [buffer]);
      this.clearIdle();
    });
  }

  /** Ends the worker; merges asked for later run on this thread. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearIdle();
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.finishHere();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerUrl);
    // A merge in flight keeps nothing alive: the relay's own work decides when the process may end.
    worker.unref();
    worker.on('message', (reply: Reply) => this.answered(reply));
    worker.on('error', (error) => this.died(worker, error));
    worker.on('exit', (code) => this.died(worker, new Error(`compaction worker exited with code ${code}`)));
    this.worker = worker;
    this.logger.info({ threadId: worker.threadId }, 'compaction worker started');
    return worker;
  }

  private answered(reply: Reply): void {
    const job = this.jobs.get(reply.id);
    if (!job) return;
    this.jobs.delete(reply.id);
    if ('error' in reply) job.reject(new Error(reply.error));
    else job.resolve({ state: reply.state, keys: reply.keys });
    if (this.jobs.size === 0) this.startIdle();
  }

  private died(worker: Worker, error: Error): void {
    if (this.worker !== worker) return; // ended on purpose (idle, close), or already counted
    this.worker = null;
    this.deaths++;
    const permanently = this.deaths >= MAX_WORKER_DEATHS;
    this.logger.error(
      { err: error, deaths: this.deaths, held: this.jobs.size },
      permanently
        ? 'compaction worker died again; compactions now merge on the relay thread (they stall it while they run)'
        : 'compaction worker died; the merges it held run on the relay thread, the next compaction starts a new worker',
    );
    this.finishHere();
  }

  /** The jobs a dead (or ended) worker held, merged here. */
  private finishHere(): void {
    const held = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of held) this.mergeHere(job.parts, job.countKeysOf).then(job.resolve, job.reject);
  }

  private mergeHere(parts: readonly Uint8Array[], countKeysOf: string | null): Promise<Merged> {
    try {
      return Promise.resolve(mergeCounting(parts, countKeysOf));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private startIdle(): void {
    this.clearIdle();
    this.idleTimer = setTimeout(() => {
      const worker = this.worker;
      if (!worker || this.jobs.size > 0) return;
      this.worker = null;
      void worker.terminate();
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
