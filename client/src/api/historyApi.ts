import type { BoardHistory, HistoryPreview, RestoreResult } from '@samle/shared';
import { request } from './http';

/** Board history for the facilitator (docs/api.md): snapshots, a preview of one, restores. */
const historyPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/history`;

export function listBoardHistory(boardId: string, signal?: AbortSignal): Promise<BoardHistory> {
  return request<BoardHistory>(historyPath(boardId), signal ? { signal } : {});
}

export function previewSnapshot(boardId: string, snapshotId: string, signal?: AbortSignal): Promise<HistoryPreview> {
  return request<HistoryPreview>(`${historyPath(boardId)}/${encodeURIComponent(snapshotId)}`, signal ? { signal } : {});
}

/** Makes the live board what it was in the snapshot (everyone sees it at once). */
export function restoreBoard(boardId: string, snapshotId: string): Promise<RestoreResult> {
  return request<RestoreResult>(`${historyPath(boardId)}/${encodeURIComponent(snapshotId)}/restore`, {
    method: 'POST',
    body: {},
  });
}

/** Puts one note of the snapshot back on the live board. */
export function restoreNote(boardId: string, snapshotId: string, noteId: string): Promise<RestoreResult> {
  return request<RestoreResult>(
    `${historyPath(boardId)}/${encodeURIComponent(snapshotId)}/notes/${encodeURIComponent(noteId)}/restore`,
    { method: 'POST', body: {} },
  );
}
