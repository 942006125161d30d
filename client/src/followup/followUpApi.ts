import type {
  FollowUpUpdateBody,
  FollowUpView,
  PulseAnswerBody,
  PulseResultsReport,
  PulseView,
  SchedulePulseBody,
} from '@samle/shared';
import { ApiRequestError, buildRequestInit, type Credential, request } from '../api/http';

/** Follow-up, impact pulse and calendar files (docs/after-the-session.md). */

const enc = encodeURIComponent;
const base = (workshopId: string) => `/api/workshops/${enc(workshopId)}`;

export const updateFollowUp = (workshopId: string, ideaId: string, body: FollowUpUpdateBody, credential: Credential) =>
  request<FollowUpView>(`${base(workshopId)}/ideas/${enc(ideaId)}/follow-up`, { method: 'POST', body, credential });

export const schedulePulses = (workshopId: string, body: SchedulePulseBody, credential: Credential) =>
  request<{ pulses: PulseView[] }>(`${base(workshopId)}/pulses`, { method: 'POST', body, credential });

export const answerPulse = (workshopId: string, pulseId: string, body: PulseAnswerBody, credential: Credential) =>
  request<PulseView>(`${base(workshopId)}/pulses/${enc(pulseId)}/answers`, { method: 'POST', body, credential });

export const answeredPulses = (workshopId: string, credential: Credential) =>
  request<{ answered: string[] }>(`${base(workshopId)}/pulses/mine`, { credential });

export const pulseResults = (workshopId: string, credential: Credential) =>
  request<PulseResultsReport>(`${base(workshopId)}/pulses/results`, { credential });

/**
 * Fetches a file with the caller's credential (participants and leaders carry a
 * token, not a cookie, so a plain link would be refused) and saves it.
 */
export async function downloadFile(path: string, fileName: string, credential: Credential): Promise<void> {
  const response = await fetch(path, buildRequestInit({ credential }));
  if (!response.ok) throw new ApiRequestError(`HTTP_${response.status}`, response.statusText, response.status);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
