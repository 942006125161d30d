import type {
  CompactionFence,
  CompactionResult,
  DocStore,
  StoredDoc,
  UpdateAppend,
} from '../../src/storage/contracts/types.js';

/** A promise the test resolves by hand. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/**
 * Wraps a real store so a test can hold loads and appends, make them fail, and
 * count every write. Only the timing and failures are injected; data goes to the real store.
 */
export class ControlledStore implements DocStore {
  loadGate: Promise<void> | null = null;
  appendGate: Promise<void> | null = null;
  failLoads = false;
  failAppends = false;
  loads = 0;
  appendCalls = 0;
  appendedUpdates = 0;
  /** Compactions that merged something into a snapshot. */
  compactions = 0;
  /** Holds a compaction between its merge and its write (appends go on meanwhile). */
  mergeGate: Promise<void> | null = null;
  private readonly mergeWaiters: Array<() => void> = [];
  readonly appendWaiters: Array<() => void> = [];

  constructor(private readonly inner: DocStore) {}

  async loadDoc(docId: string): Promise<StoredDoc | null> {
    this.loads++;
    if (this.loadGate) await this.loadGate;
    if (this.failLoads) throw new Error('injected load failure');
    return this.inner.loadDoc(docId);
  }

  async appendUpdates(entries: readonly UpdateAppend[]): Promise<void> {
    this.appendCalls++;
    for (const waiter of this.appendWaiters.splice(0)) waiter();
    if (this.appendGate) await this.appendGate;
    if (this.failAppends) throw new Error('injected append failure');
    await this.inner.appendUpdates(entries);
    this.appendedUpdates += entries.length;
  }

  /** Resolves when the next compaction's merge is done (before its write). */
  nextMerge(): Promise<void> {
    return new Promise((resolve) => this.mergeWaiters.push(resolve));
  }

  /** Resolves at the next call of appendUpdates (before it is stored). */
  nextAppend(): Promise<void> {
    return new Promise((resolve) => this.appendWaiters.push(resolve));
  }

  listDocs(prefix: string): Promise<string[]> {
    return this.inner.listDocs(prefix);
  }

  ensureDoc(docId: string, createdAt: number): Promise<void> {
    return this.inner.ensureDoc(docId, createdAt);
  }

  async compactDoc(
    docId: string,
    merge: (parts: Uint8Array[]) => Uint8Array | Promise<Uint8Array>,
    fence?: CompactionFence,
  ): Promise<CompactionResult | null> {
    const result = await this.inner.compactDoc(
      docId,
      async (parts) => {
        const merged = await merge(parts);
        for (const waiter of this.mergeWaiters.splice(0)) waiter();
        if (this.mergeGate) await this.mergeGate;
        return merged;
      },
      fence,
    );
    if (result) this.compactions++;
    return result;
  }

  async acquireCompactionLease(docId: string, holder: string, ttlMs: number): Promise<CompactionFence | null> {
    if (!this.inner.acquireCompactionLease) throw new Error('the inner store has no compaction leases');
    return this.inner.acquireCompactionLease(docId, holder, ttlMs);
  }

  async releaseCompactionLease(fence: CompactionFence): Promise<void> {
    await this.inner.releaseCompactionLease?.(fence);
  }
}
