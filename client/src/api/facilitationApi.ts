import type { CastVoteBody, MyVotes, TimerCommandBody, VoteCommandBody } from '@samle/shared';
import { type Credential, request } from './http';

/** The facilitation endpoints (docs/api.md). Commands answer with the control state, which also arrives over sync. */
const boardPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

export async function commandTimer(boardId: string, body: TimerCommandBody): Promise<void> {
  await request<unknown>(`${boardPath(boardId)}/timer`, { method: 'POST', body });
}

export async function commandVote(boardId: string, body: VoteCommandBody): Promise<void> {
  await request<unknown>(`${boardPath(boardId)}/vote`, { method: 'POST', body });
}

export function castVote(boardId: string, body: CastVoteBody, credential: Credential): Promise<MyVotes> {
  return request<MyVotes>(`${boardPath(boardId)}/votes`, { method: 'POST', body, credential });
}

export function myVotes(boardId: string, credential: Credential): Promise<MyVotes> {
  return request<MyVotes>(`${boardPath(boardId)}/votes/mine`, { credential });
}
