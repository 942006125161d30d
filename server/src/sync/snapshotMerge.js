// @ts-check
// Plain JavaScript on purpose: the compaction worker (compactionWorker.js) runs this file as it is,
// from the source tree under the test runner and from dist/ in a built server, and Node 20 runs no
// TypeScript. tsc (allowJs) copies both files to dist/.
import * as Y from 'yjs';

/**
 * A compaction's merge: a doc's stored parts (snapshot, then log) applied in order to a fresh
 * garbage-collected doc, encoded as one update, so deleted content is not carried into the snapshot.
 * A part that does not apply throws (the caller keeps the log as it was).
 *
 * @param {readonly Uint8Array[]} parts
 * @returns {Uint8Array}
 */
export function mergeForSnapshot(parts) {
  return mergeCounting(parts, null).state;
}

/**
 * The same merge, and how many keys the root map `countKeysOf` has in the result (a board's notes,
 * for its history's list), counted while the doc is built anyway. `keys` is 0 without a map name.
 *
 * @param {readonly Uint8Array[]} parts
 * @param {string | null} countKeysOf
 * @returns {{ state: Uint8Array, keys: number }}
 */
export function mergeCounting(parts, countKeysOf) {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      for (const part of parts) Y.applyUpdate(doc, part);
    });
    return { state: Y.encodeStateAsUpdate(doc), keys: countKeysOf ? doc.getMap(countKeysOf).size : 0 };
  } finally {
    doc.destroy();
  }
}

/**
 * Parts packed into one buffer (what crosses to the worker, transferred rather than copied twice).
 *
 * @param {readonly Uint8Array[]} parts
 * @returns {{ buffer: ArrayBuffer, lengths: number[] }}
 */
export function packParts(parts) {
  let total = 0;
  for (const part of parts) total += part.byteLength;
  const packed = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    packed.set(part, offset);
    offset += part.byteLength;
  }
  return { buffer: packed.buffer, lengths: parts.map((part) => part.byteLength) };
}

/**
 * @param {ArrayBuffer} buffer
 * @param {readonly number[]} lengths
 * @returns {Uint8Array[]}
 */
export function unpackParts(buffer, lengths) {
  const parts = [];
  let offset = 0;
  for (const length of lengths) {
    parts.push(new Uint8Array(buffer, offset, length));
    offset += length;
  }
  return parts;
}
