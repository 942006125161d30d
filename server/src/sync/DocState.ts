import * as Y from 'yjs';
import type { DocIndex } from './types.js';

/**
 * A room's document, held either *cold* — one encoded Yjs update, about the size
 * it takes on disk — or *live* as a Y.Doc, which costs an order of magnitude more
 * memory. Readers are served from either: Yjs can compute a state vector and a
 * diff straight from the encoded form. Only writes need the live doc (Yjs is the
 * final validator of every update), so a doc that is only being read never
 * becomes live, and a live doc goes cold again once writing stops.
 *
 * A third form, *indexed*, serves writes without a Y.Doc where the writers' guard can judge
 * from a structure index (notes boards, `UpdateGuard.indexed`): the encoded state, the
 * accepted updates since it was last merged (merged into it lazily with `Y.mergeUpdates`),
 * and the index (a few dozen bytes per struct against a Y.Doc's ~450). Anything the index
 * cannot serve makes the doc live as before; going cold drops the index.
 */
export class DocState {
  private doc: Y.Doc | null = null;
  private encoded: Uint8Array;
  private coldStateVector: Uint8Array | null = null;
  private structIndex: DocIndex | null = null;
  /** Accepted updates not yet merged into `encoded`, oldest first, and their bytes. */
  private appended: Uint8Array[] = [];
  private appendedBytes = 0;
  /** Moves on with every change of state (an update taken in, a reset, going live): see `changes`. */
  private changeCount = 0;
  /** Whether held updates are being merged into the encoded state away from this thread. */
  private mergingAway = false;

  /**
   * @param mergeAway merges parts into one (garbage-collected) state off the relay's thread: held
   *   updates are merged there, so a big board's merge never stalls the relay. Without it they are
   *   merged here.
   */
  constructor(
    private readonly onLiveUpdate: (update: Uint8Array) => void,
    private readonly mergeAway?: (parts: readonly Uint8Array[]) => Promise<Uint8Array>,
  ) {
    const empty = new Y.Doc();
    this.encoded = Y.encodeStateAsUpdate(empty);
    empty.destroy();
  }

  get isLive(): boolean {
    return this.doc !== null;
  }

  /**
   * A mark that moves whenever the state may have changed. Compaction takes it before it reads
   * storage and hands it back with the clean result (`compacted`): the same mark means nothing
   * was taken in meanwhile, without encoding the state on the relay's thread to compare.
   */
  get changes(): number {
    return this.changeCount;
  }

  /** Whether writes are being judged from an index (no live doc). */
  get isIndexed(): boolean {
    return this.structIndex !== null;
  }

  /** The index, built from the encoded state on first use by `build`. Not while live. */
  index(build: (encoded: Uint8Array) => DocIndex): DocIndex {
    if (this.doc) throw new Error('DocState.index: the doc is live');
    this.structIndex ??= build(this.encodedState());
    return this.structIndex;
  }

  /**
   * An accepted update (the index has taken it in): held beside the encoded state until the
   * next read of the whole state, or until they add up to an eighth of it: then they are merged
   * into it (away from this thread when it can) and the index sheds the spare room it grew.
   */
  append(update: Uint8Array): void {
    this.changeCount++;
    this.appended.push(update);
    this.appendedBytes += update.byteLength;
    this.coldStateVector = null;
    if (this.appendedBytes <= Math.max(this.encoded.byteLength / 8, 32 * 1024)) return;
    if (this.mergeAway) this.mergeHeldAway(this.mergeAway);
    else this.mergeAppended();
  }

  /**
   * Merges the encoded state and the updates held now on the merge worker; what arrives meanwhile
   * stays held. The result is taken only if the state is still that one plus those updates (a read
   * that merged here, a reset, a compaction or going live meanwhile make it moot). A failed merge
   * leaves everything held, for the next read to merge here.
   */
  private mergeHeldAway(mergeAway: (parts: readonly Uint8Array[]) => Promise<Uint8Array>): void {
    if (this.mergingAway) return;
    this.mergingAway = true;
    const base = this.encoded;
    const held = this.appended;
    const taken = held.length;
    const takenBytes = this.appendedBytes;
    mergeAway([base, ...held])
      .then(
        (merged) => {
          // `held` is only ever pushed to while it is the held list: still it means nothing was dropped.
          if (this.doc || this.encoded !== base || this.appended !== held) return;
          this.encoded = merged;
          this.appended = this.appended.slice(taken);
          this.appendedBytes -= takenBytes;
          this.coldStateVector = null;
          this.structIndex?.trim();
        },
        () => {},
      )
      .finally(() => {
        this.mergingAway = false;
      });
  }

