import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Registry } from 'prom-client';
import type { CloseMatch, ClusterBus, ClusterHost } from '../sync/cluster.js';
import type { RelayLogger } from '../sync/types.js';
import { type BusMetrics, busMetrics } from './busMetrics.js';
import { ClosesStream } from './ClosesStream.js';
import type { SharedCounters } from './sharedRateLimits.js';

export interface RedisBusOptions {
  /** `redis://host:6379/0` — the server's `REDIS_URL`. */
  url: string;
  /** Namespace of the channels; instances that serve the same boards use the same one. */
  prefix: string;
  logger: RelayLogger;
  registry: Registry;
  /** Delay before reconnecting after the n-th failed attempt (ms); default grows to 1 s. */
  retryDelayMs?: (attempt: number) => number;
  /** How long a failed catch-up waits before it is tried again (ms); default 1 s. */
  catchUpRetryMs?: number;
  /**
   * TESTS ONLY (`SAMLE_TEST_KILL_BEFORE_PUBLISHING`, set by server/test/clusterSplit.test.ts):
   * when a stored update's bytes contain this text, the process kills itself (SIGKILL) after
   * the update is committed and before it is published — the crash the reconciler heals.
   */
  killBeforePublishing?: string;
}

/** Message kinds on the bus (first varint). */
const Kind = { Update: 0, Awareness: 1, AwarenessQuery: 2, Resync: 3, Close: 4, Started: 5 } as const;
type KindName = 'update' | 'awareness' | 'awareness_query' | 'resync' | 'close' | 'started';
const kindNames: Record<number, KindName> = {
  [Kind.Update]: 'update',
  [Kind.Awareness]: 'awareness',
  [Kind.AwarenessQuery]: 'awareness_query',
  [Kind.Resync]: 'resync',
  [Kind.Close]: 'close',
  [Kind.Started]: 'started',
};

/**
 * Cross-instance fan-out over Redis pub/sub.
 *
 * - Every loaded doc has a channel (`<prefix>:doc:<docId>`); an instance subscribes
 *   before it reads the doc from storage and unsubscribes when it unloads it.
 * - After an update is durable in PostgreSQL, the instance that stored it publishes it
 *   with its instance id and a sequence number, plus the number of its previous message
 *   on that doc. Others apply it to their room and relay it to their own clients; nobody
 *   stores it again.
 * - Pub/sub delivers nothing to a subscriber that is away, so anything that may have been
 *   missed triggers a catch-up: re-reading the doc from PostgreSQL and relaying what the
 *   room lacked (Yjs leaves out what it has). That happens for every loaded doc when the
 *   subscriber connection comes back, for one doc when its sequence shows a gap, and when
 *   another instance announces (`resync`) that it stored updates it could not publish.
 * - Each instance announces on `<prefix>:instances` that it started; the others then compare
 *   every loaded doc with storage (an instance killed between storing an update and publishing
 *   it never published it) and repair what lacks anything (`sync/Reconciler.ts`).
 * - Presence (awareness) is ephemeral: published, never stored; an instance that loads a
 *   doc asks the others for the presence of their clients.
 * - Closes (revocations, ended sessions) go to every instance through a Redis stream,
 *   `<prefix>:closes` (`ClosesStream.ts`).
 *
 * Nothing here is needed to rebuild a doc: PostgreSQL holds every update.
 */
export class RedisBus implements ClusterBus, SharedCounters {
  readonly instanceId = randomBytes(6).toString('hex');
  private host: ClusterHost | null = null;
  private readonly pub: Redis;
  private readonly sub: Redis;
  /** Blocks on the closes stream (a blocking read needs a connection of its own). */
  private readonly reader: Redis;
  private readonly closes: ClosesStream;
  private readonly docPrefix: string;
  /** Where instances announce that they started. */
  private readonly instancesChannel: string;
  private announced = false;
  /** Docs loaded here (their channels are subscribed while Redis is up). */
  private readonly joined = new Set<string>();
  private nextSeq = 1;
  /** Per doc: the sequence number of this instance's last message about it. */
  private readonly lastSent = new Map<string, number>();
  /** Per doc, per origin instance: the sequence number of its last message heard. */
  private readonly lastHeard = new Map<string, Map<string, number>>();
  /** Docs whose updates could not be published: others are told to re-read them when Redis returns. */
  private readonly unpublished = new Set<string>();
  private readonly catchUps = new Set<string>();
  private catchingUp = false;
  private catchUpTimer: NodeJS.Timeout | undefined;
  private subscribed = false;
  private wasUp = false;
  private closing = false;
  private readonly metrics: BusMetrics;

