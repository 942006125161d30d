import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisBus } from '../src/cluster/RedisBus.js';
import type { CloseMatch, ClusterHost } from '../src/sync/cluster.js';
import { testRedisUrl, uniquePrefix } from './support/cluster.js';

/** A relay stand-in that records what the bus asks of it. */
class RecordingHost implements ClusterHost {
  readonly updates: Array<{ docId: string; update: number[] }> = [];
  readonly catchUps: string[] = [];
  readonly closes: CloseMatch[] = [];
  readonly positions: Array<number | undefined> = [];
  /** How often another instance announced that it started. */
  started = 0;
  private waiters: Array<() => void> = [];

  constructor(private readonly docs: string[]) {}

  private changed(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
  /** Resolves when `predicate` holds, re-checked on every call from the bus. */
  until(predicate: () => boolean): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => (predicate() ? resolve() : this.waiters.push(check));
      this.waiters.push(check);
    });
  }
  applyRemoteUpdate(docId: string, update: Uint8Array, position?: number): void {
    this.updates.push({ docId, update: [...update] });
    this.positions.push(position);
    this.changed();
  }
  instanceStarted(): void {
    this.started++;
    this.changed();
  }
  applyRemoteAwareness(): void {}
  localAwareness(): Uint8Array | null {
    return null;
  }
  closeLocal(match: CloseMatch): number {
    this.closes.push(match);
    this.changed();
    return 0;
  }
  async catchUp(docId: string): Promise<void> {
    this.catchUps.push(docId);
    this.changed();
  }
  loadedDocIds(): string[] {
    return this.docs;
  }
}

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const buses: RedisBus[] = [];
afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.close();
});

async function pair(docs: string[]) {
  const prefix = uniquePrefix();
  const make = async () => {
    const host = new RecordingHost(docs);
    const bus = new RedisBus({ url: testRedisUrl, prefix, logger: quiet, registry: new Registry() });
    buses.push(bus);
    bus.attach(host);
    if (!(await bus.ready(10_000))) {
      throw new Error(
        `Redis is not reachable at ${testRedisUrl}: start it (npm test does) or set SAMLE_TEST_REDIS_URL`,
      );
    }
    for (const doc of docs) await bus.join(doc);
    return { bus, host };
  };
  return { a: await make(), b: await make() };
}

describe('Redis bus', () => {
  it('delivers stored updates in order to the instances that have the doc, not back to the sender', async () => {
    const { a, b } = await pair(['doc-1']);
    a.bus.stored('doc-1', new Uint8Array([1]));
    a.bus.stored('doc-1', new Uint8Array([2]));
    a.bus.stored('doc-other', new Uint8Array([3]));
    await b.host.until(() => b.host.updates.length >= 2);
    expect(b.host.updates).toEqual([
      { docId: 'doc-1', update: [1] },
      { docId: 'doc-1', update: [2] },
    ]);
    expect(a.host.updates).toEqual([]);
    expect(b.host.catchUps).toEqual([]);
  });

  it("a lost message shows as a gap in the sender's sequence, and the receiver re-reads the doc from storage", async () => {
    const { a, b } = await pair(['doc-1']);
    a.bus.stored('doc-1', new Uint8Array([1]));
    await b.host.until(() => b.host.updates.length === 1);
    // One publish is lost on the way (as if Redis dropped the connection right then).
    const publisher = (a.bus as unknown as { pub: { publish: (...args: unknown[]) => Promise<number> } }).pub;
    const publish = publisher.publish.bind(publisher);
    publisher.publish = async () => 0;
    a.bus.stored('doc-1', new Uint8Array([2]));
    publisher.publish = publish;
    a.bus.stored('doc-1', new Uint8Array([3]));
    await b.host.until(() => b.host.catchUps.length === 1);
    expect(b.host.catchUps).toEqual(['doc-1']);
    expect(b.host.updates.map((u) => u.update)).toEqual([[1], [3]]);
  });

  it("each update carries its log position; a stored update's position goes with it", async () => {
    const { a, b } = await pair(['doc-1']);
    a.bus.stored('doc-1', new Uint8Array([1]), 41);
    a.bus.stored('doc-1', new Uint8Array([2]));
    await b.host.until(() => b.host.updates.length === 2);
    expect(b.host.positions).toEqual([41, undefined]);
  });

  it('an instance that starts announces it, and the ones already running are told (not itself)', async () => {
    const { a, b } = await pair([]);
    // b started after a: a heard of it; b does not hear its own announcement.
    await a.host.until(() => a.host.started === 1);
    expect(b.host.started).toBe(0);
  });

  it('closes reach the other instance', async () => {
    const { a, b } = await pair([]);
    a.bus.closeEverywhere({ personIds: ['p1'] }, 4410, 'access withdrawn');
    await b.host.until(() => b.host.closes.length === 1);
    expect(b.host.closes).toEqual([{ personIds: ['p1'] }]);
    expect(a.host.closes).toEqual([]);
  });
});
