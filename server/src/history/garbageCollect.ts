import * as Y from 'yjs';

/**
 * A document state with deleted content gone. Yjs keeps deleted text in an encoded
 * update (merging updates, `Y.mergeUpdates`, keeps it too) until the state passes
 * through a doc with `gc: true`, which replaces deleted content by its length. That is
 * what readers must be served and what snapshots must hold: a deleted note's text or a
 * hidden question's must not reach someone who opens the document later.
 */
export function garbageCollected(state: Uint8Array): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, state);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
