import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Relay } from '../../src/sync/Relay.js';
import type { ConnectionHandle, SyncSocket, UpdateGuard } from '../../src/sync/types.js';

/** A socket whose frames wait in an outbox until the test delivers them: nothing happens behind the test's back. */
export class MemorySocket implements SyncSocket {
  readonly outbox: Uint8Array[] = [];
  closeCode: number | null = null;
  closeReason = '';
  buffered = 0;
  private closeListeners: Array<(code: number) => void> = [];
  private frameListeners: Array<() => void> = [];

  send(frame: Uint8Array): void {
    if (this.closeCode !== null) throw new Error('MemorySocket: send after close');
    this.outbox.push(frame);
    for (const listener of this.frameListeners.splice(0)) listener();
  }
  /** Resolves when the relay sends the next frame to this socket. */
  nextFrame(): Promise<void> {
    return new Promise((resolve) => this.frameListeners.push(resolve));
  }
  close(code: number, reason: string): void {
    if (this.closeCode !== null) return;
    this.closeCode = code;
    this.closeReason = reason;
    for (const listener of this.closeListeners) listener(code);
  }
  isOpen(): boolean {
    return this.closeCode === null;
  }
  bufferedAmount(): number {
    return this.buffered;
  }
  whenClosed(): Promise<number> {
    if (this.closeCode !== null) return Promise.resolve(this.closeCode);
    return new Promise((resolve) => this.closeListeners.push(resolve));
  }
}

const fromRelay = Symbol('fromRelay');

/**
 * A y-websocket client speaking the protocol over a MemorySocket, with a real Y.Doc.
 * `deliver()` hands it every frame the relay has sent so far.
 */
export class MemoryClient {
  readonly doc = new Y.Doc();
  readonly socket = new MemorySocket();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly handle: ConnectionHandle;
  received = 0;

  constructor(
    relay: Relay,
    readonly docId: string,
    options: {
      canWrite?: boolean;
      sendStep1?: boolean;
      guard?: UpdateGuard;
      /** What the client's doc already holds before it connects (e.g. written offline). */
      initial?: Uint8Array;
    } = {},
  ) {
    if (options.initial) Y.applyUpdate(this.doc, options.initial, fromRelay);
    this.handle = relay.connect(docId, this.socket, {
      canWrite: options.canWrite ?? true,
      ...(options.guard ? { guard: options.guard } : {}),
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === fromRelay) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
    if (options.sendStep1 ?? true) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.send(encoding.toUint8Array(encoder));
    }
  }

  send(frame: Uint8Array): void {
    if (this.socket.isOpen()) this.handle.receive(frame);
  }

  /** Processes every frame the relay sent, answering as a stock client would. Returns how many it processed. */
  deliver(): number {
    const frames = this.socket.outbox.splice(0);
    for (const frame of frames) {
      this.received++;
      const decoder = decoding.createDecoder(frame);
      const type = decoding.readVarUint(decoder);
      if (type === 0) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 0);
        syncProtocol.readSyncMessage(decoder, encoder, this.doc, fromRelay);
        if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
      } else if (type === 1) {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), fromRelay);
      }
    }
    return frames.length;
  }

  disconnect(): void {
    this.socket.close(1000, 'bye');
    this.handle.closed();
  }
}

/** A y-websocket sync "update" frame carrying `update`, as a client sends it. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}
