import type { DoneBody, RoomState } from '@samle/shared';
import { type Credential, request, SESSION } from './http';

/** "We are done" and the room's live counts (docs/api.md, "The room"). */

const enc = encodeURIComponent;

export const getRoom = (sessionId: string, credential: Credential = SESSION, signal?: AbortSignal) =>
  request<RoomState>(`/api/sessions/${enc(sessionId)}/room`, { credential, ...(signal ? { signal } : {}) });

export const markDone = (sessionId: string, done: boolean, credential: Credential) =>
  request<DoneBody>(`/api/sessions/${enc(sessionId)}/done`, { method: 'POST', credential, body: { done } });