  constructor(private readonly options: RedisBusOptions) {
    this.docPrefix = `${options.prefix}:doc:`;
    this.instancesChannel = `${options.prefix}:instances`;
    const retryStrategy = (attempt: number) => options.retryDelayMs?.(attempt) ?? Math.min(50 * attempt, 1000);
    const common = {
      // Fail fast while Redis is away instead of queueing: PostgreSQL has everything, and
      // what was missed is caught up from there when Redis returns.
      enableOfflineQueue: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 1,
      retryStrategy,
      connectionName: `samle-${this.instanceId}`,
    };
    this.pub = new Redis(options.url, common);
    this.sub = new Redis(options.url, common);
    this.reader = new Redis(options.url, common);
    this.metrics = busMetrics(options.registry, () => this.isUp());
    this.sub.on('messageBuffer', (_channel: Buffer, message: Buffer) => this.onMessage(message));
    this.sub.on('ready', () => void this.onSubscriberReady());
    this.pub.on('ready', () => this.onPublisherReady());
    // Whichever of the three connections comes back last makes the bus up again: each may report it.
    this.reader.on('ready', () => this.reportUp());
    for (const connection of [this.pub, this.sub, this.reader]) connection.on('close', () => this.onConnectionLost());
    // ioredis reconnects by itself (and the lost connection is logged once, above); an unhandled
    // 'error' event would otherwise throw.
    for (const connection of [this.pub, this.sub, this.reader]) connection.on('error', () => {});
    this.closes = new ClosesStream({
      pub: this.pub,
      reader: this.reader,
      key: `${options.prefix}:closes`,
      onEntry: (body) => this.onMessage(body),
      counted: {
        added: () => this.metrics.out.inc({ kind: 'close' }),
        failed: () => this.metrics.publishFailures.inc(),
      },
    });
  }

  /** Shared counters (rate limits) use the publishing connection: it fails fast while Redis is away. */
  get counters(): Redis {
    return this.pub;
  }

  attach(host: ClusterHost): void {
    this.host = host;
  }

