import type { Duplex } from 'node:stream';
import { CloseCode } from '@samle/shared';
import type { WebSocket } from 'ws';
import * as wsModule from 'ws';
import type { ConnectionHandle, SyncSocket } from './types.js';

/**
 * Server frames are not masked, so one framed message (header + payload) is the
 * same bytes for every client. The relay hands the same frame object to every
 * recipient of a broadcast; framing it once and writing the bytes straight to
 * each TCP socket saves ws a header and a second write per recipient.
 */
const framedOnce = new WeakMap<Uint8Array, Buffer>();

/** ws exports its frame encoder (ws/lib/sender.js) but @types/ws does not declare it. */
const { Sender } = wsModule as unknown as {
  Sender: {
    frame(
      data: Buffer,
      options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean },
    ): Buffer[];
  };
};

function framed(frame: Uint8Array): Buffer {
  let bytes = framedOnce.get(frame);
  if (!bytes) {
    const payload = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
    bytes = Buffer.concat(Sender.frame(payload, { fin: true, opcode: 2, mask: false, readOnly: true, rsv1: false }));
    framedOnce.set(frame, bytes);
  }
  return bytes;
}

/** The TCP socket under a ws connection, when writing to it directly is safe (no extension transforms frames). */
function rawSocketOf(socket: WebSocket): Duplex | null {
  // biome-ignore lint/suspicious/noExplicitAny: ws keeps its net.Socket in a private field; checked below.
  const raw = (socket as any)._socket as Duplex | undefined;
  return socket.extensions === '' && raw && typeof raw.write === 'function' ? raw : null;
}

/** Adapts a `ws` socket to the relay's SyncSocket. */
function toSyncSocket(socket: WebSocket): SyncSocket {
  const raw = rawSocketOf(socket);
  return {
    send: raw ? (frame) => void raw.write(framed(frame)) : (frame) => socket.send(frame, { binary: true }),
    close: (code, reason) => socket.close(code, reason),
    isOpen: () => socket.readyState === socket.OPEN,
    bufferedAmount: () => socket.bufferedAmount,
  };
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Wires an accepted `ws` socket to the relay: `connect` receives it as a SyncSocket, and every
 * binary frame goes to the handle it returns, in order. Call it synchronously when the socket
 * is accepted, before anything awaits, so no frame is missed. A text frame closes the socket.
 */
export function attachWebSocket(
  socket: WebSocket,
  connect: (socket: SyncSocket) => ConnectionHandle,
  events: { closed(): void; error(error: Error): void },
): void {
  const handle = connect(toSyncSocket(socket));
  socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
    if (!isBinary) {
      socket.close(CloseCode.MalformedMessage, 'text frames are not part of the protocol');
      return;
    }
    handle.receive(toBytes(data));
  });
  socket.on('close', () => {
    events.closed();
    handle.closed();
  });
  socket.on('error', events.error);
}
