import type { ShareToBoardBody } from '@samle/shared';
import { type Credential, request } from './http';

/** Sharing a paragraph of one's home reflection onto a board as a note (docs/api.md, "Home reflection"). */
export const shareToBoard = (boardId: string, body: ShareToBoardBody, credential: Credential) =>
  request<{ noteId: string }>(`/api/boards/${encodeURIComponent(boardId)}/share`, {
    method: 'POST',
    body,
    credential,
  });
