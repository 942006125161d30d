import type { Redis } from 'ioredis';

/** How many closes the stream keeps (approximately): enough for any outage of minutes. */
const CLOSES_KEPT = 10_000;

export interface ClosesStreamOptions {
  /** The bus's publishing connection (adds entries). */
  pub: Redis;
  /** A connection of the stream's own: a blocking read holds its connection. */
  reader: Redis;
  /** `<prefix>:closes`. */
  key: string;
  /** Every entry another instance (or this one) added, in order. */
  onEntry: (body: Buffer) => void;
  /** The bus's counters: entries added, and entries that could not be added yet. */
  counted: { added: () => void; failed: () => void };
}

/**
 * Closes (revocations, ended sessions) go to every instance through a Redis stream,
 * which each instance reads from where it left off: one issued while Redis was
 * unreachable is added when it returns, and an instance whose own connection came
 * back later still reads it (pub/sub would lose it to whichever came back last).
 */
export class ClosesStream {
  /** The id of the last entry read; null until the first read. */
  private lastId: string | null = null;
  /** Closes that could not be added yet. */
  private pending: Uint8Array[] = [];
  private closing = false;

  constructor(private readonly options: ClosesStreamOptions) {
    void this.readLoop();
  }

  /** Appends a close; kept and added when Redis returns if it cannot be now. */
  add(message: Uint8Array): void {
    const { pub, key, counted } = this.options;
    if (pub.status !== 'ready') {
      counted.failed();
      this.pending.push(message);
      return;
    }
    counted.added();
    const body = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    pub.xadd(key, 'MAXLEN', '~', CLOSES_KEPT, '*', 'm', body).catch(() => {
      counted.failed();
      this.pending.push(message);
    });
  }

  /** The publisher is back: adds what could not be added meanwhile. */
  addPending(): void {
    for (const message of this.pending.splice(0)) this.add(message);
  }

  /** Stops reading; the reader is blocked in XREAD, so it is dropped rather than waited for. */
  close(): void {
    this.closing = true;
    this.options.reader.disconnect();
  }

  /**
   * Reads the stream for as long as the bus is open, from the last entry read, so
   * nothing added while this instance's connection was away is missed. It starts after
   * the newest entry present when it first connects (closes before this instance ran
   * concern sockets it never had).
   */
  private async readLoop(): Promise<void> {
    const { reader, key } = this.options;
    while (!this.closing) {
      try {
        if (reader.status !== 'ready') {
          await this.readerReady();
          continue;
        }
        if (this.lastId === null) {
          const newest = await reader.xrevrange(key, '+', '-', 'COUNT', 1);
          this.lastId = newest[0]?.[0] ?? '0-0';
        }
        const read = await reader.xreadBuffer('COUNT', 100, 'BLOCK', 5000, 'STREAMS', key, this.lastId);
        for (const [, entries] of read ?? []) {
          for (const [id, fields] of entries) {
            this.lastId = id.toString();
            const body = fields[1];
            if (body) this.options.onEntry(body);
          }
        }
      } catch {
        // Redis went away: wait for the reader to reconnect (the loop above), then go on from lastId.
        if (!this.closing && reader.status === 'ready') await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** Resolves when the reader is connected again, or after a second (the loop then looks again). */
  private readerReady(): Promise<void> {
    const { reader } = this.options;
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        reader.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, 1000);
      reader.once('ready', done);
    });
  }
}
