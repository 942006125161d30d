import type { CatalogEvidence, MySupport, NoteVotes, SupportWindow } from '@samle/shared';
import { type Credential, request } from './http';

/** The evidence beside the catalog and participants' support (docs/api.md, "Evidence beside the catalog"). */

const enc = encodeURIComponent;
const base = (workshopId: string) => `/api/workshops/${enc(workshopId)}`;

export const fetchEvidence = (workshopId: string, credential: Credential) =>
  request<CatalogEvidence>(`${base(workshopId)}/catalog/evidence`, { credential });

export const fetchNoteVotes = (workshopId: string, credential: Credential) =>
  request<NoteVotes>(`${base(workshopId)}/catalog/votes`, { credential });

/** Every idea's description as the server has it (printing must not depend on which ideas were opened). */
export const fetchDescriptions = (workshopId: string, credential: Credential) =>
  request<{ descriptions: Record<string, string> }>(`${base(workshopId)}/catalog/descriptions`, { credential });

export const ideaFromQuestion = (workshopId: string, questionId: string, credential: Credential) =>
  request<{ ideaId: string; sources: number }>(`${base(workshopId)}/catalog/ideas/from-question`, {
    method: 'POST',
    body: { questionId },
    credential,
  });

export const setSupportWindow = (workshopId: string, open: boolean, credential: Credential) =>
  request<SupportWindow>(`${base(workshopId)}/catalog/support`, { method: 'POST', body: { open }, credential });

export const supportIdea = (workshopId: string, ideaId: string, supported: boolean, credential: Credential) =>
  request<{ supported: boolean }>(`${base(workshopId)}/published/ideas/${enc(ideaId)}/support`, {
    method: 'POST',
    body: { supported },
    credential,
  });

export const mySupport = (workshopId: string, credential: Credential) =>
  request<MySupport>(`${base(workshopId)}/published/support`, { credential });
