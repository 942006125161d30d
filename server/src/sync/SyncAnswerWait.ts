import * as Y from 'yjs';
import type { Connection } from './Connection.js';

/**
 * A stock client sends what it writes as soon as its socket is open, before it has answered the
 * server's step 1 with what it wrote offline; an edit made in that moment builds on structs the
 * server does not have yet. Refused, it would cost the writer a reconnect (4505) and the room a
 * rebuild from storage, and happen again if the person keeps typing. So until a writer has sent its
 * step 2, an update that starts past what the room holds of one of its clients waits here for that
 * answer (at most `maxBytes`), then goes the usual way, in order.
 */
export class SyncAnswerWait {
  /** Writers that have answered the server's step 1 (sent their step 2). */
  private readonly answered = new WeakSet<Connection>();
  private readonly waiting = new Map<Connection, { updates: Uint8Array[]; bytes: number }>();

  constructor(private readonly maxBytes: number) {}

  /**
   * Whether the update must wait for the writer's step 2 (it is kept); 'too-much' when what waits
   * passed `maxBytes` (nothing is kept: close the connection). `stateVector` is asked for only when needed.
   */
  hold(connection: Connection, update: Uint8Array, stateVector: () => Uint8Array): boolean | 'too-much' {
    if (!connection.canWrite || this.answered.has(connection)) return false;
    let entry = this.waiting.get(connection);
    if (!entry) {
      if (!startsPast(update, stateVector)) return false;
      entry = { updates: [], bytes: 0 };
      this.waiting.set(connection, entry);
    }
    entry.updates.push(update);
    entry.bytes += update.byteLength;
    if (entry.bytes <= this.maxBytes) return true;
    this.waiting.delete(connection);
    return 'too-much';
  }

  /** The writer sent its step 2: what waited for it, in order (the caller handles it after the step 2). */
  answer(connection: Connection): Uint8Array[] {
    this.answered.add(connection);
    const entry = this.waiting.get(connection);
    this.waiting.delete(connection);
    return entry?.updates ?? [];
  }

  forget(connection: Connection): void {
    this.waiting.delete(connection);
  }

  clear(): void {
    this.waiting.clear();
  }
}

/** Whether the update starts past the clock the state vector holds for one of its clients (it builds on what is missing). */
function startsPast(update: Uint8Array, stateVector: () => Uint8Array): boolean {
  let from: Map<number, number>;
  try {
    from = Y.parseUpdateMeta(update).from;
  } catch {
    return false; // the usual checks refuse it with their own code
  }
  if (from.size === 0) return false;
  const held = Y.decodeStateVector(stateVector());
  for (const [client, clock] of from) if (clock > (held.get(client) ?? 0)) return true;
  return false;
}
