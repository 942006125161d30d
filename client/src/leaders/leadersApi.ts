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

export type ExportFormat = 'docx' | 'xlsx' | 'csv' | 'md';

/** `internal`: the explicitly internal export, the only one with management's internal notes. */
export function exportPath(workshopId: string, format: ExportFormat, internal = false): string {
  return `${base(workshopId)}/catalog/export.${format}${internal ? '?internal=true' : ''}`;
}

/** The file name the server gave (in the workshop's language), or a plain one. */
function fileNameOf(response: Response, format: ExportFormat): string {
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return named?.[1] ?? `idekatalog.${format}`;
}

/**
 * Downloads an export. Leaders sign in with a token, not a cookie, so a plain
 * link would be refused: the file is fetched with the credential and saved
 * from a blob.
 */
export async function downloadExport(
  workshopId: string,
  format: ExportFormat,
  credential: Credential,
  internal = false,
): Promise<void> {
  const response = await fetch(exportPath(workshopId, format, internal), buildRequestInit({ credential }));
  if (!response.ok) throw new ApiRequestError(`HTTP_${response.status}`, response.statusText, response.status);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, format);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
