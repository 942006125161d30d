import { CloseCode } from '@samle/shared';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Connection } from './Connection.js';
import { REMOTE_ORIGIN } from './origins.js';
import { type AwarenessEntry, encodeAwareness, readAwarenessEntries } from './protocol.js';
import type { Cancel, Scheduler } from './scheduler.js';

export interface PresenceHost {
  /** Least time between two presence relays on this room; changes meanwhile go out together. */
  readonly relayWindowMs: number;
  readonly maxAwarenessStateBytes: number;
  readonly scheduler: Scheduler;
  connections(): Iterable<Connection>;
  hasConnections(): boolean;
  isUnloading(): boolean;
  countOut(frames: number): void;
  /** The presence of this instance's own clients changed (an encoded awareness update), for other instances. */
  changed?(update: Uint8Array): void;
}

/**
 * The presence (awareness) of one room's connections, bound to them: a
 * connection speaks for one awareness client id — the first it uses — and
 * entries it sends for any other id are dropped, so nobody can overwrite or
 * remove someone else's presence or create crowds of fake people. The `user`
 * field (name, role) is written by the server from the connection's grant, so
 * nobody appears as someone else; the colour is kept when it is a plain hex colour.
 * Presence lives on its own doc so the content doc can be rebuilt without touching it.
 */
export class RoomPresence {
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  /** Presence changes waiting for the relay window. */
  private readonly changedClients = new Set<number>();
  private cancelRelay: Cancel | undefined;
  private lastRelayAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly host: PresenceHost) {
    // The server is not a participant: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onChange);
  }

  /** An awareness message from a client: only its own entry, with the server's `user`, is applied. */
  accept(connection: Connection, update: Uint8Array): void {
    const entries = readAwarenessEntries(update);
    const own: AwarenessEntry[] = [];
    for (const entry of entries) {
      if (entry.stateJson.length > this.host.maxAwarenessStateBytes) {
        connection.close(CloseCode.AwarenessTooLarge, 'awareness state too large');
        return;
      }
      if (connection.presenceClient === null && this.isFree(entry.clientId, connection)) {
        connection.presenceClient = entry.clientId;
      }
      if (entry.clientId !== connection.presenceClient) {
        connection.forgedPresence++;
        continue;
      }
      own.push({ ...entry, stateJson: withIdentity(entry.stateJson, connection) });
    }
    if (own.length === 0) return;
    for (const entry of own) if (entry.stateJson !== 'null') connection.awarenessClients.add(entry.clientId);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeEntries(own), connection);
  }

  /** A client id nobody here speaks for: no current state (here or from another instance), no other connection's. */
  private isFree(clientId: number, connection: Connection): boolean {
    if (this.awareness.getStates().has(clientId)) return false;
    for (const other of this.host.connections()) {
      if (other !== connection && other.presenceClient === clientId) return false;
    }
    return true;
  }

  /** Presence from another instance's clients (that instance bound and checked it). */
  applyRemote(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
  }

  /** The presence of this room's own clients, encoded; null when none of them has any. */
  local(): Uint8Array | null {
    const states = this.awareness.getStates();
    const clients: number[] = [];
    for (const connection of this.host.connections()) {
      for (const client of connection.awarenessClients) if (states.has(client)) clients.push(client);
    }
    return clients.length === 0 ? null : awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
  }

  /** A connection went away: so does its presence, for everyone. */
  remove(connection: Connection): void {
    if (connection.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null);
    }
  }

  /** Everyone's current presence, to one connection. */
  sendAll(connection: Connection): void {
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length === 0) return;
    connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
    this.host.countOut(1);
  }

  destroy(): void {
    this.cancelRelay?.();
    this.cancelRelay = undefined;
    this.awareness.off('update', this.onChange);
    this.awareness.destroy();
  }

  private readonly onChange = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length === 0) return;
    // Own clients' presence goes to other instances; theirs (and states that timed out) does not come back.
    const own = origin !== REMOTE_ORIGIN && origin !== 'timeout' && this.host.changed;
    if (!own && !this.host.hasConnections()) return;
    if (own) this.host.changed?.(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    if (!this.host.hasConnections()) return;
    for (const client of changed) this.changedClients.add(client);
    if (this.cancelRelay) return;
    // Like stored updates, presence goes out at most once per relay window: one frame per client with
    // the latest state of everyone who changed (a cursor that moved five times is sent once).
    const { scheduler } = this.host;
    const wait = this.lastRelayAt + this.host.relayWindowMs - scheduler.now();
    this.cancelRelay = wait > 0 ? scheduler.after(wait, this.relay) : scheduler.soon(this.relay);
  };

  private readonly relay = (): void => {
    this.cancelRelay = undefined;
    const clients = [...this.changedClients];
    this.changedClients.clear();
    if (clients.length === 0 || this.host.isUnloading() || !this.host.hasConnections()) return;
    this.lastRelayAt = this.host.scheduler.now();
    const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    let sent = 0;
    for (const connection of this.host.connections()) {
      if (connection.isClosed) continue;
      connection.send(frame);
      sent++;
    }
    this.host.countOut(sent);
  };
}

/** A client's state with `user` set from its grant: name and role as the server knows them. */
function withIdentity(stateJson: string, connection: Connection): string {
  if (stateJson === 'null') return stateJson;
  const state: unknown = JSON.parse(stateJson);
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return 'null';
  const identity = connection.presence;
  if (!identity) return stateJson;
  const claimed = (state as { user?: unknown }).user;
  const color = typeof claimed === 'object' && claimed !== null ? (claimed as { color?: unknown }).color : undefined;
  const user = {
    name: identity.name,
    role: identity.role,
    ...(typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? { color } : {}),
  };
  return JSON.stringify({ ...state, user });
}

function encodeEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.stateJson);
  }
  return encoding.toUint8Array(encoder);
}
