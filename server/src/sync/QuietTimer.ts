import type { Cancel, Scheduler } from './scheduler.js';

/**
 * Runs `then` once `quietMs` have passed since the last `touch()` and `ready()` says yes (asked again a
 * moment later while it says no). One timer per quiet spell, not one per touch: a busy board writes many
 * times a second, and re-arming a timer for each write was a measurable share of the relay's CPU in a
 * plenum. When the timer fires early (touches came meanwhile) it waits for the rest.
 */
export class QuietTimer {
  private lastTouch = 0;
  private cancel: Cancel | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly quietMs: number,
    private readonly ready: () => boolean,
    private readonly then: () => void,
  ) {}

  touch(): void {
    this.lastTouch = this.scheduler.now();
    if (this.cancel) return;
    this.cancel = this.scheduler.background(this.quietMs, this.check);
  }

  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  private readonly check = (): void => {
    this.cancel = undefined;
    const quietFor = this.scheduler.now() - this.lastTouch;
    if (quietFor >= this.quietMs && this.ready()) {
      this.then();
      return;
    }
    this.cancel = this.scheduler.background(Math.max(1, this.quietMs - quietFor), this.check);
  };
}
