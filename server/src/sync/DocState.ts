import * as Y from 'yjs';

/**
 * A room's document, held either *cold* — one encoded Yjs update, about the size
 * it takes on disk — or *live* as a Y.Doc, which costs an order of magnitude more
 * memory. Readers are served from either: Yjs can compute a state vector and a
 * diff straight from the encoded form. Only writes need the live doc (Yjs is the
 * final validator of every update), so a doc that is only being read never
 * becomes live, and a live doc goes cold again once writing stops.
 */
export class DocState {
  private doc: Y.Doc | null = null;
  private encoded: Uint8Array;
  private coldStateVector: Uint8Array | null = null;

  constructor(private readonly onLiveUpdate: (update: Uint8Array) => void) {
    const empty = new Y.Doc();
    this.encoded = Y.encodeStateAsUpdate(empty);
    empty.destroy();
  }

  get isLive(): boolean {
    return this.doc !== null;
  }

  /** Replaces the state with a stored one (a clean, merged update), cold. */
  reset(encoded: Uint8Array): void {
    this.doc?.destroy();
    this.doc = null;
    this.encoded = encoded;
    this.coldStateVector = null;
  }

  stateVector(): Uint8Array {
    if (this.doc) return Y.encodeStateVector(this.doc);
    this.coldStateVector ??= Y.encodeStateVectorFromUpdate(this.encoded);
    return this.coldStateVector;
  }

  /** Everything the holder of `stateVector` is missing. */
  diff(stateVector: Uint8Array): Uint8Array {
    if (this.doc) return Y.encodeStateAsUpdate(this.doc, stateVector);
    // A client that has nothing (every fresh page load) gets the encoded state as it is.
    if (isEmptyStateVector(stateVector)) return this.encoded;
    return Y.diffUpdate(this.encoded, stateVector);
  }

  /** The live doc, built from the cold state on first use. Its updates reach `onLiveUpdate`. */
  live(): Y.Doc {
    if (this.doc) return this.doc;
    const doc = new Y.Doc({ gc: true });
    Y.applyUpdate(doc, this.encoded);
    doc.on('update', (update: Uint8Array) => this.onLiveUpdate(update));
    this.doc = doc;
    this.coldStateVector = null;
    // While live, the doc answers everything; the encoded state is rebuilt when it goes cold.
    this.encoded = EMPTY_STATE;
    return doc;
  }

  /** The whole state as one clean update (what a snapshot holds). */
  encodedState(): Uint8Array {
    return this.doc ? Y.encodeStateAsUpdate(this.doc) : this.encoded;
  }

  /** Back to the compact encoded form. */
  makeCold(): void {
    if (!this.doc) return;
    this.encoded = Y.encodeStateAsUpdate(this.doc);
    this.doc.destroy();
    this.doc = null;
  }

  destroy(): void {
    this.doc?.destroy();
    this.doc = null;
  }
}

/** The encoding of an empty doc: no structs, no deletions. */
const EMPTY_STATE = new Uint8Array([0, 0]);

/** An encoded state vector with no clients: a single varint 0. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0;
}

/** Bytes of updates Yjs holds back because something they build on has not arrived. */
export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0);
}
