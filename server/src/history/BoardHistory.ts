import { createHash } from 'node:crypto';
import { isMadeOnDemand, NOTES_ROOT, notesOf } from '@samle/shared';
import * as Y from 'yjs';
import type { BoardSnapshot, BoardSnapshotInfo, SnapshotReason } from '../storage/contracts/historyTypes.js';
import type { Storage } from '../storage/contracts/types.js';
import type { Relay } from '../sync/Relay.js';
import type { RelayLogger } from '../sync/types.js';
import { newId } from '../workshops/plan.js';
import { withoutAuthors } from './boardRestore.js';
import { snapshotsToDrop } from './retention.js';

export interface BoardHistoryOptions {
  storage: Pick<Storage, 'history' | 'getBoard'>;
  logger: RelayLogger;
  /** Least time between two activity snapshots of one board (default 5 minutes). */
  intervalMs: number;
  now?: () => number;
}

/** What the history keeps in memory per board it has seen written. */
interface Tracked {
  lastTakenAt: number;
  /** Digest of the last snapshot's bytes, so an unchanged board is not snapshotted twice. */
  lastDigest: string | null;
  /** The last snapshot stored, which stands for the board while it has not changed. */
  last: BoardSnapshotInfo | null;
  writers: Set<string>;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Takes restorable snapshots of boards: on the first write after a quiet spell, then at
 * most once per `intervalMs` while writes keep coming (and once more after the last one),
 * and when asked — before a reveal, at session end, before a compaction, before a restore.
 * Snapshots are garbage-collected states; after each, old ones are thinned (retention.ts).
 * A failed snapshot is logged and never fails the write or command that prompted it.
 */
export class BoardHistory {
  private readonly tracked = new Map<string, Tracked>();
  /** One snapshot at a time per board, in order. */
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly isBoard = new Map<string, Promise<boolean>>();
  /** Writes stored whose board check is still under way (their snapshot timer is not set yet). */
  private readonly noting = new Set<Promise<void>>();
  private relay: Relay | null = null;
  private readonly now: () => number;

  constructor(private readonly options: BoardHistoryOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The relay is made with this history's hooks, so it is attached afterwards. */
  attach(relay: Relay): void {
    this.relay = relay;
  }

  /** The relay's hooks (see RelayOptions.history). */
  readonly hooks = {
    stored: (docId: string, writers: string[]): void => {
      if (isMadeOnDemand(docId)) return;
      const noted = this.boardExists(docId).then((exists) => {
        if (exists) this.noteActivity(docId, writers);
      });
      // flush() waits for these: a write stored just before it must get its snapshot too.
      this.noting.add(noted);
      void noted.finally(() => this.noting.delete(noted));
    },
    /**
     * Every write since the last snapshot has an activity snapshot waiting for its interval (or one
     * under way); a board without one has not changed since, so its last snapshot already holds it.
     * Compaction takes the waiting one now, instead of adding one more.
     */
    beforeCompaction: (docId: string): void => {
      if (this.tracked.get(docId)?.timer) void this.take(docId, 'compaction');
    },
  };

  /**
   * Takes a snapshot of the board as it is now. Resolves with it — or, when the board has not
   * changed since its last snapshot, with that one — or with null when it failed (logged).
   */
  take(boardId: string, reason: SnapshotReason): Promise<BoardSnapshotInfo | null> {
    const entry = this.tracked.get(boardId);
    if (entry?.timer) {
      clearTimeout(entry.timer);
      entry.timer = undefined;
    }
    return this.enqueue(boardId, async () => this.store(boardId, reason, await this.capture(boardId)));
  }

  /**
   * Removes authors from every kept snapshot of the board, once it has been made anonymous:
   * the names must not stay in its history either. Resolves with how many were rewritten;
   * rejects when that failed (the caller reports it rather than claim the names are gone).
   */
  forgetAuthors(boardId: string): Promise<number> {
    const previous = this.chains.get(boardId) ?? Promise.resolve();
    const run = previous.then(async () => {
      const { history } = this.options.storage;
      let rewritten = 0;
      for (const info of await history.listSnapshots(boardId)) {
        const snapshot = await history.getSnapshot(boardId, info.id);
        const stripped = snapshot ? withoutAuthors(snapshot.data) : null;
        if (!stripped) continue;
        await history.replaceSnapshotData(boardId, info.id, stripped);
        rewritten++;
      }
      const entry = this.tracked.get(boardId);
      if (entry) entry.lastDigest = null;
      return rewritten;
    });
    this.chains.set(
      boardId,
      run.catch(() => null),
    );
    return run;
  }

  /** Takes every snapshot that waits for its interval now, and resolves when all are stored (tests, shutdown). */
  async flush(): Promise<void> {
    await Promise.all(this.noting);
    for (const [boardId, entry] of this.tracked) {
      if (entry.timer) void this.take(boardId, 'activity');
    }
    await Promise.all(this.chains.values());
  }

  /** Stops the interval timers (the server is shutting down). */
  stop(): void {
    for (const entry of this.tracked.values()) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = undefined;
    }
  }

