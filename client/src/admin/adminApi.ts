import type { AdminLink, AdminWorkshopList, ErasureResult, RetentionState } from '@samle/shared';
import { request } from '../api/http';

/** Facilitator administration (docs/api.md, "Facilitator administration" and "Retention…"). */
export const listAdminWorkshops = () => request<AdminWorkshopList>('/api/admin/workshops');

export const setArchived = (workshopId: string, archived: boolean) =>
  request<{ archived: boolean }>(`/api/workshops/${encodeURIComponent(workshopId)}/archive`, {
    method: 'POST',
    body: { archived },
  });

export const setRetention = (workshopId: string, retainUntil: string | null) =>
  request<RetentionState>(`/api/workshops/${encodeURIComponent(workshopId)}/retention`, {
    method: 'PUT',
    body: { retainUntil },
  });

export const deleteWorkshop = (workshopId: string, confirmTitle: string) =>
  request<void>(`/api/workshops/${encodeURIComponent(workshopId)}`, { method: 'DELETE', body: { confirmTitle } });

/** Where the browser downloads the whole workshop as a zip (the cookie goes along). */
export const workshopExportUrl = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}/export`;

export const cofacilitatorLink = (workshopId: string) =>
  request<AdminLink>(`/api/workshops/${encodeURIComponent(workshopId)}/cofacilitator-links`, {
    method: 'POST',
    body: {},
  });

export const acceptCofacilitator = (token: string) =>
  request<{ workshopId: string }>('/api/cofacilitators/accept', { method: 'POST', body: { token } });

export const changePassword = (currentPassword: string, newPassword: string) =>
  request<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });

export const resetLinkFor = (email: string) =>
  request<AdminLink>('/api/facilitators/reset-links', { method: 'POST', body: { email } });

export const resetPassword = (token: string, password: string) =>
  request<void>('/api/auth/reset', { method: 'POST', body: { token, password } });

export const erasePerson = (personId: string, confirmName: string) =>
  request<ErasureResult>(`/api/people/${encodeURIComponent(personId)}/erase`, {
    method: 'POST',
    body: { confirmName },
  });

/** A link's full address, to copy and pass on. */
export const absoluteLink = (path: string) => `${window.location.origin}${path}`;
