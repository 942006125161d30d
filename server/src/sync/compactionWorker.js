// @ts-check
// The compaction worker's thread (see SnapshotMerger.ts): merges the parts it is sent and sends the
// result back, transferring the buffers both ways. A failed merge is answered with its message.
import { parentPort } from 'node:worker_threads';
import { mergeForSnapshot, unpackParts } from './snapshotMerge.js';

if (!parentPort) throw new Error('compactionWorker.js runs only as a worker thread');
const port = parentPort;

port.on('message', (/** @type {{ id: number, buffer: ArrayBuffer, lengths: number[] }} */ job) => {
  try {
    const merged = mergeForSnapshot(unpackParts(job.buffer, job.lengths));
    // Its own buffer, exactly its size, so the transfer moves nothing else.
    const state = merged.byteOffset === 0 && merged.byteLength === merged.buffer.byteLength ? merged : merged.slice();
    port.postMessage({ id: job.id, state }, [/** @type {ArrayBuffer} */ (state.buffer)]);
  } catch (error) {
    port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
