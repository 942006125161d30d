import { describe, expect, it } from 'vitest';
import type { BoardSnapshot } from '../../src/storage/contracts/historyTypes.js';
import { metaUpdate, standaloneBoard, T0 } from './fixtures.js';
import { type StorageFactory, useStorage } from './useStorage.js';

/** Board history: snapshots kept per board, listed newest first, read back byte for byte, thinned. */
export function historyContract(factory: StorageFactory): void {
  describe('storage contract: board history', () => {
    const store = useStorage(factory);
    const snapshot = (id: string, boardId: string, takenAt: number, bytes: number[]): BoardSnapshot => ({
      id,
      boardId,
      takenAt,
      reason: 'activity',
      noteCount: bytes.length,
      writerCount: 2,
      data: new Uint8Array(bytes),
    });

    it('keeps snapshots per board, newest first, and returns their bytes exactly', async () => {
      await store().createBoard(standaloneBoard('board-a1', T0), metaUpdate('a'));
      await store().createBoard(standaloneBoard('board-b1', T0), metaUpdate('b'));
      const h = store().history;
      await h.addSnapshot(snapshot('s-old', 'board-a1', T0 + 1, [1, 2, 3]));
      await h.addSnapshot({ ...snapshot('s-new', 'board-a1', T0 + 2, [0, 255, 7, 0]), reason: 'before-restore' });
      await h.addSnapshot(snapshot('s-other', 'board-b1', T0 + 3, [9]));

      expect(await h.listSnapshots('board-a1')).toEqual([
        { id: 's-new', boardId: 'board-a1', takenAt: T0 + 2, reason: 'before-restore', noteCount: 4, writerCount: 2 },
        { id: 's-old', boardId: 'board-a1', takenAt: T0 + 1, reason: 'activity', noteCount: 3, writerCount: 2 },
      ]);
      const read = await h.getSnapshot('board-a1', 's-new');
      expect(read && [...read.data]).toEqual([0, 255, 7, 0]);
      expect(read?.reason).toBe('before-restore');
      // A snapshot is only found through its own board.
      expect(await h.getSnapshot('board-b1', 's-new')).toBeNull();
      expect(await h.getSnapshot('board-a1', 'nope')).toBeNull();
    });

    it('deletes only the named snapshots of the named board', async () => {
      await store().createBoard(standaloneBoard('board-a1', T0), metaUpdate('a'));
      await store().createBoard(standaloneBoard('board-b1', T0), metaUpdate('b'));
      const h = store().history;
      await h.addSnapshot(snapshot('s1', 'board-a1', T0 + 1, [1]));
      await h.addSnapshot(snapshot('s2', 'board-a1', T0 + 2, [2]));
      await h.addSnapshot(snapshot('s3', 'board-b1', T0 + 3, [3]));
      await h.deleteSnapshots('board-a1', ['s1', 's3']);
      await h.deleteSnapshots('board-a1', []);
      expect((await h.listSnapshots('board-a1')).map((s) => s.id)).toEqual(['s2']);
      expect((await h.listSnapshots('board-b1')).map((s) => s.id)).toEqual(['s3']);
    });

    it("replaces a snapshot's bytes and nothing else", async () => {
      await store().createBoard(standaloneBoard('board-a1', T0), metaUpdate('a'));
      const h = store().history;
      await h.addSnapshot(snapshot('s1', 'board-a1', T0 + 1, [1, 2, 3]));
      await h.replaceSnapshotData('board-a1', 's1', new Uint8Array([4, 0, 5]));
      await h.replaceSnapshotData('board-other', 's1', new Uint8Array([9]));
      const read = await h.getSnapshot('board-a1', 's1');
      expect(read && [...read.data]).toEqual([4, 0, 5]);
      expect(read).toMatchObject({ takenAt: T0 + 1, noteCount: 3, writerCount: 2, reason: 'activity' });
    });

    it('refuses a snapshot of a board that does not exist', async () => {
      await expect(store().history.addSnapshot(snapshot('s1', 'no-such-board', T0, [1]))).rejects.toThrow();
      expect(await store().history.listSnapshots('no-such-board')).toEqual([]);
    });
  });
}
