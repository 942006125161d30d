import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * Every byte the server sends a fresh client (one that holds nothing) up to and including
 * the answer to its sync step 1 (what a reader's first sync carries on the wire), and that answer's update.
 */
export function firstSync(wsUrl: string, docId: string, token: string): Promise<{ bytes: Buffer; update: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${wsUrl}/${docId}?token=${encodeURIComponent(token)}`);
    socket.binaryType = 'nodebuffer';
    const received: Buffer[] = [];
    socket.on('open', () => {
      const empty = new Y.Doc();
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeSyncStep1(encoder, empty);
      empty.destroy();
      socket.send(encoding.toUint8Array(encoder));
    });
    socket.on('message', (data: Buffer) => {
      received.push(data);
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const messageType = decoding.readVarUint(decoder);
      const syncType = messageType === 0 ? decoding.readVarUint(decoder) : -1;
      if (syncType === syncProtocol.messageYjsSyncStep2) {
        const update = decoding.readVarUint8Array(decoder);
        socket.close();
        resolve({ bytes: Buffer.concat(received), update });
      }
    });
    socket.on('close', (code, reason) => reject(new Error(`closed before sync step 2: ${code} ${reason.toString()}`)));
    socket.on('error', reject);
  });
}
