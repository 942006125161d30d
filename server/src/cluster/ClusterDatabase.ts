import { createHash } from 'node:crypto';
import pg from 'pg';

export interface ClusterDatabaseOptions {
  connectionString: string;
  /** The schema Samle's tables are in (as for storage); default: the connection's search path. */
  schema?: string;
  /** Connections for command locks (a waiting lock holds one); probes have one more of their own. */
  maxConnections?: number;
  /** How long a health probe may take before PostgreSQL counts as unreachable. */
  probeTimeoutMs?: number;
  onIdleClientError: (error: Error) => void;
}

export class SecretMismatchError extends Error {
  readonly code = 'SAMLE_SECRET_MISMATCH';
}

/**
 * What an instance asks PostgreSQL for itself, beside storage: whether the database
 * answers (readiness), whether all instances sign with the same key, and the command
 * locks (`commandLock.ts`). It has small pools of its own, so a waiting lock or a
 * probe never takes a connection storage needs, and a probe sees an outage even
 * while storage's pool still holds connections that have not noticed it yet. Locks
 * and probes are apart too: commands holding every lock connection must not make
 * the instance look unready, nor a one-second probe limit refuse a waiting command.
 */
export class ClusterDatabase {
  /** For command locks: waiting for a free connection is bounded by the lock wait, not the probe's limit. */
  readonly pool: pg.Pool;
  /** One connection for readiness probes and the key check. */
  private readonly probes: pg.Pool;
  /** Command-lock keys are prefixed with it: Samle databases in other schemas never wait for ours. */
  readonly namespace: string;
  private readonly probeTimeoutMs: number;
  /** This instance's key fingerprint, once checked against the stored one. */
  private fingerprint: string | undefined;

  constructor(options: ClusterDatabaseOptions) {
    this.probeTimeoutMs = options.probeTimeoutMs ?? 1000;
    this.namespace = `samle:${options.schema ?? 'default'}`;
    const common = {
      connectionString: options.connectionString,
      application_name: 'samle-cluster',
      // A connection that has gone quiet is closed, so a cut network is not found by the next command.
      idleTimeoutMillis: 10_000,
      keepAlive: true,
      ...(options.schema !== undefined ? { options: `-c search_path=${options.schema}` } : {}),
    };
    this.pool = new pg.Pool({ ...common, max: options.maxConnections ?? 4, connectionTimeoutMillis: 15_000 });
    this.probes = new pg.Pool({ ...common, max: 1, connectionTimeoutMillis: this.probeTimeoutMs });
    this.pool.on('error', options.onIdleClientError);
    this.probes.on('error', options.onIdleClientError);
  }

  /**
   * Whether PostgreSQL answers a query within the probe timeout, and — once this
   * instance's key was checked at start — whether the stored key fingerprint is still
   * its own (another instance may have been started with a new key after the old one
   * was deliberately forgotten: this one must then stop taking people).
   */
  async probe(): Promise<'up' | 'down' | 'other-secret'> {
    let client: pg.PoolClient;
    try {
      client = await this.probes.connect();
    } catch {
      return 'down';
    }
    let failed: Error | undefined;
    try {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('PostgreSQL did not answer in time')), this.probeTimeoutMs);
      });
      const expected = this.fingerprint;
      const query = expected
        ? client.query<{ value: string }>("SELECT value FROM cluster_settings WHERE key = 'secret_fingerprint'")
        : client.query<{ value: string }>('SELECT 1');
      let stored: string | undefined;
      try {
        stored = (await Promise.race([query, timedOut])).rows[0]?.value;
      } finally {
        clearTimeout(timer);
      }
      return expected && stored !== undefined && stored !== expected ? 'other-secret' : 'up';
    } catch (error) {
      // A timed-out connection may be stuck on a dead network: never hand it out again.
      failed = error as Error;
      return 'down';
    } finally {
      client.release(failed);
    }
  }

  /**
   * Records the signing key's fingerprint on first start and refuses to go on when a
   * later instance's key differs: its tokens would be refused by the others, and theirs
   * by it, so people would be signed out at random as the balancer moves them.
   */
  async checkSecret(secret: string): Promise<void> {
    const fingerprint = secretFingerprint(secret);
    await this.pool.query(
      "INSERT INTO cluster_settings (key, value, updated_at) VALUES ('secret_fingerprint', $1, $2) ON CONFLICT (key) DO NOTHING",
      [fingerprint, Date.now()],
    );
    const { rows } = await this.pool.query<{ value: string }>(
      "SELECT value FROM cluster_settings WHERE key = 'secret_fingerprint'",
    );
    const stored = rows[0]?.value;
    this.fingerprint = fingerprint;
    if (stored !== fingerprint) {
      throw new SecretMismatchError(
        `SAMLE_SECRET differs from the one the other instances use (fingerprint ${fingerprint}, the database has ${stored}). ` +
          'Give every instance the same SAMLE_SECRET; to change it on purpose, see "Changing SAMLE_SECRET" in docs/operations.md.',
      );
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.probes.end()]);
  }
}

/** A short, one-way fingerprint of the signing key: safe to store and to show in logs. */
export function secretFingerprint(secret: string): string {
  return createHash('sha256').update('samle-secret-fingerprint\0').update(secret).digest('hex').slice(0, 16);
}
