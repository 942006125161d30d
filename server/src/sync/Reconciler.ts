import type { DocStore } from '../storage/contracts/types.js';
import type { Room } from './Room.js';
import type { Cancel, Scheduler } from './scheduler.js';
import type { RelayLogger } from './types.js';

/** What noticed that a loaded doc lacked stored updates (the label of `samle_cluster_repairs_total`). */
export type RepairTrigger = 'reconcile' | 'announce' | 'pending' | 'bus';

export interface ReconcilerHost {
  store: DocStore;
  scheduler: Scheduler;
  logger: RelayLogger;
  /** Time between two looks; 0: only when asked (`lookNow`). */
  intervalMs: number;
  rooms(): Iterable<Room>;
  /** Re-reads a doc from storage and relays what this instance lacked. */
  catchUp(docId: string, trigger: RepairTrigger): Promise<unknown>;
}

/**
 * Several instances: a cheap, periodic look at whether every loaded doc holds everything
 * storage holds. One query per look reads the log position (`LogPosition.ts`) of every
 * loaded doc; a doc whose copy here is behind storage's position is re-read from storage —
 * at the next look if it is still behind what storage had at this one (an update may just
 * be on its way over the bus), or at once when another instance has (re)started
 * (`lookNow`): an instance killed between storing an update and publishing it never
 * published it, and nothing else would tell the others.
 */
export class Reconciler {
  private cancel: Cancel | undefined;
  private running: Promise<void> | null = null;
  private again: 'reconcile' | 'announce' | null = null;
  private stopped = false;

  constructor(private readonly host: ReconcilerHost) {}

  start(): void {
    if (this.host.intervalMs > 0 && this.host.store.logPositions) this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
  }

  /** Another instance started: whatever storage has beyond a loaded copy is re-read now. */
  lookNow(): void {
    void this.look('announce');
  }

  private schedule(): void {
    if (this.stopped) return;
    this.cancel = this.host.scheduler.background(this.host.intervalMs, () => {
      this.cancel = undefined;
      void this.look('reconcile').finally(() => this.schedule());
    });
  }

  private async look(trigger: 'reconcile' | 'announce'): Promise<void> {
    if (this.running) {
      if (this.again !== 'announce') this.again = trigger;
      return this.running;
    }
    this.running = this.compare(trigger).finally(() => {
      this.running = null;
    });
    await this.running;
    const next = this.again;
    this.again = null;
    if (next && !this.stopped) await this.look(next);
  }

  private async compare(trigger: 'reconcile' | 'announce'): Promise<void> {
    const { store, logger } = this.host;
    const rooms = [...this.host.rooms()].filter((room) => room.state === 'active');
    if (rooms.length === 0 || !store.logPositions) return;
    try {
      const stored = await store.logPositions(rooms.map((room) => room.docId));
      for (const room of rooms) {
        const position = stored.get(room.docId) ?? 0;
        const held = room.position;
        const stillBehind = held.behindAt > 0 && held.through < held.behindAt;
        if (position <= held.through) {
          held.behindAt = 0;
        } else if (trigger === 'announce' || stillBehind) {
          held.behindAt = 0;
          if (room.state === 'active') await this.host.catchUp(room.docId, trigger);
        } else {
          held.behindAt = position;
        }
      }
    } catch (error) {
      logger.warn({ err: error }, 'comparing loaded documents with storage failed; trying again at the next look');
    }
  }
}
