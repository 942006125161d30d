import type { BoardView } from '@samle/shared';
import type { KeyValueStorage } from '../api/grants';
import type { Credential } from '../api/http';

/**
 * The last board record the server gave this browser, per board, so a reload
 * while offline can still open the board from its local copy. Only used when
 * the server could not be reached — never when it refused.
 */
export const SUMMARY_PREFIX = 'samle.boardSummary.';

export interface CachedSummary {
  board: BoardView;
  credential: Credential;
}

export function rememberSummary(storage: KeyValueStorage | undefined, summary: CachedSummary): void {
  try {
    storage?.setItem(SUMMARY_PREFIX + summary.board.id, JSON.stringify(summary));
  } catch (error) {
    console.warn('Could not keep the board for offline use', error);
  }
}

export function recallSummary(storage: KeyValueStorage | undefined, boardId: string): CachedSummary | undefined {
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(SUMMARY_PREFIX + boardId);
  } catch (error) {
    console.warn('Could not read the board kept for offline use', error);
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<CachedSummary>;
    const valid =
      typeof value.board?.id === 'string' &&
      value.board.id === boardId &&
      (value.credential?.kind === 'session' || value.credential?.kind === 'grant');
    return valid ? (value as CachedSummary) : undefined;
  } catch {
    // Damaged or not ours: as if nothing was kept; the next successful load overwrites it.
    return undefined;
  }
}

export function forgetSummary(storage: KeyValueStorage | undefined, boardId: string): void {
  try {
    storage?.removeItem(SUMMARY_PREFIX + boardId);
  } catch (error) {
    console.warn('Could not forget the board kept for offline use', error);
  }
}