  /** Merges the held updates into the encoded state; the index then sheds the spare room it grew meanwhile. */
  private mergeAppended(): void {
    if (this.appended.length === 0) return;
    this.encoded = Y.mergeUpdates([this.encoded, ...this.appended]);
    this.appended = [];
    this.appendedBytes = 0;
    this.structIndex?.trim();
  }

  /** Replaces the state with a stored one (a clean, merged update), cold. */
  reset(encoded: Uint8Array): void {
    this.changeCount++;
    this.doc?.destroy();
    this.doc = null;
    this.encoded = encoded;
    this.coldStateVector = null;
    this.dropIndex();
  }

  /**
   * The same state, garbage-collected by compaction: served from now on, unless the state changed
   * since `changes` was `at` (or went live). The caller vouches that everything held at `at` was
   * stored, so `clean` holds it all, updates not yet merged in included. An index is kept: it
   * describes the same structs, and knows more of the collected ones.
   */
  compacted(clean: Uint8Array, at: number): void {
    if (this.doc || at !== this.changeCount) return;
    this.encoded = clean;
    this.appended = [];
    this.appendedBytes = 0;
    this.coldStateVector = null;
    this.structIndex?.trim();
  }

  private dropIndex(): void {
    this.structIndex = null;
    this.appended = [];
    this.appendedBytes = 0;
  }

  stateVector(): Uint8Array {
    if (this.doc) return Y.encodeStateVector(this.doc);
    if (this.structIndex) return this.structIndex.stateVector();
    this.coldStateVector ??= Y.encodeStateVectorFromUpdate(this.encoded);
    return this.coldStateVector;
  }

  /** Everything the holder of `stateVector` is missing. */
  diff(stateVector: Uint8Array): Uint8Array {
    if (this.doc) return Y.encodeStateAsUpdate(this.doc, stateVector);
    this.mergeAppended();
    // A client that has nothing (every fresh page load) gets the encoded state as it is.
    if (isEmptyStateVector(stateVector)) return this.encoded;
    return Y.diffUpdate(this.encoded, stateVector);
  }

  /** The live doc, built from the cold state on first use. Its updates reach `onLiveUpdate`. */
  live(): Y.Doc {
    if (this.doc) return this.doc;
    this.changeCount++;
    const doc = new Y.Doc({ gc: true });
    this.mergeAppended();
    this.structIndex = null;
    Y.applyUpdate(doc, this.encoded);
    doc.on('update', (update: Uint8Array) => this.onLiveUpdate(update));
    this.doc = doc;
    this.coldStateVector = null;
    // While live, the doc answers everything; the encoded state is rebuilt when it goes cold.
    this.encoded = EMPTY_STATE;
    return doc;
  }

  /**
   * The whole state as parts to apply in order — the encoded state and the updates held beside it —
   * without merging them here (a big board's merge would hold the relay's thread).
   */
  parts(): Uint8Array[] {
    if (this.doc) return [Y.encodeStateAsUpdate(this.doc)];
    return [this.encoded, ...this.appended];
  }

  /** The whole state as one clean update (what a snapshot holds). */
  encodedState(): Uint8Array {
    if (this.doc) return Y.encodeStateAsUpdate(this.doc);
    this.mergeAppended();
    return this.encoded;
  }

  /** Back to the compact encoded form (an indexed doc drops its index). */
  makeCold(): void {
    if (!this.doc) {
      this.mergeAppended();
      this.dropIndex();
      return;
    }
    this.encoded = Y.encodeStateAsUpdate(this.doc);
    this.doc.destroy();
    this.doc = null;
  }

  destroy(): void {
    this.doc?.destroy();
    this.doc = null;
    this.dropIndex();
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
