import type { BoardView } from '@samle/shared';
import { isSignedIn } from '../account/meStore';
import { findBoard } from '../api/boardsApi';
import { boardCredentials, withFirstAccepted } from '../api/credentials';
import { grants } from '../api/grants';
import { ApiRequestError, type Credential } from '../api/http';

export interface BoardRecord {
  board: BoardView;
  credential: Credential;
}

/** The board's API record and the first credential the server accepts for it (see useBoardSummary). */
export async function loadBoardRecord(boardId: string, signal?: AbortSignal): Promise<BoardRecord> {
  const store = grants();
  const options = { indexedWorkshopId: store.workshopOfBoard(boardId), grants: store.all() };
  // Whether the cookie signs someone in only reorders the candidates; when it cannot change them (no grant in
  // this browser: the cookie is the only one) the board is asked for at once, beside /api/auth/me, not after it.
  const asGuest = boardCredentials({ ...options, signedIn: false });
  const candidates = sameCredentials(asGuest, boardCredentials({ ...options, signedIn: true }))
    ? asGuest
    : boardCredentials({ ...options, signedIn: await isSignedIn() });
  // Asked with each credential in turn through the route that answers "not for this one" with 200 (a 404 per
  // wrong guess showed as an error in the console); none fitting is a not-found, as the plain route says it.
  const { value: board, credential } = await withFirstAccepted(candidates, async (c) => {
    const found = await findBoard(boardId, c, signal);
    if (!found) throw new ApiRequestError('BOARD_NOT_FOUND', 'There is no board with this id.', 404);
    return found;
  });
  if (board.workshopId) store.rememberBoards(board.workshopId, [board.id]);
  return { board, credential };
}

function sameCredentials(a: readonly Credential[], b: readonly Credential[]): boolean {
  return (
    a.length === b.length &&
    a.every((credential, i) => {
      const other = b[i];
      if (credential.kind === 'session') return other?.kind === 'session';
      return other?.kind === 'grant' && other.token === credential.token;
    })
  );
}

type Settled = { ok: true; record: BoardRecord } | { ok: false; error: unknown };

let early: { boardId: string; settled: Promise<Settled> } | undefined;

/**
 * Asks for the board's record as the page starts, before the language's texts and the board's chunks are in:
 * the sync socket opens once the record is there, so on a cold page this takes the request off the path to
 * the first paint (docs/performance.md). The board page takes the answer once (`takeEarlyBoardRecord`); the
 * returned promise is for opening the socket early (app/startRoute.ts).
 */
export function fetchBoardRecordEarly(boardId: string): Promise<BoardRecord | undefined> {
  const settled = loadBoardRecord(boardId).then(
    (record): Settled => ({ ok: true, record }),
    (error: unknown): Settled => ({ ok: false, error }),
  );
  early = { boardId, settled };
  // Undefined when it was refused or failed: the page says why when it takes the answer.
  return settled.then((result) => (result.ok ? result.record : undefined));
}

/** The record asked for as the page started, for this board, once; later loads (a reload) ask again. */
export function takeEarlyBoardRecord(boardId: string): Promise<BoardRecord> | undefined {
  if (early?.boardId !== boardId) return undefined;
  const { settled } = early;
  early = undefined;
  return settled.then((result) => {
    if (result.ok) return result.record;
    throw result.error;
  });
}
