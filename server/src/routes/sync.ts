import { BoardIdSchema, CloseCode, SYNC_PATH } from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { Relay } from '../sync/Relay.js';
import type { SyncSocket } from '../sync/types.js';

/** Adapts a `ws` socket to the relay's SyncSocket. */
function toSyncSocket(socket: WebSocket): SyncSocket {
  return {
    send: (frame) => socket.send(frame, { binary: true }),
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

/** `/sync/:docId`: the standard y-websocket protocol, one Yjs doc per board. */
export async function syncRoutes(app: FastifyInstance, options: { relay: Relay }): Promise<void> {
  const { relay } = options;
  app.get(
    `${SYNC_PATH}/:docId`,
    { websocket: true, schema: { params: Type.Object({ docId: BoardIdSchema }) } },
    (socket, request) => {
      const { docId } = request.params as { docId: string };
      // Listeners are attached synchronously, before anything awaits: no frame can be missed.
      const handle = relay.connect(docId, toSyncSocket(socket), { canWrite: true });
      socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
        if (!isBinary) {
          socket.close(CloseCode.MalformedMessage, 'text frames are not part of the protocol');
          return;
        }
        handle.receive(toBytes(data));
      });
      socket.on('close', () => handle.closed());
      socket.on('error', (error) => request.log.warn({ err: error, docId }, 'sync socket error'));
    },
  );
}
