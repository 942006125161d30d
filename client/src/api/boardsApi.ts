import type { BoardAccessAnswer, BoardList, BoardSummary, BoardView, CreateBoardBody } from '@samle/shared';
import { type Credential, request } from './http';

export { ApiRequestError } from './http';

export async function listBoards(signal?: AbortSignal): Promise<BoardSummary[]> {
  const list = await request<BoardList>('/api/boards', signal ? { signal } : {});
  return list.boards;
}

/** The board as the credential's holder may use it (`access`, and its workshop if it belongs to one). */
export function getBoard(id: string, credential: Credential, signal?: AbortSignal): Promise<BoardView> {
  return request<BoardView>(`/api/boards/${encodeURIComponent(id)}`, { credential, ...(signal ? { signal } : {}) });
}

/**
 * The board as the credential's holder may use it, or null when it may not (or there is no such board): the same
 * decision as `getBoard`, answered with 200 either way, so trying credentials in turn leaves no error responses.
 */
export async function findBoard(id: string, credential: Credential, signal?: AbortSignal): Promise<BoardView | null> {
  const path = `/api/boards/${encodeURIComponent(id)}/access`;
  return (await request<BoardAccessAnswer>(path, { credential, ...(signal ? { signal } : {}) })).board;
}

export function createBoard(body: CreateBoardBody): Promise<BoardSummary> {
  return request<BoardSummary>('/api/boards', { method: 'POST', body });
}
