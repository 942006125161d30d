// @ts-check
// The compaction worker's thread (see SnapshotMerger.ts): merges the parts it is sent and sends the
// result back, transferring the buffers both ways. A failed merge is answered with its message.
import { parentPort } from 'node:worker_threads';
import { mergeCounting, unpackParts } from './snapshotMerge.js';

if (!parentPort) throw new Error('compactionWorker.js runs only as a worker thread');
const port = parentPort;

port.on(
  'message',
  (/** @type {{ id: number, buffer: ArrayBuffer, lengths: number[], countKeysOf: string | null }} */ job) => {
    try {
      const { state: merged, keys } = mergeCounting(unpackParts(job.buffer, job.lengths), job.countKeysOf ?? null);
      // Its own buffer, exactly its size, so the transfer moves nothing else.
      const state = merged.byteOffset === 0 && merged.byteLength === merged.buffer.byteLength ? merged : merged.slice();
      port.postMessage({ id: job.id, state, keys }, [/** @type {ArrayBuffer} */ (state.buffer)]);
    } catch (error) {
      port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  },
);
