import type {
  BoardSettingsBody,
  CastVoteBody,
  FollowBody,
  MyVotes,
  PrivateWritingBody,
  TimerCommandBody,
  VoteCommandBody,
} from '@samle/shared';
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

/** Starts private writing (`on: true`) or reveals every draft at once (`on: false`). */
export function commandPrivateWriting(boardId: string, body: PrivateWritingBody): Promise<PrivateWritingAnswer> {
  return request<PrivateWritingAnswer>(`${boardPath(boardId)}/private-writing`, { method: 'POST', body });
}

export interface PrivateWritingAnswer {
  on: boolean;
  /** How many drafts the reveal put on the board. */
  revealed: number;
  /** Drafts that could not be read or emptied (the server logged them); their notes stay private. */
  failed: number;
}

/** Follow mode and the big screen's spotlight: the facilitator's viewport and theme for everyone. */
export async function commandFollow(boardId: string, body: FollowBody): Promise<void> {
  await request<unknown>(`${boardPath(boardId)}/follow`, { method: 'POST', body });
}

/** Makes the board anonymous (authors are removed from every note and its stored history) or signed again. */
export async function commandBoardSettings(boardId: string, body: BoardSettingsBody): Promise<void> {
  await request<unknown>(`${boardPath(boardId)}/settings`, { method: 'POST', body });
}
