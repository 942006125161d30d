import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

/** What the cluster bus lends for counters every instance shares (rate limits). */
export interface SharedCounters {
  /** A Redis connection that fails fast while Redis is away (no offline queue). */
  readonly counters: Redis;
}

/** One fixed window: increments, and starts its expiry on the first one; answers the count and the time left. */
const INCREMENT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {current, ttl}
`;

interface Window {
  current: number;
  endsAt: number;
}

/** Local windows are dropped past this many keys (oldest first), as the plugin's own store does. */
const LOCAL_KEYS = 5000;

/**
 * A store for `@fastify/rate-limit` whose counters live in Redis, so a limit
 * ("10 sign-ins a minute from one address") holds for all instances together
 * instead of once per instance — behind a balancer, n instances would otherwise
 * allow n times as many attempts. While Redis is unreachable each instance counts
 * on its own (the limit then holds per instance, as without Redis): a Redis outage
 * must not lock everyone out of signing in or joining.
 */
export function sharedRateLimitStore(redis: Redis, prefix: string): FastifyRateLimitStoreCtor {
  class SharedRateLimitStore implements FastifyRateLimitStore {
    private readonly local = new Map<string, Window>();

    constructor(
      _options: unknown,
      private readonly scope = `${prefix}:ratelimit:`,
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      if (redis.status !== 'ready') {
        callback(null, this.countLocally(key, timeWindow));
        return;
      }
      redis.eval(INCREMENT, 1, `${this.scope}${key}`, Math.max(1, Math.round(timeWindow))).then(
        (result) => {
          const [current, ttl] = result as [number, number];
          callback(null, { current, ttl });
        },
        () => callback(null, this.countLocally(key, timeWindow)),
      );
    }

    child(routeOptions: { method?: unknown; url?: unknown; routeInfo?: { method?: unknown; url?: unknown } }) {
      const route = routeOptions.routeInfo ?? routeOptions;
      return new SharedRateLimitStore(
        undefined,
        `${this.scope}${String(route.method ?? '')}${String(route.url ?? '')}-`,
      );
    }

    private countLocally(key: string, timeWindow: number): { current: number; ttl: number } {
      const now = Date.now();
      let window = this.local.get(key);
      if (!window || window.endsAt <= now) {
        window = { current: 0, endsAt: now + timeWindow };
        this.local.delete(key);
        if (this.local.size >= LOCAL_KEYS) {
          const oldest = this.local.keys().next().value;
          if (oldest !== undefined) this.local.delete(oldest);
        }
        this.local.set(key, window);
      }
      window.current++;
      return { current: window.current, ttl: window.endsAt - now };
    }
  }
  return SharedRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
