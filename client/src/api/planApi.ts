import type {
  AddSessionBody,
  DuplicateWorkshopBody,
  ReplaceAgendaBody,
  SavedTemplate,
  SaveTemplateBody,
  UpdateSessionBody,
  UpdateWorkshopBody,
  WorkshopDetail,
} from '@samle/shared';
import { request, SESSION } from './http';

/** The process plan's commands (docs/api.md, "Process plan" and "Templates"); each answers with the workshop. */

const enc = encodeURIComponent;
const send = <T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown) =>
  request<T>(path, { method, credential: SESSION, ...(body !== undefined ? { body } : {}) });

export const updateWorkshop = (workshopId: string, body: UpdateWorkshopBody) =>
  send<WorkshopDetail>('PATCH', `/api/workshops/${enc(workshopId)}`, body);
export const addSession = (workshopId: string, body: AddSessionBody) =>
  send<WorkshopDetail>('POST', `/api/workshops/${enc(workshopId)}/sessions`, body);
export const updateSession = (sessionId: string, body: UpdateSessionBody) =>
  send<WorkshopDetail>('PATCH', `/api/sessions/${enc(sessionId)}`, body);
export const removeSession = (sessionId: string) => send<WorkshopDetail>('DELETE', `/api/sessions/${enc(sessionId)}`);
export const orderSessions = (workshopId: string, sessionIds: string[]) =>
  send<WorkshopDetail>('PUT', `/api/workshops/${enc(workshopId)}/session-order`, { sessionIds });
export const replaceAgenda = (sessionId: string, body: ReplaceAgendaBody) =>
  send<WorkshopDetail>('PUT', `/api/sessions/${enc(sessionId)}/agenda`, body);

export async function listSavedTemplates(signal?: AbortSignal): Promise<SavedTemplate[]> {
  const answer = await request<{ templates: SavedTemplate[] }>('/api/templates', signal ? { signal } : {});
  return answer.templates;
}
export const saveAsTemplate = (workshopId: string, body: SaveTemplateBody) =>
  send<SavedTemplate>('POST', `/api/workshops/${enc(workshopId)}/templates`, body);
export const duplicateWorkshop = (workshopId: string, body: DuplicateWorkshopBody) =>
  send<WorkshopDetail>('POST', `/api/workshops/${enc(workshopId)}/duplicate`, body);
