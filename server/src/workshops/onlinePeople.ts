import type { Redis } from 'ioredis';
import type { Relay } from '../sync/Relay.js';

/**
 * Who is online on a session's boards, for the cockpit's "online per table"
 * (counts only; the ids never leave the server). With one instance that is
 * the relay's own connections. With several (Redis), each instance publishes
 * the people connected to its loaded boards every `intervalMs`, under a key
 * of its own that expires after three missed beats, and the cockpit adds the
 * other live instances' lists to its own: a count is at most one beat old.
 */
export interface OnlinePeople {
  /** People with a live connection on any of these docs, on any instance. */
  connected(docIds: readonly string[]): Promise<Set<string>>;
  close(): void;
}

type Room = { connections: Iterable<{ personId: string | null | undefined }> };
type RelayView = Pick<Relay, 'loadedDocIds'> & { withRoom(docId: string, use: (room: Room) => void): boolean };

/** People connected here, per loaded doc (docs nobody is connected to are left out). */
function localPeople(relay: RelayView, docIds: readonly string[]): Map<string, string[]> {
  const byDoc = new Map<string, string[]>();
  for (const docId of docIds) {
    const people = new Set<string>();
    relay.withRoom(docId, (room) => {
      for (const connection of room.connections) if (connection.personId) people.add(connection.personId);
    });
    if (people.size > 0) byDoc.set(docId, [...people]);
  }
  return byDoc;
}

/** This instance only (one instance, or no Redis). */
export function localOnlinePeople(relay: RelayView): OnlinePeople {
  return {
    async connected(docIds) {
      return new Set([...localPeople(relay, docIds).values()].flat());
    },
    close() {},
  };
}

export const ONLINE_BEAT_MS = 2_000;

/** Every instance's connections, shared through Redis (see above). Falls back to this instance's while Redis is away. */
export function sharedOnlinePeople(options: {
  relay: RelayView;
  redis: Redis;
  prefix: string;
  instanceId: string;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): OnlinePeople {
  const { relay, redis, prefix, instanceId, intervalMs = ONLINE_BEAT_MS, onError = () => {} } = options;
  const ttl = intervalMs * 3;
  const members = `${prefix}:online`;
  const keyOf = (instance: string) => `${prefix}:online:${instance}`;
  const local = localOnlinePeople(relay);

  const beat = async () => {
    const byDoc = Object.fromEntries(localPeople(relay, relay.loadedDocIds()));
    await redis
      .multi()
      .set(keyOf(instanceId), JSON.stringify(byDoc), 'PX', ttl)
      .zadd(members, Date.now(), instanceId)
      .zremrangebyscore(members, 0, Date.now() - ttl)
      .exec();
  };
  const tick = () => beat().catch(onError);
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();

  return {
    async connected(docIds) {
      const people = await local.connected(docIds);
      try {
        const others = (await redis.zrangebyscore(members, Date.now() - ttl, '+inf')).filter((i) => i !== instanceId);
        if (others.length === 0) return people;
        const lists = await redis.mget(others.map(keyOf));
        for (const list of lists) {
          if (!list) continue;
          const byDoc = JSON.parse(list) as Record<string, string[]>;
          for (const docId of docIds) for (const person of byDoc[docId] ?? []) people.add(person);
        }
      } catch (error) {
        // Redis is away: this instance's own count, as with one instance.
        onError(error);
      }
      return people;
    },
    close() {
      clearInterval(timer);
      redis.del(keyOf(instanceId)).catch(onError);
      redis.zrem(members, instanceId).catch(onError);
    },
  };
}
