import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { accessContract } from './contractAccess.js';
import { afterDecisionContract } from './contractAfterDecision.js';
import { historyContract } from './contractHistory.js';
import { postsContract } from './contractPosts.js';
import { voteContract } from './contractVotes.js';
import { workshopContract } from './contractWorkshops.js';
import { docFrom, editor, metaUpdate, standaloneBoard, T0 } from './fixtures.js';
import { type StorageFactory, useStorage } from './useStorage.js';

export type { StorageFactory } from './useStorage.js';

/**
 * What every storage adapter must do, as the relay and the API rely on it. Registers
 * vitest suites; call it from one test file per adapter.
 */
export function storageContract(factory: StorageFactory): void {
  docContract(factory);
  workshopContract(factory);
  voteContract(factory);
  postsContract(factory);
  historyContract(factory);
  accessContract(factory);
  afterDecisionContract(factory);
}

const mergeUpdates = (parts: Uint8Array[]) => Y.mergeUpdates(parts);

function docContract(factory: StorageFactory): void {
  describe('storage contract: documents', () => {
    const store = useStorage(factory);

    async function boardWithEdits(id: string, edits: number) {
      const author = editor(7);
      author.doc.getMap('meta').set('title', id);
      const initial = Y.encodeStateAsUpdate(author.doc);
      author.updates.length = 0;
      await store().createBoard(standaloneBoard(id, T0), initial);
      for (let i = 0; i < edits; i++) author.set(`n${i}`, `note ${i}`);
      await store().appendUpdates(author.updates.map((update) => ({ docId: id, update })));
      return { author, initial };
    }

    describe('load, append', () => {
      it('loads a doc that does not exist as null, and loading creates nothing', async () => {
        expect(await store().loadDoc('nope')).toBeNull();
        expect(await store().loadDoc('nope')).toBeNull();
        expect(await store().getBoard('nope')).toBeNull();
        expect(await store().listBoards()).toEqual([]);
        // Had loading created the doc, an append to it would now succeed.
        await expect(store().appendUpdates([{ docId: 'nope', update: metaUpdate('x') }])).rejects.toThrow();
        expect(await store().compactDoc('nope', mergeUpdates)).toBeNull();
      });

      it('creates a board with its doc and first update', async () => {
        const initial = metaUpdate('Retro');
        await store().createBoard(standaloneBoard('b1', T0), initial);
        expect(await store().loadDoc('b1')).toEqual({ snapshot: null, updates: [initial], bytes: initial.byteLength });
        expect(await store().getBoard('b1')).toEqual(standaloneBoard('b1', T0));
      });

      it('lists standalone boards newest first (then by id)', async () => {
        await store().createBoard(standaloneBoard('b-old', T0), metaUpdate('old'));
        await store().createBoard(standaloneBoard('b-new-2', T0 + 1), metaUpdate('new'));
        await store().createBoard(standaloneBoard('b-new-1', T0 + 1), metaUpdate('new'));
        expect((await store().listBoards()).map((b) => b.id)).toEqual(['b-new-1', 'b-new-2', 'b-old']);
      });

      it('refuses a second board with the same id and keeps the first untouched', async () => {
        const first = metaUpdate('first');
        await store().createBoard(standaloneBoard('b1', T0), first);
        await expect(
          store().createBoard({ ...standaloneBoard('b1', T0 + 1), title: 'Other' }, metaUpdate('2')),
        ).rejects.toThrow();
        expect((await store().getBoard('b1'))?.title).toBe('Board b1');
        expect((await store().loadDoc('b1'))?.updates).toEqual([first]);
      });

      it('returns appended updates in order, and they rebuild the same doc', async () => {
        const { author, initial } = await boardWithEdits('b1', 25);
        const stored = await store().loadDoc('b1');
        expect(stored?.snapshot).toBeNull();
        expect(stored?.updates).toEqual([initial, ...author.updates]);
        expect(stored?.bytes).toBe([initial, ...author.updates].reduce((sum, u) => sum + u.byteLength, 0));
        const rebuilt = docFrom(stored ?? { snapshot: null, updates: [] });
        expect(rebuilt.getMap('notes').toJSON()).toEqual(author.doc.getMap('notes').toJSON());
        expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(author.doc));
      });

      it('keeps bytes exactly, zeros and all', async () => {
        await store().createBoard(standaloneBoard('b1', T0), metaUpdate('b1'));
        const binary = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256);
        await store().appendUpdates([
          { docId: 'b1', update: new Uint8Array([0, 0, 0]) },
          { docId: 'b1', update: binary.subarray(1) },
        ]);
        const updates = (await store().loadDoc('b1'))?.updates ?? [];
        expect(updates.slice(1)).toEqual([new Uint8Array([0, 0, 0]), binary.slice(1)]);
      });

      it('appends one batch across several docs, keeping each doc’s order; an empty batch does nothing', async () => {
        await store().createBoard(standaloneBoard('a', T0), metaUpdate('a'));
        await store().createBoard(standaloneBoard('b', T0), metaUpdate('b'));
        const u = (n: number) => new Uint8Array([n]);
        await store().appendUpdates([
          { docId: 'a', update: u(1) },
          { docId: 'b', update: u(2) },
          { docId: 'a', update: u(3) },
          { docId: 'b', update: u(4) },
        ]);
        await store().appendUpdates([]);
        expect((await store().loadDoc('a'))?.updates.slice(1)).toEqual([u(1), u(3)]);
        expect((await store().loadDoc('b'))?.updates.slice(1)).toEqual([u(2), u(4)]);
      });

      it('stores a batch all or nothing: an entry for a doc that does not exist fails the whole batch', async () => {
        const { initial } = await boardWithEdits('b1', 0);
        await store().createBoard(standaloneBoard('b2', T0), metaUpdate('b2'));
        const batch = [
          { docId: 'b1', update: new Uint8Array([1]) },
          { docId: 'b2', update: new Uint8Array([2]) },
          { docId: 'ghost', update: new Uint8Array([3]) },
          { docId: 'b1', update: new Uint8Array([4]) },
        ];
        await expect(store().appendUpdates(batch)).rejects.toThrow();
        expect((await store().loadDoc('b1'))?.updates).toEqual([initial]);
        expect((await store().loadDoc('b2'))?.updates).toHaveLength(1);
        expect(await store().loadDoc('ghost')).toBeNull();
        // The storage is still usable after the failed batch.
        await store().appendUpdates([{ docId: 'b1', update: new Uint8Array([5]) }]);
        expect((await store().loadDoc('b1'))?.updates).toEqual([initial, new Uint8Array([5])]);
      });
    });

    describe('compaction', () => {
      it('compacts the log into a snapshot, deleting exactly what it merged', async () => {
        const { author, initial } = await boardWithEdits('b1', 10);
        const logBytes = [initial, ...author.updates].reduce((sum, u) => sum + u.byteLength, 0);
        let mergedParts: Uint8Array[] = [];
        const result = await store().compactDoc('b1', (parts) => {
          mergedParts = parts;
          return Y.mergeUpdates(parts);
        });
        expect(mergedParts).toEqual([initial, ...author.updates]);
        const stored = await store().loadDoc('b1');
        expect(stored?.updates).toEqual([]);
        expect(stored?.snapshot).not.toBeNull();
        expect(result).toEqual({
          docId: 'b1',
          mergedUpdates: 11,
          mergedLogBytes: logBytes,
          bytesBefore: logBytes,
          bytesAfter: stored?.snapshot?.byteLength,
        });
        expect(stored?.bytes).toBe(stored?.snapshot?.byteLength);
        expect(
          docFrom(stored ?? { snapshot: null, updates: [] })
            .getMap('notes')
            .toJSON(),
        ).toEqual(author.doc.getMap('notes').toJSON());
      });

      it('keeps appends made after a compaction after the snapshot; the next compaction merges only those', async () => {
        const { author } = await boardWithEdits('b1', 5);
        await store().compactDoc('b1', mergeUpdates);
        const snapshot = (await store().loadDoc('b1'))?.snapshot;
        author.updates.length = 0;
        author.set('late-1', 'after');
        author.set('late-2', 'after');
        await store().appendUpdates(author.updates.map((update) => ({ docId: 'b1', update })));
        const stored = await store().loadDoc('b1');
        expect(stored?.snapshot).toEqual(snapshot);
        expect(stored?.updates).toEqual(author.updates);
        expect(
          docFrom(stored ?? { snapshot: null, updates: [] })
            .getMap('notes')
            .toJSON(),
        ).toEqual(author.doc.getMap('notes').toJSON());

        let mergedParts: Uint8Array[] = [];
        const second = await store().compactDoc('b1', (parts) => {
          mergedParts = parts;
          return Y.mergeUpdates(parts);
        });
        expect(mergedParts).toEqual([snapshot, ...author.updates]);
        expect(second?.mergedUpdates).toBe(2);
        expect(second?.bytesBefore).toBe((snapshot?.byteLength ?? 0) + (second?.mergedLogBytes ?? 0));
        expect(await store().compactDoc('b1', mergeUpdates)).toBeNull();
        const final = await store().loadDoc('b1');
        expect(final?.updates).toEqual([]);
        expect(
          docFrom(final ?? { snapshot: null, updates: [] })
            .getMap('notes')
            .toJSON(),
        ).toEqual(author.doc.getMap('notes').toJSON());
      });

      it('returns null from a second compaction with nothing new, and writes nothing', async () => {
        await boardWithEdits('b1', 3);
        expect(await store().compactDoc('b1', mergeUpdates)).not.toBeNull();
        const before = await store().loadDoc('b1');
        let called = false;
        const again = await store().compactDoc('b1', (parts) => {
          called = true;
          return Y.mergeUpdates(parts);
        });
        expect(again).toBeNull();
        expect(called).toBe(false);
        expect(await store().loadDoc('b1')).toEqual(before);
      });

      it('keeps appends made while an asynchronous merge runs (a worker) in the log, after the new snapshot', async () => {
        const { author } = await boardWithEdits('b1', 6);
        const during = editor(8);
        during.set('while-merging', 'kept');
        const result = await store().compactDoc('b1', async (parts) => {
          // The merge is away (on a worker thread); a client's update is stored meanwhile.
          await store().appendUpdates(during.updates.map((update) => ({ docId: 'b1', update })));
          return Y.mergeUpdates(parts);
        });
        expect(result?.mergedUpdates).toBe(7);
        const stored = await store().loadDoc('b1');
        expect(stored?.updates).toEqual(during.updates);
        const doc = docFrom(stored ?? { snapshot: null, updates: [] });
        expect(doc.getMap('notes').toJSON()).toEqual({
          ...author.doc.getMap('notes').toJSON(),
          'while-merging': 'kept',
        });
        // The next compaction merges only what came during the first one.
        expect((await store().compactDoc('b1', mergeUpdates))?.mergedUpdates).toBe(1);
      });

      it('writes nothing when another compaction wrote while its merge ran, and resolves null', async () => {
        const { author } = await boardWithEdits('b1', 4);
        const late = editor(9);
        late.set('late', 'after the first read');
        let inner: Promise<unknown> = Promise.resolve();
        const overtaken = await store().compactDoc('b1', async () => {
          await store().appendUpdates(late.updates.map((update) => ({ docId: 'b1', update })));
          inner = store().compactDoc('b1', mergeUpdates);
          await inner;
          return metaUpdate('a stale merge that must not be written');
        });
        expect(overtaken).toBeNull();
        expect((await inner) as { mergedUpdates: number } | null).toMatchObject({ mergedUpdates: 6 });
        const stored = await store().loadDoc('b1');
        expect(stored?.updates).toEqual([]);
        expect(
          docFrom(stored ?? { snapshot: null, updates: [] })
            .getMap('notes')
            .toJSON(),
        ).toEqual({ ...author.doc.getMap('notes').toJSON(), late: 'after the first read' });
        expect(
          docFrom(stored ?? { snapshot: null, updates: [] })
            .getMap('meta')
            .get('title'),
        ).toBe('b1');
      });

      it('keeps the old state when the merge fails', async () => {
        await boardWithEdits('b1', 4);
        const before = await store().loadDoc('b1');
        await expect(
          store().compactDoc('b1', () => {
            throw new Error('merge exploded');
          }),
        ).rejects.toThrow('merge exploded');
        expect(await store().loadDoc('b1')).toEqual(before);
        expect((await store().compactDoc('b1', mergeUpdates))?.mergedUpdates).toBe(5);
      });
    });

    describe('compaction lease (one compacting instance at a time)', () => {
      const leases = () => {
        const { acquireCompactionLease, releaseCompactionLease } = store();
        if (!acquireCompactionLease || !releaseCompactionLease)
          throw new Error('this adapter has no compaction leases');
        return {
          acquire: acquireCompactionLease.bind(store()),
          release: releaseCompactionLease.bind(store()),
        };
      };

      it('gives the lease to one holder at a time, with a higher token for every new holder', async () => {
        await boardWithEdits('b1', 2);
        const first = await leases().acquire('b1', 'instance-a', 60_000);
        expect(first).toEqual({ docId: 'b1', holder: 'instance-a', token: 1 });
        expect(await leases().acquire('b1', 'instance-b', 60_000)).toBeNull();
        if (first) await leases().release(first);
        const second = await leases().acquire('b1', 'instance-b', 60_000);
        expect(second?.token).toBe(2);
        expect(await leases().acquire('b1', 'instance-a', 60_000)).toBeNull();
      });

      it('refuses the write of a holder whose lease expired and was taken over (stale fencing token)', async () => {
        const { author } = await boardWithEdits('b1', 4);
        // A lease of 0 ms has expired by the time anyone else asks: B takes over while A still "holds" it.
        const stale = await leases().acquire('b1', 'instance-a', 0);
        const current = await leases().acquire('b1', 'instance-b', 60_000);
        expect(stale?.token).toBe(1);
        expect(current?.token).toBe(2);
        const before = await store().loadDoc('b1');
        const wrongSnapshot = metaUpdate('overwritten by a stale holder');
        await expect(store().compactDoc('b1', () => wrongSnapshot, stale ?? undefined)).rejects.toThrow(/stale/);
        // Nothing changed: the log and snapshot are as they were.
        expect(await store().loadDoc('b1')).toEqual(before);
        // The current holder compacts normally.
        const result = await store().compactDoc('b1', mergeUpdates, current ?? undefined);
        expect(result?.mergedUpdates).toBe(5);
        const stored = await store().loadDoc('b1');
        expect(
          docFrom(stored ?? { snapshot: null, updates: [] })
            .getMap('notes')
            .toJSON(),
        ).toEqual(author.doc.getMap('notes').toJSON());
      });

      it('refuses a fenced compaction when no lease was ever taken for the doc', async () => {
        await boardWithEdits('b1', 1);
        await expect(
          store().compactDoc('b1', mergeUpdates, { docId: 'b1', holder: 'instance-a', token: 1 }),
        ).rejects.toThrow(/stale/);
      });
    });
  });
}
