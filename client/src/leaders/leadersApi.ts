import type { AssessIdeaBody, AssessmentView, DecisionChange, MyPublishedSources, PublishStatus } from '@samle/shared';
import { ApiRequestError, buildRequestInit, type Credential, request } from '../api/http';

/** Leadership assessment, publishing and exports (docs/api.md). */

const enc = encodeURIComponent;
const base = (workshopId: string) => `/api/workshops/${enc(workshopId)}`;

export const assessIdea = (workshopId: string, ideaId: string, body: AssessIdeaBody, credential: Credential) =>
  request<AssessmentView>(`${base(workshopId)}/ideas/${enc(ideaId)}/assessment`, {
    method: 'POST',
    body,
    credential,
  });

export const ideaHistory = (workshopId: string, ideaId: string, credential: Credential) =>
  request<{ changes: DecisionChange[] }>(`${base(workshopId)}/ideas/${enc(ideaId)}/history`, { credential });

export const publishCatalog = (workshopId: string, credential: Credential) =>
  request<{ ideas: number; publishedAt: number; unreadable: string[] }>(`${base(workshopId)}/catalog/publish`, {
    method: 'POST',
    body: {},
    credential,
  });

export const publishStatus = (workshopId: string, credential: Credential) =>
  request<PublishStatus>(`${base(workshopId)}/published/status`, { credential });

export const myPublishedSources = (workshopId: string, credential: Credential) =>
  request<MyPublishedSources>(`${base(workshopId)}/published/mine`, { credential });

export type ExportFormat = 'docx' | 'md' | 'csv';

export function exportPath(workshopId: string, format: ExportFormat): string {
  return `${base(workshopId)}/catalog/export.${format}`;
}

/**
 * Downloads an export. Leaders sign in with a token, not a cookie, so a plain
 * link would be refused: the file is fetched with the credential and saved
 * from a blob.
 */
export async function downloadExport(workshopId: string, format: ExportFormat, credential: Credential): Promise<void> {
  const response = await fetch(exportPath(workshopId, format), buildRequestInit({ credential }));
  if (!response.ok) throw new ApiRequestError(`HTTP_${response.status}`, response.statusText, response.status);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `idekatalog.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
