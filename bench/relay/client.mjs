import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * A minimal y-websocket client: one `ws` socket, one real Y.Doc, the
 * y-protocols sync messages and nothing else (no awareness, no reconnect, no
 * BroadcastChannel). Hundreds of them fit in one load-generator process, and
 * they put only document traffic on the servers, so "CPU per delivered update"
 * is not diluted by presence messages.
 *
 * `framing: 'hocuspocus'` speaks Hocuspocus's variant of the same protocol:
 * every message starts with the document name, and a token message opens the
 * document before anything else is handled.
 */
const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;

export class BenchClient {
  /**
   * @param {object} options
   * @param {string} options.url  WebSocket URL (already including the room for y-websocket servers)
   * @param {string} options.room document name (used in Hocuspocus framing)
   * @param {'yws'|'hocuspocus'} options.framing
   * @param {(client: BenchClient, transaction: Y.Transaction) => void} [options.onRemoteTransaction]
   * @param {(client: BenchClient, update: Uint8Array) => void} [options.onRemoteUpdate]
   *   Once `light` is set, what the server relays goes here instead of into the doc.
   */
  constructor({ url, room, framing, onRemoteTransaction, onRemoteUpdate }) {
    /**
     * A light client reads what it is sent without integrating it: in a plenum every one of
     * 120 docs would integrate every edit of every other, and Yjs's per-transaction work grows
     * with the number of writers, so the one load-generator core, not the server, set the tail.
     */
    this.light = false;
    this.onRemoteUpdate = onRemoteUpdate;
    this.room = room;
    this.framing = framing;
    this.doc = new Y.Doc();
    this.synced = false;
    this.framesIn = 0;
    this.updatesIn = 0;
    this.errors = [];
    this.closedByUs = false;
    this.closeCode = null;
    if (onRemoteTransaction) {
      this.doc.on('afterTransaction', (transaction) => {
        if (!transaction.local) onRemoteTransaction(this, transaction);
      });
    }
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    // A failure before sync is reported through `ready`; afterwards it is only counted in `errors`.
    this.ready.catch(() => {});
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('open', () => this.onOpen());
    this.ws.on('message', (data) => this.onMessage(data));
    this.ws.on('error', (error) => {
      this.errors.push(`socket error: ${error.message}`);
      this.rejectReady(error);
    });
    this.ws.on('close', (code) => {
      this.closeCode = code;
      if (!this.closedByUs) {
        this.errors.push(`closed by server: ${code}`);
        this.rejectReady(new Error(`closed with ${code} before sync`));
      }
    });
  }

  onOpen() {
    if (this.framing === 'hocuspocus') {
      const encoder = this.encoder();
      encoding.writeVarUint(encoder, MESSAGE_AUTH);
      encoding.writeVarUint(encoder, 0); // token message
      encoding.writeVarString(encoder, '');
      this.ws.send(encoding.toUint8Array(encoder));
    }
    this.send(syncProtocol.writeSyncStep1, this.doc);
  }

  encoder() {
    const encoder = encoding.createEncoder();
    if (this.framing === 'hocuspocus') encoding.writeVarString(encoder, this.room);
    return encoder;
  }

  /** Sends one sync message written by `write(encoder, payload)`. */
  send(write, payload) {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const encoder = this.encoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    write(encoder, payload);
    this.ws.send(encoding.toUint8Array(encoder));
  }

  onMessage(data) {
    this.framesIn++;
    try {
      const decoder = decoding.createDecoder(data);
      if (this.framing === 'hocuspocus') decoding.readVarString(decoder);
      const type = decoding.readVarUint(decoder);
      if (type !== MESSAGE_SYNC && !(this.framing === 'hocuspocus' && type === HOCUSPOCUS_SYNC_REPLY)) return;
      const reply = this.encoder();
      encoding.writeVarUint(reply, this.framing === 'hocuspocus' ? HOCUSPOCUS_SYNC_REPLY : MESSAGE_SYNC);
      const headerLength = encoding.length(reply);
      if (this.light && this.onRemoteUpdate) {
        const at = decoder.pos;
        const sync = decoding.readVarUint(decoder);
        if (sync === syncProtocol.messageYjsUpdate || sync === syncProtocol.messageYjsSyncStep2) {
          if (sync === syncProtocol.messageYjsUpdate) this.updatesIn++;
          this.onRemoteUpdate(this, decoding.readVarUint8Array(decoder));
          return;
        }
        decoder.pos = at;
      }
      const step = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (step === syncProtocol.messageYjsUpdate) this.updatesIn++;
      if (step === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true;
        this.resolveReady();
      }
      if (encoding.length(reply) > headerLength) this.ws.send(encoding.toUint8Array(reply));
    } catch (error) {
      this.errors.push(`bad frame: ${error.message}`);
    }
  }

  /**
   * Runs a local change and sends its update. The doc's 'update' listener is
   * attached only for this transaction: Yjs encodes an update for every
   * listener on every transaction, and remote updates need no re-encoding.
   */
  edit(change) {
    const forward = (update) => this.send(syncProtocol.writeUpdate, update);
    this.doc.on('update', forward);
    try {
      this.doc.transact(change, 'local');
    } finally {
      this.doc.off('update', forward);
    }
  }

  get bufferedAmount() {
    return this.ws.bufferedAmount;
  }

  close() {
    this.closedByUs = true;
    this.ws.close();
    this.doc.destroy();
  }
}

/** Connects `count` clients to one room, `batch` at a time, and resolves when all are synced. */
export async function connectMany(count, makeClient, { batch = 20, timeoutMs = 20_000 } = {}) {
  const clients = [];
  for (let i = 0; i < count; i += batch) {
    const group = [];
    for (let j = i; j < Math.min(count, i + batch); j++) group.push(makeClient(j));
    clients.push(...group);
    await withTimeout(
      Promise.all(group.map((client) => client.ready)),
      timeoutMs,
      `clients ${i}..${i + group.length - 1} did not sync`,
    );
  }
  return clients;
}

export function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
