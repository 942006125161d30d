/** What the queue needs of an update: its bytes and when it was accepted. */
export interface Unstored {
  update: Uint8Array;
  /** When the relay accepted it (ms). */
  acceptedAt: number;
}

/** A room's updates applied in memory but not yet durable, oldest first. */
export class UnstoredUpdates<T extends Unstored> {
  private readonly list: T[] = [];
  private total = 0;
  private oldest = 0;

  get count(): number {
    return this.list.length;
  }

  get bytes(): number {
    return this.total;
  }

  /** When the oldest of them was accepted (0 when there are none). */
  get oldestAt(): number {
    return this.list.length === 0 ? 0 : this.oldest;
  }

  /** All of them, oldest first (a repair applies them again). */
  get updates(): readonly T[] {
    return this.list;
  }

  add(pending: T): void {
    if (this.list.length === 0) this.oldest = pending.acceptedAt;
    this.list.push(pending);
    this.total += pending.update.byteLength;
  }

  /** These are durable now. */
  remove(batch: readonly T[]): void {
    for (const pending of batch) this.total -= pending.update.byteLength;
    // A batch is usually the oldest unstored updates, in order.
    if (this.list[0] === batch[0] && this.list[batch.length - 1] === batch[batch.length - 1]) {
      this.list.splice(0, batch.length);
    } else {
      for (const pending of batch) {
        const index = this.list.indexOf(pending);
        if (index >= 0) this.list.splice(index, 1);
      }
    }
  }
}