  private noteActivity(boardId: string, writers: string[]): void {
    let entry = this.tracked.get(boardId);
    if (!entry) {
      entry = {
        lastTakenAt: Number.NEGATIVE_INFINITY,
        lastDigest: null,
        last: null,
        writers: new Set(),
        timer: undefined,
      };
      this.tracked.set(boardId, entry);
    }
    for (const writer of writers) entry.writers.add(writer);
    if (entry.timer) return;
    const wait = Math.max(0, entry.lastTakenAt + this.options.intervalMs - this.now());
    entry.timer = setTimeout(() => {
      if (entry) entry.timer = undefined;
      void this.take(boardId, 'activity');
    }, wait);
    entry.timer.unref();
  }

  /**
   * The board's state, garbage-collected, and its note count. A board being written is live in the
   * relay as a gc: true doc, whose encoding is already clean: it is encoded as it is. Otherwise the
   * relay rebuilds it on its merge worker (a fresh gc: true doc, which drops the deleted content its
   * stored form may still hold): a large board's copy built here would stall the relay.
   */
  private async capture(boardId: string): Promise<{ data: Uint8Array; noteCount: number }> {
    const relay = this.relay;
    if (!relay) throw new Error('BoardHistory.capture: no relay attached');
    let captured: { data: Uint8Array; noteCount: number } | null = null;
    relay.withRoom(boardId, (room) => {
      if (!room.content.isLive) return;
      const doc = room.content.live();
      captured = { data: Y.encodeStateAsUpdate(doc), noteCount: notesOf(doc).size };
    });
    if (captured) return captured;
    const { state, keys } = await relay.cleanState(boardId, NOTES_ROOT);
    return { data: state, noteCount: keys };
  }

  private async store(
    boardId: string,
    reason: SnapshotReason,
    { data, noteCount }: { data: Uint8Array; noteCount: number },
  ): Promise<BoardSnapshotInfo | null> {
    // Not the state vector: deleting notes adds no structs, so it does not change it.
    const digest = createHash('sha256').update(data).digest('base64');
    const entry = this.tracked.get(boardId) ?? {
      lastTakenAt: Number.NEGATIVE_INFINITY,
      lastDigest: null,
      last: null,
      writers: new Set<string>(),
      timer: undefined,
    };
    this.tracked.set(boardId, entry);
    entry.lastTakenAt = this.now();
    if (entry.lastDigest === digest) return entry.last;
    const snapshot: BoardSnapshot = {
      id: newId(),
      boardId,
      takenAt: this.now(),
      reason,
      noteCount,
      writerCount: entry.writers.size,
      data,
    };
    const { history } = this.options.storage;
    await history.addSnapshot(snapshot);
    const { data: _bytes, ...info } = snapshot;
    entry.lastDigest = digest;
    entry.last = info;
    entry.writers.clear();
    const drop = snapshotsToDrop(await history.listSnapshots(boardId), this.now());
    if (drop.length > 0) await history.deleteSnapshots(boardId, drop);
    return info;
  }

  private enqueue<T>(boardId: string, work: () => Promise<T | null>): Promise<T | null> {
    const previous = this.chains.get(boardId) ?? Promise.resolve();
    const run = previous.then(work).catch((error: unknown) => {
      this.options.logger.error({ err: error, boardId }, 'board snapshot failed; the board itself is unaffected');
      return null;
    });
    this.chains.set(boardId, run);
    void run.then(() => {
      if (this.chains.get(boardId) === run) this.chains.delete(boardId);
    });
    return run;
  }

  private boardExists(docId: string): Promise<boolean> {
    let known = this.isBoard.get(docId);
    if (!known) {
      known = this.options.storage.getBoard(docId).then(
        (board) => board !== null,
        (error: unknown) => {
          this.options.logger.warn({ err: error, docId }, 'could not tell whether a document is a board');
          this.isBoard.delete(docId);
          return false;
        },
      );
      this.isBoard.set(docId, known);
    }
    return known;
  }
}
