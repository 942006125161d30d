import { type Cancel, type Scheduler, systemScheduler } from '../../src/sync/scheduler.js';

/**
 * A relay scheduler whose timers (`after`, `background`) run only when a test says so,
 * so a test of an idle unload, a doc going cold or a relay window runs it without
 * sleeping. `soon` stays real, so what is due on the next turn still runs on its own;
 * the clock is real too, but a test can move it on (`advance`).
 */
export class ManualTimers implements Scheduler {
  private readonly system = systemScheduler();
  private readonly due = new Set<() => void>();
  private skipped = 0;

  now(): number {
    return this.system.now() + this.skipped;
  }

  /** Moves the clock on by `ms` without running any timer (a quiet spell, instantly). */
  advance(ms: number): void {
    this.skipped += ms;
  }

  soon(task: () => void): Cancel {
    return this.system.soon(task);
  }

  after(_ms: number, task: () => void): Cancel {
    this.due.add(task);
    return () => this.due.delete(task);
  }

  background(ms: number, task: () => void): Cancel {
    return this.after(ms, task);
  }

  /** What `load` answers: how busy the test says the server is (0–1). */
  loadValue = 0;

  load(): number {
    return this.loadValue;
  }

  /** How many timers are waiting. */
  get pending(): number {
    return this.due.size;
  }

  /** Runs every timer waiting now (as if its time had come); timers they set wait for the next call. */
  fire(): void {
    const tasks = [...this.due];
    this.due.clear();
    for (const task of tasks) task();
  }
}
