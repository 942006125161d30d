import type { MergeIdeasBody, SourceStatus, SplitIdeaBody } from '@samle/shared';
import { type Credential, request } from './http';

/** The catalog's commands (docs/api.md, "Idea catalog"): leaders and facilitators. */

const enc = encodeURIComponent;

export const mergeIdeas = (workshopId: string, body: MergeIdeasBody, credential: Credential) =>
  request<{ ideaId: string; sources: number }>(`/api/workshops/${enc(workshopId)}/catalog/merge`, {
    method: 'POST',
    body,
    credential,
  });

export const splitIdea = (workshopId: string, ideaId: string, body: SplitIdeaBody, credential: Credential) =>
  request<{ ideaId: string; sources: number }>(`/api/workshops/${enc(workshopId)}/catalog/ideas/${enc(ideaId)}/split`, {
    method: 'POST',
    body,
    credential,
  });

export const deleteIdea = (workshopId: string, ideaId: string, credential: Credential) =>
  request<{ deleted: string }>(`/api/workshops/${enc(workshopId)}/catalog/ideas/${enc(ideaId)}/delete`, {
    method: 'POST',
    body: {},
    credential,
  });

export const getSourceStatuses = (workshopId: string, credential: Credential, signal?: AbortSignal) =>
  request<{ sources: SourceStatus[] }>(`/api/workshops/${enc(workshopId)}/catalog/sources`, {
    credential,
    ...(signal ? { signal } : {}),
  });
