import path from 'node:path';
import { DefaultLimits } from '@samle/shared';
import type { RelayLimits, RelayTimings } from './sync/types.js';

export interface SamleConfig {
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL instead of the embedded SQLite file when set. */
  databaseUrl: string | null;
  /** PostgreSQL schema to use (default: the connection's search path, normally `public`). */
  databaseSchema: string | undefined;
  /** Connections each instance keeps to PostgreSQL for storage (SAMLE_PG_POOL_SIZE); a few more serve locks and probes. */
  databasePoolSize: number;
  /** Redis for several instances serving the same boards (requires `databaseUrl` and `secret`). */
  redisUrl: string | null;
  /** Namespace of the Redis channels; instances that serve the same boards share it. */
  redisPrefix: string;
  /** Several instances: ms between two comparisons of the loaded docs with storage (sync/Reconciler.ts); 0: off. */
  reconcileMs: number;
  /** Folder with the built client; the server serves it when it exists. */
  clientDir: string | null;
  sqliteSynchronous: 'normal' | 'full';
  logLevel: string;
  /** Base64 signing key for access tokens; a key in the data folder is used when unset. */
  secret: string | undefined;
  grantTtlSeconds: number;
  /** Mark the session cookie Secure (when served over HTTPS); also turns on HSTS. */
  secureCookies: boolean;
  /**
   * Which proxies' `X-Forwarded-For`/`-Proto`/`-Host` to believe (Fastify's `trustProxy`):
   * false (none, the default), or addresses/CIDRs such as `127.0.0.1` or `loopback`.
   */
  trustProxy: false | string;
  /** The origin people open Samle at (`https://samle.example.dk`); WebSockets with a session cookie must come from it. */
  publicOrigin: string | null;
  /** Live sync sockets one person (or facilitator) may hold on one instance. */
  maxSocketsPerGrant: number;
  /** Sign-in attempts per facilitator account per 15 minutes, from all addresses together. */
  signInAttemptsPerAccount: number;
  /** Bearer token a Prometheus scraper sends for `/metrics`; unset: `/metrics` is off. */
  metricsToken: string | undefined;
  limits: RelayLimits;
  timings: RelayTimings;
  /** Least time between two activity snapshots of a board (board history). */
  historyIntervalMs: number;
}

export class ConfigError extends Error {
  readonly code = 'SAMLE_CONFIG_INVALID';
}

type Env = Record<string, string | undefined>;

