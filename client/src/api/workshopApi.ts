import type {
  AcceptInviteBody,
  AssignGroupBody,
  CreateInviteBody,
  CreateWorkshopBody,
  Facilitator,
  Grant,
  Invite,
  InviteList,
  InvitePreview,
  JoinBody,
  JoinCodeBody,
  Me,
  Session,
  SignInBody,
  SignUpBody,
  SplitGroupsBody,
  WorkshopDetail,
  WorkshopSummary,
} from '@samle/shared';
import { type Credential, request, SESSION } from './http';

/** Every endpoint of docs/api.md except the board ones (boardsApi.ts), typed with shared's schemas. */

const enc = encodeURIComponent;
const post = <T>(path: string, body?: unknown, credential: Credential = SESSION) =>
  request<T>(path, { method: 'POST', credential, ...(body !== undefined ? { body } : {}) });

// ---- facilitator account ----------------------------------------------------

export const getMe = (signal?: AbortSignal) => request<Me>('/api/auth/me', signal ? { signal } : {});
export const signUp = (body: SignUpBody) => post<Facilitator>('/api/auth/signup', body);
export const signIn = (body: SignInBody) => post<Facilitator>('/api/auth/signin', body);
export const signOut = () => post<void>('/api/auth/signout');

// ---- workshops ----------------------------------------------------------------

export async function listWorkshops(signal?: AbortSignal): Promise<WorkshopSummary[]> {
  const answer = await request<{ workshops: WorkshopSummary[] }>('/api/workshops', signal ? { signal } : {});
  return answer.workshops;
}
export const createWorkshop = (body: CreateWorkshopBody) => post<WorkshopDetail>('/api/workshops', body);
export const createDemoWorkshop = () => post<WorkshopDetail>('/api/demo');

export const getWorkshop = (id: string, credential: Credential, signal?: AbortSignal) =>
  request<WorkshopDetail>(`/api/workshops/${enc(id)}`, { credential, ...(signal ? { signal } : {}) });

export const createInvite = (workshopId: string, body: CreateInviteBody) =>
  post<Invite>(`/api/workshops/${enc(workshopId)}/invites`, body);
export const listInvites = async (workshopId: string, signal?: AbortSignal): Promise<Invite[]> =>
  (await request<InviteList>(`/api/workshops/${enc(workshopId)}/invites`, signal ? { signal } : {})).invites;
export const revokeInvite = (inviteId: string) => post<Invite>(`/api/invites/${enc(inviteId)}/revoke`);
export const regenerateInvite = (inviteId: string) => post<Invite>(`/api/invites/${enc(inviteId)}/regenerate`);
export const previewInvite = (invite: string) => post<InvitePreview>('/api/invites/preview', { invite });
export const revokePerson = (personId: string) => post<void>(`/api/people/${enc(personId)}/revoke`);
export const mergePerson = (personId: string, into: string) =>
  post<void>(`/api/people/${enc(personId)}/merge`, { into });
export const setJoinCode = (sessionId: string, action: JoinCodeBody['action']) =>
  post<Session>(`/api/sessions/${enc(sessionId)}/join-code`, { action });

// ---- running a session ----------------------------------------------------------

export const openSession = (sessionId: string) => post<Session>(`/api/sessions/${enc(sessionId)}/open`);
export const endSession = (sessionId: string) => post<Session>(`/api/sessions/${enc(sessionId)}/end`);
export const reopenSession = (sessionId: string) => post<Session>(`/api/sessions/${enc(sessionId)}/reopen`);
export const setCurrentItem = (sessionId: string, itemId: string | null) =>
  post<Session>(`/api/sessions/${enc(sessionId)}/current-item`, { itemId });
export const splitGroups = (sessionId: string, body: SplitGroupsBody) =>
  post<Session>(`/api/sessions/${enc(sessionId)}/groups/split`, body);
export const assignGroup = (sessionId: string, body: AssignGroupBody) =>
  post<Session>(`/api/sessions/${enc(sessionId)}/groups/assign`, body);
export const setGroupWork = (sessionId: string, open: boolean, keepTablesOpen = false) =>
  post<Session>(`/api/sessions/${enc(sessionId)}/group-work`, open ? { open } : { open, keepTablesOpen });

// ---- joining ------------------------------------------------------------------------

export const lookupJoinCode = (code: string, signal?: AbortSignal) =>
  request<{ workshopTitle: string; sessionTitle: string }>(`/api/join/${enc(code)}`, signal ? { signal } : {});
export const joinByCode = (body: JoinBody) => post<Grant>('/api/join', body);
export const acceptInvite = (body: AcceptInviteBody) => post<Grant>('/api/invites/accept', body);
