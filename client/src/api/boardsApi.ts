import type { BoardList, BoardSummary, CreateBoardBody } from '@samle/shared';

/**
 * The HTTP API of the server, typed with shared's schemas. Every failure
 * becomes an ApiRequestError with a stable `code` the UI translates; network
 * failures get the code NETWORK.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

function isApiErrorBody(value: unknown): value is { code: string; message: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) },
    });
  } catch (error) {
    throw new ApiRequestError('NETWORK', error instanceof Error ? error.message : String(error), undefined);
  }
  const body: unknown = await response.json().catch((error: unknown) => {
    // A proxy error page or an empty body: report the HTTP status instead.
    if (response.ok) throw new ApiRequestError('BAD_RESPONSE', String(error), response.status);
    return undefined;
  });
  if (!response.ok) {
    if (isApiErrorBody(body)) throw new ApiRequestError(body.code, body.message, response.status);
    throw new ApiRequestError(`HTTP_${response.status}`, response.statusText, response.status);
  }
  return body as T;
}

export async function listBoards(signal?: AbortSignal): Promise<BoardSummary[]> {
  const list = await request<BoardList>('/api/boards', signal ? { signal } : {});
  return list.boards;
}

export function getBoard(id: string, signal?: AbortSignal): Promise<BoardSummary> {
  return request<BoardSummary>(`/api/boards/${encodeURIComponent(id)}`, signal ? { signal } : {});
}

export function createBoard(body: CreateBoardBody): Promise<BoardSummary> {
  return request<BoardSummary>('/api/boards', { method: 'POST', body: JSON.stringify(body) });
}