function intFrom(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; got "${raw}"`);
  }
  return value;
}

/** Reads configuration from environment variables (documented in README.md and docs/operations.md). */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): SamleConfig {
  const sync = env.SAMLE_SQLITE_SYNCHRONOUS ?? 'normal';
  if (sync !== 'normal' && sync !== 'full') {
    throw new ConfigError(`SAMLE_SQLITE_SYNCHRONOUS must be "normal" or "full"; got "${sync}"`);
  }
  const redisUrl = env.REDIS_URL || null;
  if (redisUrl && !env.DATABASE_URL) {
    throw new ConfigError(
      'REDIS_URL is set without DATABASE_URL: instances that serve the same boards must share one PostgreSQL database',
    );
  }
  if (redisUrl && !env.SAMLE_SECRET) {
    throw new ConfigError(
      'REDIS_URL is set without SAMLE_SECRET: every instance must sign and check access tokens with the same key',
    );
  }
  const redisPrefix = env.SAMLE_REDIS_PREFIX || 'samle';
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(redisPrefix)) {
    throw new ConfigError(`SAMLE_REDIS_PREFIX must be 1-64 letters, digits or _ . : -; got "${redisPrefix}"`);
  }
  return {
    host: env.HOST || '127.0.0.1',
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    dataDir: path.resolve(cwd, env.SAMLE_DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || null,
    databaseSchema: env.SAMLE_DATABASE_SCHEMA || undefined,
    databasePoolSize: intFrom(env, 'SAMLE_PG_POOL_SIZE', 10, 1, 1000),
    redisUrl,
    redisPrefix,
    reconcileMs: intFrom(env, 'SAMLE_RECONCILE_MS', 1000, 0, 3600 * 1000),
    clientDir: env.SAMLE_CLIENT_DIR === '' ? null : path.resolve(cwd, env.SAMLE_CLIENT_DIR || defaultClientDir()),
    sqliteSynchronous: sync,
    logLevel: env.LOG_LEVEL || 'info',
    secret: env.SAMLE_SECRET || undefined,
    grantTtlSeconds: intFrom(env, 'SAMLE_GRANT_TTL_DAYS', 120, 1, 3650) * 86400,
    secureCookies: env.SAMLE_SECURE_COOKIES === '1' || env.SAMLE_SECURE_COOKIES === 'true',
    trustProxy: trustProxyFrom(env.SAMLE_TRUST_PROXY),
    publicOrigin: publicOriginFrom(env.SAMLE_PUBLIC_URL),
    maxSocketsPerGrant: intFrom(env, 'SAMLE_MAX_SOCKETS_PER_GRANT', 64, 1, 100_000),
    signInAttemptsPerAccount: intFrom(env, 'SAMLE_SIGNIN_ATTEMPTS_PER_ACCOUNT', 30, 1, 100_000),
    metricsToken: metricsTokenFrom(env),
    limits: {
      maxFrameBytes: intFrom(env, 'SAMLE_MAX_FRAME_BYTES', DefaultLimits.maxFrameBytes, 1024, 64 * 1024 * 1024),
      maxDocBytes: intFrom(env, 'SAMLE_MAX_DOC_BYTES', DefaultLimits.maxDocBytes, 1024, 1024 * 1024 * 1024),
      maxMessagesPerSecond: intFrom(env, 'SAMLE_MAX_MESSAGES_PER_SECOND', DefaultLimits.maxMessagesPerSecond, 1, 1e6),
      maxAwarenessStateBytes: intFrom(
        env,
        'SAMLE_MAX_AWARENESS_BYTES',
        DefaultLimits.maxAwarenessStateBytes,
        64,
        1024 * 1024,
      ),
      maxWriterBytes: intFrom(env, 'SAMLE_MAX_WRITER_BYTES', DefaultLimits.maxWriterBytes, 1024, 1024 * 1024 * 1024),
      maxBufferedBytes: intFrom(env, 'SAMLE_MAX_BUFFERED_BYTES', 8 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
      maxLoadedDocs: intFrom(env, 'SAMLE_MAX_LOADED_DOCS', 2000, 1, 1e6),
    },
    timings: {
      idleUnloadMs: intFrom(env, 'SAMLE_IDLE_UNLOAD_MS', 30_000, 0, 24 * 3600 * 1000),
      coldAfterMs: intFrom(env, 'SAMLE_COLD_AFTER_MS', 10_000, 0, 24 * 3600 * 1000),
      relayWindowMs: intFrom(env, 'SAMLE_RELAY_WINDOW_MS', 16, 0, 1000),
      relayWindowClients: intFrom(env, 'SAMLE_RELAY_WINDOW_CLIENTS', 40, 1, 1e6),
      relayWindowBusy: intFrom(env, 'SAMLE_RELAY_WINDOW_BUSY_PERCENT', 90, 0, 100) / 100,
      heartbeatMs: intFrom(env, 'SAMLE_HEARTBEAT_MS', 30_000, 100, 3600 * 1000),
      compactAfterUpdates: intFrom(env, 'SAMLE_COMPACT_AFTER_UPDATES', 500, 1, 1e9),
      compactAfterBytes: intFrom(env, 'SAMLE_COMPACT_AFTER_BYTES', 1024 * 1024, 1, 1e12),
    },
    historyIntervalMs: intFrom(env, 'SAMLE_HISTORY_INTERVAL_MS', 5 * 60_000, 1000, 24 * 3600 * 1000),
  };
}

/**
 * SAMLE_TRUST_PROXY: unset or `false` trusts no proxy (the client's address is the TCP peer);
 * otherwise a comma-separated list of the proxies' addresses, CIDR ranges or the names
 * `loopback`, `linklocal`, `uniquelocal`. `true` and hop counts are refused: they believe
 * whatever address a client writes into X-Forwarded-For, so anyone could dodge the limits.
 */
function trustProxyFrom(raw: string | undefined): SamleConfig['trustProxy'] {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || /^\d+$/.test(value)) {
    throw new ConfigError(
      `SAMLE_TRUST_PROXY=${value} would let clients choose their own address; name the proxy instead (e.g. 127.0.0.1 or loopback)`,
    );
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const valid = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;
  const bad = entries.find((entry) => !valid.test(entry));
  if (bad !== undefined) {
    throw new ConfigError(`SAMLE_TRUST_PROXY must be addresses, CIDR ranges or loopback; got "${bad}"`);
  }
  return entries.join(',');
}

function publicOriginFrom(raw: string | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`SAMLE_PUBLIC_URL must be a URL such as https://samle.example.dk; got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`SAMLE_PUBLIC_URL must start with https:// or http://; got "${raw}"`);
  }
  return url.origin;
}

function metricsTokenFrom(env: Env): string | undefined {
  const token = env.SAMLE_METRICS_TOKEN;
  if (token === undefined || token === '') return undefined;
  // A short token would be guessable by anyone who can reach the server.
  if (token.length < 16 || !/^[\x21-\x7e]+$/.test(token)) {
    throw new ConfigError('SAMLE_METRICS_TOKEN must be at least 16 printable characters without spaces');
  }
  return token;
}

function defaultClientDir(): string {
  // server/dist/config.js → client/dist
  return path.resolve(import.meta.dirname, '..', '..', 'client', 'dist');
}