  /** Resolves once connected to Redis, or after `timeoutMs` (the instance then starts degraded). */
  async ready(timeoutMs: number): Promise<boolean> {
    if (this.isUp()) return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        clearInterval(check);
        resolve(false);
      }, timeoutMs);
      const check = setInterval(() => {
        if (!this.isUp()) return;
        clearInterval(check);
        clearTimeout(timer);
        resolve(true);
      }, 10);
    });
  }

  isUp(): boolean {
    return (
      this.pub.status === 'ready' && this.sub.status === 'ready' && this.reader.status === 'ready' && this.subscribed
    );
  }

  async join(docId: string): Promise<void> {
    this.joined.add(docId);
    // Whatever was heard before is for an earlier load: start counting afresh.
    this.lastHeard.delete(docId);
    if (!this.subscribed) return;
    try {
      await this.sub.subscribe(this.channelOf(docId));
    } catch {
      // Redis went away meanwhile: when it returns, every loaded doc is subscribed and caught up.
    }
  }

  leave(docId: string): void {
    this.joined.delete(docId);
    this.lastHeard.delete(docId);
    this.lastSent.delete(docId);
    if (this.subscribed) {
      this.sub.unsubscribe(this.channelOf(docId)).catch(() => {
        // Redis is away: when it returns, only docs still joined are subscribed again.
      });
    }
  }

  loaded(docId: string): void {
    this.publish(this.channelOf(docId), this.encodeDoc(Kind.AwarenessQuery, docId), 'awareness_query');
  }

  stored(docId: string, update: Uint8Array, position?: number): void {
    const marker = this.options.killBeforePublishing;
    if (marker && Buffer.from(update).includes(marker)) process.kill(process.pid, 'SIGKILL');
    const seq = this.nextSeq++;
    const previous = this.lastSent.get(docId) ?? 0;
    if (this.joined.has(docId)) this.lastSent.set(docId, seq);
    const encoder = this.startDoc(Kind.Update, docId);
    encoding.writeVarUint(encoder, seq);
    encoding.writeVarUint(encoder, previous);
    encoding.writeVarUint8Array(encoder, update);
    // Older instances stop reading before it: the field is simply not seen by them.
    encoding.writeVarUint(encoder, position ?? 0);
    if (!this.publish(this.channelOf(docId), encoding.toUint8Array(encoder), 'update')) this.unpublished.add(docId);
  }

  awareness(docId: string, update: Uint8Array): void {
    const encoder = this.startDoc(Kind.Awareness, docId);
    encoding.writeVarUint8Array(encoder, update);
    this.publish(this.channelOf(docId), encoding.toUint8Array(encoder), 'awareness');
  }

  closeEverywhere(match: CloseMatch, code: number, reason: string): void {
    const encoder = this.start(Kind.Close);
    encoding.writeVarString(encoder, JSON.stringify({ match, code, reason }));
    this.closes.add(encoding.toUint8Array(encoder));
  }

  /**
   * Re-reads from storage, now, every doc loaded here that `which` selects, so a command
   * that holds the cross-instance command lock sees what the instance before it stored,
   * whether or not its message has arrived (or Redis is up at all).
   */
  async refresh(which: (docId: string) => boolean): Promise<void> {
    const host = this.host;
    if (!host) return;
    for (const docId of host.loadedDocIds().filter(which)) await host.catchUp(docId);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.closes.close();
    // Shutting down: a connection Redis already dropped has nothing left to close.
    const quit = (connection: Redis) =>
      connection.quit().catch(() => {
        // Closed already; disconnect() below ends it either way.
      });
    await Promise.all([quit(this.pub), quit(this.sub)]);
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private channelOf(docId: string): string {
    return `${this.docPrefix}${docId}`;
  }

  private start(kind: number): encoding.Encoder {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarString(encoder, this.instanceId);
    return encoder;
  }

  private startDoc(kind: number, docId: string): encoding.Encoder {
    const encoder = this.start(kind);
    encoding.writeVarString(encoder, docId);
    return encoder;
  }

  private encodeDoc(kind: number, docId: string): Uint8Array {
    return encoding.toUint8Array(this.startDoc(kind, docId));
  }

  /** Publishes without waiting; false when Redis is known to be unreachable. A later failure is handled like one. */
  private publish(channel: string, message: Uint8Array, kind: KindName): boolean {
    if (this.pub.status !== 'ready') {
      this.metrics.publishFailures.inc();
      return false;
    }
    this.metrics.out.inc({ kind });
    this.pub.publish(channel, Buffer.from(message.buffer, message.byteOffset, message.byteLength)).catch(() => {
      this.metrics.publishFailures.inc();
      if (kind === 'update') this.unpublished.add(channel.slice(this.docPrefix.length));
    });
    return true;
  }

  private onMessage(message: Buffer): void {
    const host = this.host;
    if (!host) return;
    let kind: number;
    let origin: string;
    const decoder = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
    try {
      kind = decoding.readVarUint(decoder);
      origin = decoding.readVarString(decoder);
    } catch {
      this.options.logger.warn({}, 'unreadable message on the cluster bus; ignored');
      return;
    }
    if (origin === this.instanceId) return;
    const name = kindNames[kind];
    if (!name) return;
    this.metrics.in.inc({ kind: name });
    try {
      if (kind === Kind.Close) {
        const { match, code, reason } = JSON.parse(decoding.readVarString(decoder)) as {
          match: CloseMatch;
          code: number;
          reason: string;
        };
        host.closeLocal(match, code, reason);
        return;
      }
      if (kind === Kind.Started) {
        host.instanceStarted();
        return;
      }
      const docId = decoding.readVarString(decoder);
      if (!this.joined.has(docId)) return;
      switch (kind) {
        case Kind.Update: {
          const seq = decoding.readVarUint(decoder);
          const previous = decoding.readVarUint(decoder);
          const update = decoding.readVarUint8Array(decoder);
          const position = decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : 0;
          let heard = this.lastHeard.get(docId);
          if (!heard) {
            heard = new Map();
            this.lastHeard.set(docId, heard);
          }
          const last = heard.get(origin);
          heard.set(origin, seq);
          host.applyRemoteUpdate(docId, update, position > 0 ? position : undefined);
          // The first message from an origin since this doc was loaded sets the baseline: anything
          // it sent before was stored before our read. After that, its messages must follow on.
          if (last !== undefined && previous !== last) this.requestCatchUp(docId, 'gap');
          return;
        }
        case Kind.Awareness:
          host.applyRemoteAwareness(docId, decoding.readVarUint8Array(decoder));
          return;
        case Kind.AwarenessQuery: {
          const local = host.localAwareness(docId);
          if (local) this.awareness(docId, local);
          return;
        }
        case Kind.Resync:
          this.requestCatchUp(docId, 'resync');
          return;
      }
    } catch (error) {
      this.options.logger.warn({ err: error, kind: name }, 'cluster bus message could not be handled; ignored');
    }
  }

  private async onSubscriberReady(): Promise<void> {
    if (this.closing) return;
    try {
      // Docs that start loading meanwhile do not subscribe themselves (we are not subscribed yet):
      // repeat until every joined doc's channel is subscribed.
      await this.sub.subscribe(this.instancesChannel);
      const done = new Set<string>();
      for (;;) {
        const pending = [...this.joined].filter((docId) => !done.has(docId));
        if (pending.length === 0) break;
        await this.sub.subscribe(...pending.map((docId) => this.channelOf(docId)));
        for (const docId of pending) done.add(docId);
      }
    } catch (error) {
      this.options.logger.warn({ err: error }, 'subscribing to the cluster bus failed; retrying on reconnect');
      return;
    }
    this.subscribed = true;
    // Anything published while we were not listening is lost to us: re-read every loaded doc.
    this.lastHeard.clear();
    const docs = this.host?.loadedDocIds() ?? [];
    for (const docId of docs) this.requestCatchUp(docId, 'reconnect');
    for (const docId of docs) {
      this.loaded(docId);
      const local = this.host?.localAwareness(docId);
      if (local) this.awareness(docId, local);
    }
    this.reportUp();
  }

  private onPublisherReady(): void {
    if (this.closing) return;
    if (!this.announced) {
      // Tell the others this instance (re)started: one killed before it published what it stored never did.
      this.announced = this.publish(this.instancesChannel, encoding.toUint8Array(this.start(Kind.Started)), 'started');
    }
    for (const docId of [...this.unpublished]) {
      this.unpublished.delete(docId);
      // Others may have missed updates stored here meanwhile: they re-read the doc.
      this.publish(this.channelOf(docId), this.encodeDoc(Kind.Resync, docId), 'resync');
    }
    this.closes.addPending();
    this.reportUp();
  }

  private reportUp(): void {
    if (!this.isUp() || this.wasUp) return;
    this.wasUp = true;
    this.options.logger.info(
      { instance: this.instanceId },
      'connected to Redis: serving together with other instances',
    );
  }

  private onConnectionLost(): void {
    if (this.sub.status !== 'ready') this.subscribed = false;
    if (this.closing || !this.wasUp) return;
    this.wasUp = false;
    this.options.logger.warn(
      { instance: this.instanceId },
      "lost Redis: serving this instance's clients only; catching up when it returns",
    );
  }

  private requestCatchUp(docId: string, reason: 'gap' | 'reconnect' | 'resync'): void {
    if (this.catchUps.has(docId)) return;
    this.metrics.catchUps.inc({ reason });
    this.catchUps.add(docId);
    if (!this.catchingUp) setImmediate(() => void this.runCatchUps());
  }

  /** One catch-up at a time; failed ones (storage unreachable) are retried after a pause. */
  private async runCatchUps(): Promise<void> {
    if (this.catchingUp || this.closing || !this.host) return;
    this.catchingUp = true;
    let failed = false;
    try {
      for (const docId of this.catchUps) {
        if (!this.joined.has(docId)) {
          this.catchUps.delete(docId);
          continue;
        }
        try {
          await this.host.catchUp(docId);
          this.catchUps.delete(docId);
        } catch (error) {
          failed = true;
          this.metrics.catchUpFailures.inc();
          this.options.logger.warn({ err: error, docId }, 'catching up a document failed; retrying');
          break;
        }
      }
    } finally {
      this.catchingUp = false;
    }
    if (this.catchUps.size === 0 || this.closing) return;
    if (!failed) {
      setImmediate(() => void this.runCatchUps());
      return;
    }
    if (this.catchUpTimer) return;
    this.catchUpTimer = setTimeout(() => {
      this.catchUpTimer = undefined;
      void this.runCatchUps();
    }, this.options.catchUpRetryMs ?? 1000);
    this.catchUpTimer.unref();
  }
}
